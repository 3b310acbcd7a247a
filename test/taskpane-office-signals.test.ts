import { hostedByOffice, type HostWindow } from '../src/taskpane/environment';

/** A top-level page in a plain browser: no sign of Office. */
function plainBrowser(extra: Partial<HostWindow> = {}): HostWindow {
  return { location: { search: '', hash: '' }, sessionStorage: { getItem: () => null }, ...extra };
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
  test('a parent frame, a WebView2 bridge or IE’s window.external are no sign of Office: only its host info is', () => {
    // A portal that frames the browser page is not Office, and office.js blanks a framed page without host info.
    const framed = { ...plainBrowser(), parent: {}, chrome: { webview: {} }, webkit: { messageHandlers: {} }, external: { GetContext: () => undefined } };
    expect(hostedByOffice(framed)).toBe(false);
    expect(hostedByOffice({ ...framed, location: { search: '?_host_Info=Excel$Web$16.01$zh-CN', hash: '' } })).toBe(true);
  });
});
