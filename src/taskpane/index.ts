/**
 * Task pane entry. The same page runs inside Excel (as the 台账 add-in) and in
 * any modern browser. In a browser it works on files the user picks; inside
 * Excel the three actions work on the open workbook (excel/mode.ts), loaded
 * only there, so the browser page's first load stays small.
 */
import { fileActions } from './browser/mode.js';
import { detectHost, hostedByOffice, loadOfficeJs, type HostKind, type HostWindow } from './environment.js';
import { officeEnvFromGlobals } from '../office/env.js';
import { enterExcelMode } from './excel/mode.js';
import type { PaneActions } from './pane-actions.js';
import { isoFromLocalDate } from '../core/calendar.js';
import { byId } from './ui/dom.js';
import { setUpTabs } from './ui/tabs.js';

type OfficeLike = Parameters<typeof detectHost>[0];

/** office.js only where Office hosts the page: in a plain browser it would call Microsoft's telemetry. */
async function whereAmI(): Promise<HostKind> {
  if (!hostedByOffice(window as unknown as HostWindow)) return 'browser';
  if (!(await loadOfficeJs(document))) return 'browser';
  return detectHost((window as unknown as { Office?: OfficeLike }).Office);
}

function wirePlanSource(): void {
  const fileInput = byId<HTMLInputElement>('plan-file');
  const sync = (): void => {
    fileInput.disabled = !byId<HTMLInputElement>('plan-source-file').checked;
  };
  for (const id of ['plan-source-seed', 'plan-source-file']) byId(id).addEventListener('change', sync);
  // Picking a plan file is a clear enough wish to use it.
  fileInput.addEventListener('change', () => {
    if (fileInput.files?.length) byId<HTMLInputElement>('plan-source-file').checked = true;
  });
  sync();
}

/** The file actions until (and unless) Excel mode takes over. */
const files = fileActions();
let actions: PaneActions = files;

async function start(): Promise<void> {
  const asOf = byId<HTMLInputElement>('as-of');
  asOf.value = asOf.defaultValue = isoFromLocalDate(new Date());
  wirePlanSource();
  setUpTabs(byId('tabs'), () => undefined);
  byId('run-generate').addEventListener('click', () => void actions.generate());
  byId('run-validate').addEventListener('click', () => void actions.validate());
  byId('run-rollup').addEventListener('click', () => void actions.rollUp());
  // Inside Excel: the ledger as a file too (the complete one, for the schools).
  byId('download-generate').addEventListener('click', () => void files.generate());
  byId('app').removeAttribute('aria-busy');

  const host = await whereAmI();
  document.body.dataset.host = host;
  const env = host === 'excel' ? officeEnvFromGlobals(window) : undefined;
  const excel = env ? enterExcelMode(env, window.location.href) : undefined;
  if (excel) {
    actions = excel;
    return;
  }
  if (host === 'excel' && env) return; // the capability line already says why the file actions stay
  const note = byId('host-note');
  note.textContent =
    host === 'excel'
      ? '已在 Excel 中加载，但没有取得 Excel 的编程接口，无法直接读写工作簿。下面仍可选择文件处理，结果下载到本机。'
      : '在浏览器中运行：选择文件即可生成、校验、汇总，文件只在本机处理，不会上传。';
  note.hidden = false;
}

void start();
