// Runs in old engines too (ES3). Right after the <script> that loads office.js
// from Microsoft's CDN (the only source Microsoft supports): where the CDN
// cannot be reached (an intranet), the copy served from this site is written
// in its place, still in <head> and before the page's own code, and the page
// is told so (index.ts shows a note). A file, not inline: the policy runs no
// inline script, and document.write of a same-origin script passes script-src 'self'.
(function () {
  if (typeof window.Office !== 'undefined') {
    window.taizhangOfficeSource = 'cdn';
    return;
  }
  window.taizhangOfficeSource = 'self-fallback';
  document.write('<script src="office/office.js"><\/script>');
})();
