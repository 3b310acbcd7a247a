/**
 * Tells whether the page runs inside Excel (as an add-in) or in a plain
 * browser (WPS users, PCs without a modern Excel). Decided once, at start-up.
 */
export type HostKind = 'excel' | 'browser';

interface OfficeLike {
  onReady(): Promise<{ host: string | null }>;
}

/** `Office.onReady` never fires outside Office when office.js is absent; without it we are in a browser. */
export async function detectHost(office: OfficeLike | undefined, timeoutMs = 3000): Promise<HostKind> {
  if (!office) return 'browser';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<{ host: null }>((resolve) => (timer = setTimeout(() => resolve({ host: null }), timeoutMs)));
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    return info.host === 'Excel' ? 'excel' : 'browser';
  } finally {
    clearTimeout(timer);
  }
}

/** The parts of `window` that tell whether an Office host put this page in its pane. */
export interface HostWindow {
  location: { search: string; hash: string };
  sessionStorage?: { getItem(key: string): string | null } | null;
  parent?: unknown;
  external?: unknown;
  chrome?: { webview?: unknown };
  webkit?: { messageHandlers?: unknown };
}

/**
 * Whether to load office.js at all. Loaded in a plain browser, office.js
 * opens an iframe to Microsoft's telemetry service — a request off this
 * origin, which the browser page promises never to make. Office marks the
 * pages it hosts: `_host_Info` in the URL (kept by office.js in
 * sessionStorage across reloads), a parent frame (Excel on the web), the
 * WebView2 bridge (Windows), the WKWebView handlers (Mac), or IE's
 * `window.external.GetContext` (older Windows).
 */
export function hostedByOffice(win: HostWindow): boolean {
  if (/[?&#]_host_Info=/i.test(win.location.search + win.location.hash)) return true;
  try {
    if (win.sessionStorage?.getItem('hostInfoValue')) return true;
  } catch {
    // Storage can be blocked (privacy settings); the other signs still count.
  }
  if (win.parent !== undefined && win.parent !== win) return true;
  if (win.chrome?.webview !== undefined || win.webkit?.messageHandlers !== undefined) return true;
  const external = win.external as { GetContext?: unknown } | undefined;
  return typeof external === 'object' && external !== null && 'GetContext' in external;
}

/** Adds office.js (served from this site) to the page and waits for it; a failed load means no Office. */
export function loadOfficeJs(doc: Document, src = 'office/office.js'): Promise<boolean> {
  return new Promise((resolve) => {
    const script = doc.createElement('script');
    script.src = src;
    script.onload = () => resolve(true);
    script.onerror = () => resolve(false);
    doc.head.append(script);
  });
}
