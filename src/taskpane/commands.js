// The manifest's FunctionFile must initialise office.js; the ribbon button only opens the pane.
// A file, not an inline script: commands.html has the same Content-Security-Policy as the pane.
Office.onReady(function () {});
