// The two charts, drawn with Chart.js from the WebJar that the server serves.

import { formatHour } from './dom.js';

const charts = {};

function color(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function baseOptions() {
  const text = color('--muted');
  const grid = color('--grid');
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: { legend: { labels: { color: text, usePointStyle: true, pointStyle: 'rectRounded' } } },
    scales: {
      x: { ticks: { color: text, maxRotation: 0, autoSkip: true }, grid: { color: grid } },
      y: { ticks: { color: text }, grid: { color: grid }, beginAtZero: true },
    },
  };
}

function sum(rows, pick) {
  return rows.reduce((total, row) => total + pick(row), 0);
}

function percentages(rowsByHour, hours, canary) {
  const success = [];
  const failure = [];
  for (const hour of hours) {
    const rows = (rowsByHour.get(hour) || []).filter((row) => row.is_canary === canary);
    const successes = sum(rows, (row) => row.successes);
    const failures = sum(rows, (row) => row.failures);
    const total = successes + failures;
    success.push(total === 0 ? null : (100 * successes) / total);
    failure.push(total === 0 ? null : (100 * failures) / total);
  }
  return { success, failure };
}

function line(label, data, borderColor, dashed) {
  return {
    label,
    data,
    borderColor,
    backgroundColor: borderColor,
    borderDash: dashed ? [6, 4] : [],
    pointRadius: 2,
    pointStyle: 'circle',
    tension: 0.2,
    spanGaps: false,
  };
}

function hourlyData(rows) {
  const rowsByHour = new Map();
  for (const row of rows) {
    if (!rowsByHour.has(row.hour)) rowsByHour.set(row.hour, []);
    rowsByHour.get(row.hour).push(row);
  }
  const hours = [...rowsByHour.keys()].sort();
  const canary = percentages(rowsByHour, hours, true);
  const stable = percentages(rowsByHour, hours, false);
  return {
    labels: hours.map(formatHour),
    datasets: [
      line('Canary success %', canary.success, color('--chart-canary-ok'), false),
      line('Canary failure %', canary.failure, color('--chart-canary-failed'), false),
      line('Stable success %', stable.success, color('--chart-stable-ok'), true),
      line('Stable failure %', stable.failure, color('--chart-stable-failed'), true),
    ],
  };
}

function bandData(rows) {
  const bands = [...new Set(rows.map((row) => row.band))].sort((a, b) => a - b);
  const count = (band, canary, field) => sum(
    rows.filter((row) => row.band === band && row.is_canary === canary), (row) => row[field]);
  const bar = (label, canary, field, fill, stack) => ({
    label,
    data: bands.map((band) => count(band, canary, field)),
    backgroundColor: fill,
    borderColor: fill,
    stack,
  });
  return {
    labels: bands.map((band) => (band === 0 ? 'No canary' : `Band ${band}`)),
    datasets: [
      bar('Canary successes', true, 'successes', color('--chart-canary-ok'), 'canary'),
      bar('Canary failures', true, 'failures', color('--chart-canary-failed'), 'canary'),
      bar('Stable successes', false, 'successes', color('--chart-stable-ok'), 'stable'),
      bar('Stable failures', false, 'failures', color('--chart-stable-failed'), 'stable'),
    ],
  };
}

function draw(id, type, data, options) {
  const existing = charts[id];
  if (existing) {
    existing.data = data;
    existing.options = options;
    existing.update('none');
    return;
  }
  charts[id] = new window.Chart(document.getElementById(id), { type, data, options });
}

/** Draws both charts from the rows of GET /metrics/releases, or updates them in place. */
export function drawCharts(rows) {
  const hourlyOptions = baseOptions();
  hourlyOptions.scales.y.max = 100;
  hourlyOptions.scales.y.ticks.callback = (value) => `${value} %`;
  draw('hourly-chart', 'line', hourlyData(rows), hourlyOptions);

  const bandOptions = baseOptions();
  bandOptions.scales.x.stacked = true;
  bandOptions.scales.y.stacked = true;
  bandOptions.scales.y.ticks.precision = 0;
  draw('band-chart', 'bar', bandData(rows), bandOptions);

  for (const note of document.querySelectorAll('.chart-empty')) {
    note.hidden = rows.length > 0;
  }
}
