// Runs in old engines too (ES3: var, function, no arrows). Volume-licensed
// Office 2016/2019 always show add-ins in IE11, and retail 2016/2019 without
// WebView2 (and some Microsoft 365 builds) in EdgeHTML 18; old WPS builds and
// browsers in 兼容模式 (360, 奇安信: IE inside) are no better. None runs the
// page's ES2020 bundle (BigInt, flatMap, Object.fromEntries): say so in the
// words of the program the page is in, and point to the same page in a modern
// browser. A separate file, not an inline script, so the page's
// Content-Security-Policy needs no 'unsafe-inline'.
(function () {
  var s = document.createElement('script');
  var modern = ('noModule' in s) && typeof window.Promise === 'function' && typeof window.fetch === 'function' &&
    typeof Array.prototype.flatMap === 'function' && typeof Object.fromEntries === 'function' && typeof window.BigInt === 'function';
  if (modern) return;
  document.getElementById('app').setAttribute('hidden', '');
  var url = String(window.location.href).split('#')[0].split('?')[0];
  document.getElementById('legacy-url').appendChild(document.createTextNode(url));
  document.getElementById('legacy-' + host()).removeAttribute('hidden');
  document.getElementById('legacy').removeAttribute('hidden');

  // As environment.ts decides it: WPS puts `wps` on the page; Office adds _host_Info to the URL (or keeps it in sessionStorage).
  function host() {
    if (typeof window.wps === 'object' && window.wps !== null) return 'wps';
    if (/[?&#]_host_Info=/i.test(String(window.location.search) + String(window.location.hash))) return 'excel';
    try {
      if (window.sessionStorage && window.sessionStorage.getItem('hostInfoValue')) return 'excel';
    } catch (e) {
      // Storage blocked: only the URL tells.
    }
    return 'browser';
  }
})();
