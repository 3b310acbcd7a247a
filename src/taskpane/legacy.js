// Runs in old engines too (ES3: var, function, no arrows). Office 2016/2019
// volume editions show add-ins in IE11, which cannot run the page's bundle:
// say so, and point to the same page in a modern browser. A separate file, not
// an inline script, so the page's Content-Security-Policy needs no 'unsafe-inline'.
(function () {
  var s = document.createElement('script');
  var modern = ('noModule' in s) && typeof window.Promise === 'function' && typeof window.fetch === 'function' &&
    typeof Array.prototype.flatMap === 'function' && typeof Object.fromEntries === 'function';
  if (modern) return;
  document.getElementById('app').setAttribute('hidden', '');
  var url = String(window.location.href).split('#')[0].split('?')[0];
  document.getElementById('legacy-url').appendChild(document.createTextNode(url));
  document.getElementById('legacy').removeAttribute('hidden');
})();
