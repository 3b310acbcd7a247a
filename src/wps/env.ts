/**
 * Finding WPS 表格's object model. A WPS 加载项 page runs in WPS's embedded
 * browser, which puts the application on the page's globals: `wps` (the
 * add-in API: `wps.EtApplication()`, `wps.CreateTaskPane`, `PluginStorage`)
 * and, in current versions, `window.Application` (the same application
 * object; older add-ins reach it only as `wps.EtApplication()`). Neither
 * exists in a plain browser or in Excel. WPS 文字 and 演示 also have them, but
 * their application has no `ActiveWorkbook` property: this adapter is ET only.
 */
import type { EtApplication } from './et-types.js';

interface WpsGlobals {
  wps?: { EtApplication?: () => unknown; CreateTaskPane?: unknown };
  Application?: unknown;
  /** office.js: Excel's pane, never WPS. */
  Office?: unknown;
}

/** ET's application: a workbook application (it knows `ActiveWorkbook` and `Workbooks`). */
function looksLikeEt(app: unknown): app is EtApplication {
  if (typeof app !== 'object' || app === null) return false;
  return 'ActiveWorkbook' in app && 'Workbooks' in app;
}

/** The application when the page runs inside WPS 表格; undefined elsewhere (a plain browser, Excel, WPS 文字, tests). */
export function wpsAppFromGlobals(globals: unknown = globalThis): EtApplication | undefined {
  const g = globals as WpsGlobals;
  const hasWps = typeof g.wps === 'object' && g.wps !== null;
  if (hasWps && typeof g.wps!.EtApplication === 'function') {
    try {
      const app = g.wps!.EtApplication();
      if (looksLikeEt(app)) return app;
    } catch {
      // Some builds expose EtApplication only in ET; elsewhere it throws. Fall through to window.Application.
    }
  }
  // window.Application alone is a WPS marker only together with `wps`: a page could define its own.
  if (hasWps && looksLikeEt(g.Application)) return g.Application;
  return undefined;
}
