import { hostedByOffice, type HostWindow } from '../src/taskpane/environment';

/** A top-level page in a plain browser: no sign of Office. */
function plainBrowser(extra: Partial<HostWindow> = {}): HostWindow {
  const win: HostWindow = { location: { search: '', hash: '' }, sessionStorage: { getItem: () => null }, external: {}, ...extra };
  if (!('parent' in extra)) win.parent = win;
  return win;
}

describe('hostedByOffice: load office.js only where Office hosts the page', () => {
  test('a plain browser tab is not hosted (office.js there would call Microsoft telemetry)', () => {
    expect(hostedByOffice(plainBrowser())).toBe(false);
  });
  test('the _host_Info Office adds to the URL', () => {
    expect(hostedByOffice(plainBrowser({ location: { search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0', hash: '' } }))).toBe(true);
    expect(hostedByOffice(plainBrowser({ location: { search: '', hash: '#_host_Info=Excel$Web$16.01' } }))).toBe(true);
  });
  test('a reload inside the pane: office.js kept the host info in sessionStorage', () => {
    expect(hostedByOffice(plainBrowser({ sessionStorage: { getItem: (k) => (k === 'hostInfoValue' ? 'Excel|Win32' : null) } }))).toBe(true);
  });
  test('blocked storage does not break the check', () => {
    const blocked = { getItem: (): string | null => { throw new Error('SecurityError'); } };
    expect(hostedByOffice(plainBrowser({ sessionStorage: blocked }))).toBe(false);
  });
  test('Excel on the web (a frame), WebView2, WKWebView and IE hosts', () => {
    expect(hostedByOffice(plainBrowser({ parent: {} }))).toBe(true);
    expect(hostedByOffice(plainBrowser({ chrome: { webview: {} } }))).toBe(true);
    expect(hostedByOffice(plainBrowser({ webkit: { messageHandlers: {} } }))).toBe(true);
    expect(hostedByOffice(plainBrowser({ external: { GetContext: () => undefined } }))).toBe(true);
  });
  test('Chrome has window.chrome without webview: still a plain browser', () => {
    expect(hostedByOffice(plainBrowser({ chrome: {} }))).toBe(false);
  });
});
