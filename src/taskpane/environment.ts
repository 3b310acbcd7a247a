/**
 * Tells whether the page runs inside Excel (as an add-in), inside WPS 表格
 * (as a 加载项, `hostedByWps`) or in a plain browser (PCs without either),
 * and on which platform. Decided at start-up, and again if Office answers late.
 */
import { wpsAppFromGlobals } from '../wps/env.js';

export type HostKind = 'excel' | 'browser';

export interface HostInfo {
  host: HostKind;
  /** Office's platform (`PC`, `Mac`, `OfficeOnline`, …) when inside Office. */
  platform?: string;
  /** `browser` because Office said nothing in time (not because it named another host). */
  timedOut?: boolean;
}

interface OfficeLike {
  onReady(): Promise<{ host: string | null; platform?: string | null }>;
}

/**
 * How long to wait for `Office.onReady` when Office opened the page. onReady
 * also waits for the host's runtime files (over 200 KB gzipped, from the
 * school's own server when office.js is self-hosted), so a slow intranet can
 * take far longer than a plain page load.
 */
export const HOSTED_WAIT_MS = 60_000;
/** office.js on a page that no Office host opened answers at once, or never. */
export const UNHOSTED_WAIT_MS = 3_000;

function infoOf(ready: { host: string | null; platform?: string | null }): HostInfo {
  return ready.host === 'Excel' ? { host: 'excel', ...(ready.platform ? { platform: ready.platform } : {}) } : { host: 'browser' };
}

/**
 * Calls `decided` once with what Office says, or with `browser` when it says
 * nothing within `timeoutMs`; and, if Office then reports Excel after all,
 * calls it again with `late: true`, so the pane switches to Excel mode instead
 * of staying in file mode for good.
 */
export function watchHost(office: OfficeLike | undefined, timeoutMs: number, decided: (info: HostInfo, late: boolean) => void): void {
  if (!office) return decided({ host: 'browser' }, false);
  let settled = false;
  const timer = setTimeout(() => {
    settled = true;
    decided({ host: 'browser', timedOut: true }, false);
  }, timeoutMs);
  office.onReady().then(
    (ready) => {
      const info = infoOf(ready);
      if (!settled) {
        clearTimeout(timer);
        settled = true;
        decided(info, false);
      } else if (info.host === 'excel') {
        decided(info, true);
      }
    },
    () => undefined,
  );
}

/** The parts of `window` that tell whether an Office host put this page in its pane. */
export interface HostWindow {
  location: { search: string; hash: string };
  sessionStorage?: { getItem(key: string): string | null } | null;
}

/**
 * Whether Office opened this page, from Office's own host info only: the
 * `_host_Info` it adds to the URL, which office.js keeps in sessionStorage
 * across reloads. A parent frame is no sign: a portal that frames the browser
 * page is not Office, and office.js blanks a framed page without host info.
 * Loaded in a plain browser, office.js would also call Microsoft's telemetry,
 * a request off this origin that the browser page promises never to make.
 */
export function hostedByOffice(win: HostWindow): boolean {
  if (/[?&#]_host_Info=/i.test(win.location.search + win.location.hash)) return true;
  try {
    return Boolean(win.sessionStorage?.getItem('hostInfoValue'));
  } catch {
    // Storage can be blocked (privacy settings): then only the URL tells.
    return false;
  }
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

/**
 * Whether WPS 表格 opened this page as a 加载项: its embedded browser puts
 * `wps` and the ET application on the globals (src/wps/env.ts). Asked before
 * Office: WPS never loads office.js, so there is nothing to wait for.
 */
export function hostedByWps(globals: unknown = globalThis): boolean {
  return wpsAppFromGlobals(globals) !== undefined;
}
