/**
 * Switches the pane to working on the open workbook. Runs once, after the
 * host is known to be Excel: shows the capability line, swaps the file-only
 * controls for the Excel ones, and returns the three actions. The adapter and
 * the plan code (heavy.ts) are fetched on the first action, never at start-up.
 */
import { browserWindowOpener } from '../../office/browser-window.js';
import { detectCapabilities } from '../../office/capabilities.js';
import type { OfficeEnv } from '../../office/env.js';
import { domInputs } from '../dom-inputs.js';
import type { PaneActions } from '../pane-actions.js';
import { offerFilesThroughBrowser, showProgress } from '../ui/dom.js';
import { run } from '../ui/run.js';
import { ExcelController } from './controller.js';
import { DomView, renderCapability } from './dom-view.js';
import { browserPageUrl, capabilityView } from './view-model.js';

/** Shows what only makes sense in one mode (`.file-only` / `.excel-only` in taskpane.html; WPS mode shows the workbook controls too). */
export function showExcelControls(): void {
  for (const node of document.querySelectorAll<HTMLElement>('.file-only')) node.hidden = true;
  for (const node of document.querySelectorAll<HTMLElement>('.excel-only')) node.hidden = false;
}

/** undefined: this Excel cannot work on the workbook (no ExcelApi 1.1); the file actions stay. */
export function enterExcelMode(env: OfficeEnv, href: string, platform?: string): PaneActions | undefined {
  const caps = detectCapabilities(env);
  const capability = capabilityView(caps.minor, browserPageUrl(href));
  if (platform === 'Mac') {
    // Excel for Mac's webview ignores downloads (OfficeDev/office-js #2700, by design): files go through the browser page.
    const open = browserWindowOpener(window);
    offerFilesThroughBrowser(open ? () => open(capability.browserUrl) : undefined);
  }
  renderCapability(capability);
  if (!capability.usable) return undefined;
  showExcelControls();

  let loading: Promise<ExcelController> | undefined;
  const controller = (): Promise<ExcelController> => {
    if (!loading) showProgress('正在加载处理模块……');
    loading ??= import(/* webpackChunkName: "excel" */ './heavy.js').then(
      (deps) => new ExcelController(deps, env, caps, domInputs, view),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const view = new DomView({
    mark: () => void run(async () => (await controller()).mark(), { keepResult: true }),
    clear: () => void run(async () => (await controller()).clear(), { keepResult: true }),
    select: (sheet, cell) => void run(async () => (await controller()).select(sheet, cell), { keepResult: true }),
  });
  return {
    generate: () => run(async () => (await controller()).generate()),
    validate: () => run(async () => (await controller()).validate()),
    rollUp: () => run(async () => (await controller()).rollUp()),
  };
}
