// Runs in old engines too (ES3). Some Office hosts do not show the task pane
// until the page calls Office.onReady (or sets Office.initialize), and the
// old-engine path (IE11, EdgeHTML) never runs the page's bundle: calling it
// here, in plain ES5, lets the pane appear and legacy.js's message be seen.
if (typeof window.Office !== 'undefined' && typeof Office.onReady === 'function') {
  Office.onReady(function () {});
}
