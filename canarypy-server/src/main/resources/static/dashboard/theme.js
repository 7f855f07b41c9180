// Applies the saved or the system's theme before the page paints, so it never flashes the other
// one. A classic script, because modules run only after the page is parsed.
(function () {
  var saved = null;
  try {
    saved = window.localStorage.getItem('canarypy-theme');
  } catch (unavailable) {
    // Storage can be disabled; the system's preference applies then.
  }
  var dark = saved ? saved === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
})();
