// Renders the tiles, the product overview and the release view from API replies.

import {
  badge, el, fillTable, formatCount, formatPercent, formatPoints, formatTime, setText,
} from './dom.js';

/** The actions a person may request for a release in each status, with their labels. */
const ACTIONS_BY_STATUS = {
  canary: ['promote', 'rollback', 'pause'],
  paused: ['promote', 'rollback', 'resume'],
  stable: ['rollback'],
};

export const ACTION_LABELS = {
  promote: 'Promote',
  rollback: 'Roll back',
  pause: 'Pause',
  resume: 'Resume',
};

export function inFlight(release) {
  return release.status === 'canary' || release.status === 'paused';
}

/** Returns the share of executions a canary gets now: none before its start unless it is paused. */
function currentShare(release) {
  if (!release || !release.band) return null;
  if (release.band.phase === 'not_started' && release.status !== 'paused') return 0;
  return release.band.target_share;
}

function bandText(release) {
  if (!release || !release.band) return '–';
  if (release.band.phase === 'not_started') return `starts ${formatTime(release.band.start)}`;
  return `${release.band.number} of ${release.band.band_count}`;
}

/** Sums the rows of GET /metrics/releases into the four tiles. */
export function renderTiles(rows) {
  let canary = 0;
  let stable = 0;
  let successes = 0;
  let failures = 0;
  for (const row of rows) {
    const total = row.successes + row.failures;
    if (row.is_canary) canary += total;
    else stable += total;
    successes += row.successes;
    failures += row.failures;
  }
  const total = successes + failures;
  setText('tile-canary', formatCount(canary));
  setText('tile-stable', formatCount(stable));
  setText('tile-success', total === 0 ? '–' : formatPercent(successes / total));
  setText('tile-failure', total === 0 ? '–' : formatPercent(failures / total));
}

/**
 * Fills the product overview: each product's stable and canary, band, share and verdict.
 *
 * @param releasesByProduct a Map from product name to its releases, newest first
 * @param onSelectProduct called with a product name when its name is clicked
 */
export function renderOverview(products, releasesByProduct, selectedProduct, onSelectProduct) {
  const rows = products.map((product) => {
    const releases = releasesByProduct.get(product.name) || [];
    const stable = releases.find((release) => release.status === 'stable');
    const canary = releases.find(inFlight);
    const nameButton = el('button', { type: 'button', className: 'link', text: product.name });
    nameButton.addEventListener('click', () => onSelectProduct(product.name));
    const verdict = canary && canary.analysis ? badge('verdict', canary.analysis.verdict) : '–';
    return el('tr', { className: product.name === selectedProduct ? 'selected' : null },
      el('td', { className: 'name' }, nameButton,
        el('div', { className: 'muted', text: product.artifact_url })),
      el('td', { text: stable ? stable.semver_version : '–' }),
      el('td', {}, canary ? canary.semver_version : '–', ' ',
        canary && canary.status === 'paused' ? badge('status', 'paused') : null),
      el('td', { text: bandText(canary) }),
      el('td', { text: canary ? formatPercent(currentShare(canary)) : '–' }),
      el('td', {}, verdict));
  });
  fillTable(document.querySelector('#overview tbody'), rows);
}

/** Fills the releases table of one product; clicking a version selects it. */
export function renderReleases(releases, selected, onSelectVersion) {
  const rows = releases.map((release) => {
    const versionButton = el('button', {
      type: 'button', className: 'link', text: release.semver_version,
    });
    versionButton.addEventListener('click', () => onSelectVersion(release.semver_version));
    return el('tr', { className: selected && release.id === selected.id ? 'selected' : null },
      el('td', { className: 'name' }, versionButton),
      el('td', {}, badge('status', release.status)),
      el('td', { text: bandText(release) }),
      el('td', { text: inFlight(release) ? formatPercent(currentShare(release)) : '–' }),
      el('td', { text: formatCount(release.signals.successes) }),
      el('td', { text: formatCount(release.signals.failures) }),
      el('td', {}, release.analysis ? badge('verdict', release.analysis.verdict) : '–'),
      el('td', { text: formatTime(release.release_date) }));
  });
  fillTable(document.querySelector('#releases tbody'), rows);
}

function number(term, value) {
  return el('div', {}, el('dt', { text: term }), el('dd', { text: value }));
}

function counts(signalCounts) {
  if (!signalCounts) return '–';
  return `${formatCount(signalCounts.successes)} ok / ${formatCount(signalCounts.failures)} failed`;
}

/**
 * Shows one release: verdict, the numbers behind it, action buttons and the event timeline. The
 * buttons are disabled, with `access.hint` next to them, unless `access.canAct`.
 */
export function renderDetail(product, release, events, onAction, access) {
  setText('detail-title', `${product} ${release.semver_version}`);
  document.getElementById('detail-status').replaceWith(
    Object.assign(badge('status', release.status), { id: 'detail-status' }));
  const verdict = release.analysis ? release.analysis.verdict : null;
  document.getElementById('detail-verdict').replaceWith(
    Object.assign(badge('verdict', verdict), { id: 'detail-verdict' }));

  const analysis = release.analysis;
  setText('detail-reason', analysis
    ? analysis.reason
    : 'No analysis: this release never ran as a canary.');

  const buttons = (ACTIONS_BY_STATUS[release.status] || []).map((action) => {
    const button = el('button', {
      type: 'button',
      className: action === 'rollback' ? 'danger' : null,
      'data-action': action,
      disabled: !access.canAct,
      text: ACTION_LABELS[action],
    });
    button.addEventListener('click', () => onAction(action, release));
    return button;
  });
  if (buttons.length === 0) {
    buttons.push(el('span', { className: 'muted', text: `No actions for a ${release.status.replace('_', ' ')} release.` }));
  } else if (!access.canAct) {
    buttons.push(el('span', { id: 'actions-hint', className: 'muted', text: access.hint }));
  }
  document.getElementById('detail-actions').replaceChildren(...buttons);

  const numbers = [
    number('Released', formatTime(release.release_date)),
    number('Band', bandText(release)),
    number('Target share', inFlight(release) ? formatPercent(currentShare(release)) : '–'),
    number('Own signals', counts(release.signals)),
    number('Threshold', `${release.threshold} % success`),
    number('Tolerance', `${release.tolerance} pp`),
    number('Minimum signals', formatCount(release.min_signals)),
  ];
  if (analysis) {
    numbers.push(
      number('Canary signals', counts(analysis.canary)),
      number('Stable signals, same window', counts(analysis.stable)),
      number('Missing signals', formatCount(analysis.missing_signals)),
      number('Canary success rate', formatPercent(analysis.canary_success_rate)),
      number('Canary failure rate', formatPercent(analysis.canary_failure_rate)),
      number('Stable failure rate', formatPercent(analysis.stable_failure_rate)),
      number('Success rate, upper bound', formatPercent(analysis.canary_success_rate_upper_bound)),
      number('Failure rate difference, lower bound',
        formatPoints(analysis.failure_rate_difference_lower_bound)),
      number('Confidence', formatPercent(analysis.confidence_level)));
  }
  document.getElementById('detail-numbers').replaceChildren(...numbers);

  const items = [...events].reverse().map((event) => el('li', {},
    el('span', { className: 'event-type', text: event.type.replace('_', ' ') }),
    el('span', { className: 'muted', text: formatTime(event.created_at) }),
    ' · ',
    el('span', { text: `${event.from_status || 'new'} → ${event.to_status}` }),
    ' · by ',
    el('span', { className: 'event-actor', text: event.actor }),
    event.verdict ? ' · verdict ' : null,
    event.verdict ? el('span', { text: event.verdict }) : null,
    el('span', { className: 'event-reason', text: event.reason })));
  if (items.length === 0) items.push(el('li', { className: 'muted', text: 'No events yet.' }));
  document.getElementById('detail-events').replaceChildren(...items);
}
