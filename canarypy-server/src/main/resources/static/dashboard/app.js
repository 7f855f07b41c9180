// The release dashboard: keeps the filters in the URL, loads the API every 10 seconds, and requests
// confirmation in a dialog before it promotes, rolls back, pauses or resumes a release. Once the
// server has API tokens, it reads with the signed-in token and acts only with an admin token.

import {
  act, ApiError, checkActionAccess, hourlyCounts, listEvents, listProducts, listReleases,
} from './api.js';
import { forgetToken, storedToken, storeToken } from './auth.js';
import { drawCharts } from './charts.js';
import { el, setText } from './dom.js';
import {
  ACTION_LABELS, inFlight, renderDetail, renderOverview, renderReleases, renderTiles,
} from './views.js';

const REFRESH_MILLIS = 10_000;
const RANGE_MILLIS = { '24h': 24 * 3_600_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };
const ACTION_EXPLANATIONS = {
  promote: 'The canary becomes the stable release and gets every execution from now on.',
  rollback: 'A canary stops being served at once; a stable release is replaced by the one before it.',
  pause: 'The canary keeps its current share and automatic decisions stop until it is resumed.',
  resume: 'Automatic decisions start again and the canary follows its band schedule.',
};

let state = readUrl();
let lastRows = [];
let loadGeneration = 0;
let loading = false;
let pendingAction = null;
let access = { canAct: false, hint: '' };

function readUrl() {
  const query = new URLSearchParams(window.location.search);
  return {
    product: query.get('product') || '',
    version: query.get('version') || '',
    range: RANGE_MILLIS[query.get('range')] ? query.get('range') : '',
  };
}

function writeUrl(replace) {
  const query = new URLSearchParams();
  if (state.product) query.set('product', state.product);
  if (state.product && state.version) query.set('version', state.version);
  if (state.range) query.set('range', state.range);
  const text = query.toString();
  const url = text ? `?${text}` : window.location.pathname;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
}

function showNotice(text, isError) {
  const notice = document.getElementById('notice');
  notice.textContent = text;
  notice.classList.toggle('error', Boolean(isError));
  notice.hidden = false;
}

/** Replaces a select's options only when they changed, so an open list is not disturbed. */
function setOptions(select, values, selected) {
  const current = [...select.options].slice(1).map((option) => option.value);
  if (current.length !== values.length || current.some((value, i) => value !== values[i])) {
    select.replaceChildren(
      el('option', { value: '', text: 'All' }),
      ...values.map((value) => el('option', { value, text: value })));
  }
  select.value = selected;
}

function renderFilters(products, releasesByProduct) {
  setOptions(document.getElementById('product-filter'),
    products.map((product) => product.name), state.product);
  const versionFilter = document.getElementById('version-filter');
  const releases = state.product ? releasesByProduct.get(state.product) || [] : [];
  setOptions(versionFilter, releases.map((release) => release.semver_version), state.version);
  versionFilter.disabled = !state.product;
  document.getElementById('range-filter').value = state.range;
}

/** Drops a product or version that no longer exists from the URL, and shows a notice. */
function dropUnknownFilters(products, releasesByProduct) {
  if (state.product && !products.some((product) => product.name === state.product)) {
    showNotice(`No product is named "${state.product}"; showing every product.`, true);
    state = { ...state, product: '', version: '' };
    writeUrl(true);
  }
  const releases = releasesByProduct.get(state.product) || [];
  if (state.version && !releases.some((release) => release.semver_version === state.version)) {
    showNotice(`Product "${state.product}" has no release "${state.version}"; showing all of its releases.`, true);
    state = { ...state, version: '' };
    writeUrl(true);
  }
}

function selectedRelease(releases) {
  if (state.version) return releases.find((release) => release.semver_version === state.version);
  return releases.find(inFlight)
    || releases.find((release) => release.status === 'stable')
    || releases[0];
}

/** Describes why the action buttons are disabled, from the reply to the access check. */
function accessHint(check) {
  if (check.status === 403) {
    return 'The signed-in token has scope signal; sign in with an admin token to promote, roll back, pause or resume.';
  }
  if (storedToken()) return `The server rejected the signed-in token: ${check.detail}`;
  return 'Sign in with an admin token to promote, roll back, pause or resume.';
}

/** Explains a failed load, with what to do when the server requires a token. */
function loadErrorText(error) {
  if (error instanceof ApiError && error.status === 401) {
    return storedToken()
      ? `The server rejected the signed-in token: ${error.message} Sign in with a valid token.`
      : 'The server requires an API token to show releases. Sign in with a token of scope signal or admin.';
  }
  return `Could not load the dashboard's data: ${error.message} Retrying every 10 s.`;
}

function renderSignIn() {
  const signedIn = Boolean(storedToken());
  document.getElementById('token-input').hidden = signedIn;
  document.getElementById('token-sign-in').hidden = signedIn;
  document.getElementById('token-sign-out').hidden = !signedIn;
  setText('token-status', signedIn ? 'Signed in with a token' : '');
}

async function load() {
  const generation = ++loadGeneration;
  const stale = () => generation !== loadGeneration;
  loading = true;
  renderSignIn();
  try {
    const check = await checkActionAccess();
    if (stale()) return;
    access = { canAct: check.canAct, hint: check.canAct ? '' : accessHint(check) };
    const products = await listProducts();
    if (stale()) return;
    document.getElementById('connection-error').hidden = true;
    const empty = products.length === 0;
    document.getElementById('empty-state').hidden = !empty;
    document.getElementById('content').hidden = empty;
    if (empty) {
      renderFilters([], new Map());
      finishLoad();
      return;
    }

    const releaseLists = await Promise.all(products.map((product) => listReleases(product.name)));
    if (stale()) return;
    const releasesByProduct = new Map(
      products.map((product, i) => [product.name, releaseLists[i]]));
    dropUnknownFilters(products, releasesByProduct);
    renderFilters(products, releasesByProduct);

    const from = state.range
      ? new Date(Date.now() - RANGE_MILLIS[state.range]).toISOString()
      : '';
    const rows = await hourlyCounts({ product: state.product, version: state.version, from });
    if (stale()) return;
    lastRows = rows;
    renderTiles(rows);
    drawCharts(rows);
    renderOverview(products, releasesByProduct, state.product, selectProduct);

    await renderReleaseSection(releasesByProduct.get(state.product), stale);
    if (stale()) return;
    finishLoad();
  } catch (error) {
    if (stale()) return;
    const box = document.getElementById('connection-error');
    box.textContent = loadErrorText(error);
    box.hidden = false;
    if (error instanceof ApiError && error.status === 401) {
      // Without a valid token nothing may be shown, not even what an earlier token could read.
      document.getElementById('content').hidden = true;
      document.getElementById('empty-state').hidden = true;
    }
  } finally {
    if (!stale()) loading = false;
  }
}

async function renderReleaseSection(releases, stale) {
  const section = document.getElementById('release-section');
  if (!state.product || !releases) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  const release = selectedRelease(releases);
  renderReleases(releases, release, selectVersion);
  const detail = document.getElementById('release-detail');
  detail.hidden = !release;
  if (!release) return;
  const events = await listEvents(state.product, release.semver_version);
  if (stale()) return;
  renderDetail(state.product, release, events, confirmAction, access);
}

function finishLoad() {
  setText('last-update', `Updated ${new Date().toLocaleTimeString()}`);
  // A counter that tests and scripts can wait on; it changes after every completed refresh.
  document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes || 0) + 1);
}

function applyFilters(changes) {
  state = { ...state, ...changes };
  writeUrl(false);
  // The version list belongs to one product, so it is unusable until the new product's arrives.
  document.getElementById('version-filter').disabled = !state.product || 'product' in changes;
  load();
}

function selectProduct(name) {
  applyFilters({ product: name, version: '' });
}

function selectVersion(version) {
  applyFilters({ version });
}

function confirmAction(action, release) {
  pendingAction = { action, product: state.product, version: release.semver_version };
  setText('confirm-title', `${ACTION_LABELS[action]} ${state.product} ${release.semver_version}?`);
  setText('confirm-text', ACTION_EXPLANATIONS[action]);
  document.getElementById('confirm-reason').value = '';
  document.getElementById('confirm-ok').textContent = ACTION_LABELS[action];
  const dialog = document.getElementById('confirm-dialog');
  // Escape closes the dialog without changing returnValue, so clear the previous value first.
  dialog.returnValue = '';
  dialog.showModal();
}

async function performAction() {
  const { action, product, version } = pendingAction;
  pendingAction = null;
  const reason = document.getElementById('confirm-reason').value.trim()
    || `${ACTION_LABELS[action]} requested from the dashboard.`;
  try {
    const updated = await act(product, version, action, reason);
    showNotice(`${ACTION_LABELS[action]} done: ${product} ${version} is now ${updated.status.replace('_', ' ')}.`, false);
  } catch (error) {
    showNotice(`${ACTION_LABELS[action]} of ${product} ${version} failed: ${error.message}`, true);
  }
  load();
}

function applyTheme(theme, redraw = true) {
  document.documentElement.setAttribute('data-theme', theme);
  const toggle = document.getElementById('theme-toggle');
  toggle.textContent = theme === 'dark' ? 'Light theme' : 'Dark theme';
  toggle.setAttribute('aria-pressed', String(theme === 'dark'));
  // The charts read their colors from the theme's CSS variables when drawn.
  if (redraw) drawCharts(lastRows);
}

function setUpTheme() {
  const toggle = document.getElementById('theme-toggle');
  applyTheme(document.documentElement.getAttribute('data-theme') || 'light', false);
  toggle.addEventListener('click', () => {
    const next = document.documentElement.getAttribute('data-theme') === 'dark' ? 'light' : 'dark';
    try {
      window.localStorage.setItem('canarypy-theme', next);
    } catch (unavailable) {
      // The choice then lasts only until the page is reloaded.
    }
    applyTheme(next);
  });
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (change) => {
    let saved = null;
    try {
      saved = window.localStorage.getItem('canarypy-theme');
    } catch (unavailable) {
      saved = null;
    }
    if (!saved) applyTheme(change.matches ? 'dark' : 'light');
  });
}

function setUpSignIn() {
  document.getElementById('token-form').addEventListener('submit', (submit) => {
    submit.preventDefault();
    const input = document.getElementById('token-input');
    const token = input.value.trim();
    input.value = '';
    if (!token) return;
    if (!storeToken(token)) {
      showNotice('The browser blocks sessionStorage, so the page cannot keep the token.', true);
      return;
    }
    document.getElementById('notice').hidden = true;
    load();
  });
  document.getElementById('token-sign-out').addEventListener('click', () => {
    forgetToken();
    load();
  });
}

function setUp() {
  document.getElementById('product-filter').addEventListener('change', (change) => {
    applyFilters({ product: change.target.value, version: '' });
  });
  document.getElementById('version-filter').addEventListener('change', (change) => {
    applyFilters({ version: change.target.value });
  });
  document.getElementById('range-filter').addEventListener('change', (change) => {
    applyFilters({ range: change.target.value });
  });
  document.getElementById('filters').addEventListener('submit', (submit) => submit.preventDefault());
  window.addEventListener('popstate', () => {
    state = readUrl();
    load();
  });

  const dialog = document.getElementById('confirm-dialog');
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'confirm' && pendingAction) performAction();
    else pendingAction = null;
  });

  setUpTheme();
  setUpSignIn();
  window.setInterval(() => {
    const enabled = document.getElementById('auto-refresh').checked;
    if (enabled && !loading && !document.hidden) load();
  }, REFRESH_MILLIS);
  load();
}

setUp();
