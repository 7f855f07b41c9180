// Small DOM and formatting helpers. Every piece of text goes in through textContent or a text
// node, never through innerHTML, so names and reasons that contain markup show as typed.

/**
 * Creates an element. `attributes` may hold `className`, `text` and plain attributes; `children`
 * are nodes or strings, and strings become text nodes.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function setText(id, text) {
  document.getElementById(id).textContent = text;
}

const integerFormat = new Intl.NumberFormat();

export function formatCount(value) {
  return value === null || value === undefined ? '–' : integerFormat.format(value);
}

/** Formats a fraction from 0 to 1 as a percentage with one decimal, or a dash without a value. */
export function formatPercent(fraction) {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '–';
  return `${(fraction * 100).toFixed(1)} %`;
}

/** Formats a signed fraction, such as a difference of rates, in percentage points. */
export function formatPoints(fraction) {
  if (fraction === null || fraction === undefined) return '–';
  const points = fraction * 100;
  return `${points > 0 ? '+' : ''}${points.toFixed(1)} pp`;
}

export function formatTime(iso) {
  if (!iso) return '–';
  return new Date(iso).toLocaleString(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
  });
}

export function formatHour(iso) {
  return new Date(iso).toLocaleString(undefined, {
    month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
  });
}

/** Replaces a table body's rows. */
export function fillTable(tbody, rows) {
  tbody.replaceChildren(...rows);
}

/** Creates a status or verdict badge whose CSS class comes from a fixed list, never from raw text. */
export function badge(kind, value) {
  const known = {
    status: ['canary', 'stable', 'superseded', 'rolled_back', 'paused', 'inactive'],
    verdict: ['pass', 'fail', 'inconclusive'],
  };
  const label = value ? value.replace('_', ' ') : '';
  const className = known[kind].includes(value) ? `badge ${kind}-${value}` : 'badge';
  return el('span', { className, text: label });
}
