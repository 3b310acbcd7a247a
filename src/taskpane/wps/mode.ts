/**
 * Switches the pane to working on the workbook open in WPS 表格. Runs once,
 * at start-up, when WPS put its application on the page's globals
 * (environment.ts `hostedByWps`): shows the host line, swaps the file-only
 * controls for the workbook ones, opens the tab the ribbon button asked for
 * (main.js opens `taskpane.html#generate|validate|rollup`), and returns the
 * three actions. The ET adapter and the plan code (heavy.ts) are fetched on
 * the first action, never at start-up.
 */
import type { EtApplication } from '../../wps/et-types.js';
import { domInputs } from '../dom-inputs.js';
import { showExcelControls } from '../excel/mode.js';
import { DomView } from '../excel/dom-view.js';
import type { PaneActions } from '../pane-actions.js';
import { byId, showProgress } from '../ui/dom.js';
import { run } from '../ui/run.js';
import { WpsController } from './controller.js';
import { WPS_HOST_TEXT, WPS_MISSING } from './host-view.js';

/** The host line: 运行于 WPS 表格, and what is not the same as in Excel. */
function renderHost(): void {
  const note = byId('host-note');
  note.className = 'note capability partial';
  const missing = document.createElement('ul');
  missing.className = 'missing';
  missing.setAttribute('aria-label', 'WPS 表格中与 Excel 不同之处');
  for (const text of WPS_MISSING) missing.append(Object.assign(document.createElement('li'), { textContent: text }));
  const text = Object.assign(document.createElement('span'), { id: 'capability-text', textContent: WPS_HOST_TEXT });
  note.replaceChildren(text, missing);
  note.hidden = false;
}

/** The ribbon's button opens the pane at `#generate`, `#validate` or `#rollup`: that action's tab. */
function openAskedTab(): void {
  const asked = window.location.hash.replace(/^#/, '');
  if (asked === 'generate' || asked === 'validate' || asked === 'rollup') document.getElementById(`tab-${asked}`)?.click();
}

export function enterWpsMode(app: EtApplication): PaneActions {
  renderHost();
  showExcelControls();
  openAskedTab();
  // A second ribbon click navigates the open pane to another #action without reloading it.
  window.addEventListener('hashchange', openAskedTab);

  let loading: Promise<WpsController> | undefined;
  const controller = (): Promise<WpsController> => {
    if (!loading) showProgress('正在加载处理模块……');
    loading ??= import(/* webpackChunkName: "wps" */ './heavy.js').then(
      (deps) => new WpsController(deps, app, domInputs, view),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const view = new DomView(
    {
      mark: () => void run(async () => (await controller()).mark(), { keepResult: true }),
      clear: () => void run(async () => (await controller()).clear(), { keepResult: true }),
      select: (sheet, cell) => void run(async () => (await controller()).select(sheet, cell), { keepResult: true }),
    },
    'WPS 表格',
  );
  return {
    generate: () => run(async () => (await controller()).generate()),
    validate: () => run(async () => (await controller()).validate()),
    rollUp: () => run(async () => (await controller()).rollUp()),
  };
}
