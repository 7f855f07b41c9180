// Requests to the CanaryPy REST API of the server that served this page, with the signed-in API
// token as a Bearer header when there is one.

import { storedToken } from './auth.js';

/** An error reply, carrying the problem details' `detail` when the server sent one. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function request(method, path, body) {
  const options = { method, headers: { Accept: 'application/json' } };
  const token = storedToken();
  if (token) options.headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (notJson) {
      json = null;
    }
  }
  if (!response.ok) {
    const detail = json && typeof json.detail === 'string'
      ? json.detail
      : `The server answered ${response.status} ${response.statusText}.`;
    throw new ApiError(response.status, detail);
  }
  return json;
}

const segment = (value) => encodeURIComponent(value);

export function listProducts() {
  return request('GET', 'product');
}

export function listReleases(productName) {
  return request('GET', `release/${segment(productName)}`);
}

export function listEvents(productName, version) {
  return request('GET', `release/${segment(productName)}/${segment(version)}/events`);
}

/** Fetches hourly counts; each filter is left out when empty. */
export function hourlyCounts({ product, version, from }) {
  const query = new URLSearchParams();
  if (product) query.set('product', product);
  if (version) query.set('semver_version', version);
  if (from) query.set('from', from);
  const text = query.toString();
  return request('GET', `metrics/releases${text ? `?${text}` : ''}`);
}

/**
 * Checks whether this page may promote, roll back, pause and resume. The token list needs an admin
 * token once any token exists and is open while none exists, so its status decides: 200 may act,
 * 403 means a signal token, 401 means no token or a rejected one.
 */
export async function checkActionAccess() {
  try {
    await request('GET', 'token');
    return { canAct: true, status: 200, detail: '' };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      return { canAct: false, status: error.status, detail: error.message };
    }
    throw error;
  }
}

/** Runs promote, rollback, pause or resume on a release. */
export function act(productName, version, action, reason) {
  return request('POST', `release/${segment(productName)}/${segment(version)}/${action}`, {
    reason,
    actor: 'dashboard',
  });
}
