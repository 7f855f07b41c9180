// The API token that the person signed in with. It is kept in sessionStorage, so it lasts until
// the tab closes, is not shared with other tabs, and goes only to this server as a Bearer header.

const STORAGE_KEY = 'canarypy-token';

/** Returns the signed-in token, or an empty string when there is none. */
export function storedToken() {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) || '';
  } catch (unavailable) {
    return '';
  }
}

/** Keeps the token for this tab; returns false when the browser blocks sessionStorage. */
export function storeToken(token) {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, token);
    return true;
  } catch (unavailable) {
    return false;
  }
}

export function forgetToken() {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch (unavailable) {
    // Nothing is stored when sessionStorage is unavailable.
  }
}
