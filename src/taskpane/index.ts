/**
 * Task pane entry. The same page runs inside Excel (as the 台账 add-in,
 * through addin.html, which loads office.js in its <head>) and in any modern
 * browser (taskpane.html, which loads no office.js). It works on files at
 * once; when Office reports Excel — even late — the three actions switch to
 * the open workbook (excel/mode.ts, loaded only there, so the browser page's
 * first load stays small). Opened by WPS 表格 (its ribbon, wps/main.js), the
 * same page works on WPS's open workbook from the start (wps/mode.ts).
 */
import './compat.js';
import { fileActions } from './browser/mode.js';
import { HOSTED_WAIT_MS, hostedByOffice, loadOfficeJs, UNHOSTED_WAIT_MS, watchHost, type HostInfo, type HostWindow } from './environment.js';
import { officeEnvFromGlobals } from '../office/env.js';
import { enterExcelMode } from './excel/mode.js';
import { wpsAppFromGlobals } from '../wps/env.js';
import { enterWpsMode } from './wps/mode.js';
import type { PaneActions } from './pane-actions.js';
import { isoFromLocalDate } from '../core/calendar.js';
import { useMessageVariants } from '../core/issues.js';
import { PAGE_MESSAGES_ZH_CN } from '../core/messages.page.zh-CN.js';
import { byId } from './ui/dom.js';
import { wireInbox } from './ui/inbox.js';
import { wireRemember } from './ui/remember.js';
import { wireRoundInputs } from './ui/round-inputs.js';
import { setUpTabs } from './ui/tabs.js';

type OfficeLike = Parameters<typeof watchHost>[0];

const officeGlobal = (): OfficeLike => (window as unknown as { Office?: OfficeLike }).Office;

/**
 * office.js on this page, if any: addin.html has it from its <head> (what
 * Microsoft requires of an add-in); the browser page loads it only when Office
 * opened it (an old manifest), since in a plain browser it would call Microsoft's telemetry.
 */
async function officeOnPage(): Promise<{ office: OfficeLike; hosted: boolean }> {
  const hosted = hostedByOffice(window as unknown as HostWindow);
  if (officeGlobal()) return { office: officeGlobal(), hosted: true };
  if (!hosted || !(await loadOfficeJs(document))) return { office: undefined, hosted };
  return { office: officeGlobal(), hosted };
}

/** Picking a plan file is one step: the input is never disabled, and a file picked is the plan used. */
function wirePlanSource(): void {
  const fileInput = byId<HTMLInputElement>('plan-file');
  fileInput.addEventListener('change', () => {
    if (fileInput.files?.length) byId<HTMLInputElement>('plan-source-file').checked = true;
  });
}

function hostNote(text: string): void {
  const note = byId('host-note');
  note.className = 'note';
  note.textContent = text;
  note.hidden = false;
}

/** Where office.js came from, when it was not Microsoft's CDN as the build asked (office-fallback.js says so). */
function officeSourceNote(): void {
  if ((window as unknown as { taizhangOfficeSource?: string }).taizhangOfficeSource !== 'self-fallback') return;
  const note = byId('office-note');
  note.textContent = '未能连接微软的 office.js 服务，已改用本站保存的 office.js 副本。微软只支持从其服务器加载 office.js；内网中这样使用可以，但如遇问题请联系管理员。';
  note.hidden = false;
}

// The page has its controls, not the CLI's options: messages name those.
useMessageVariants(PAGE_MESSAGES_ZH_CN);

/** The file actions until (and unless) Excel mode takes over. */
const files = fileActions();
let actions: PaneActions = files;
let inExcel = false;

function becomeExcel(info: HostInfo): void {
  const env = officeEnvFromGlobals(window);
  const excel = env ? enterExcelMode(env, window.location.href, info.platform) : undefined;
  if (excel) {
    actions = excel;
    inExcel = true;
  } else if (!env) {
    hostNote('已在 Excel 中加载，但没有取得 Excel 的编程接口，无法直接读写工作簿。下面仍可选择文件处理，结果下载到本机。');
  }
  document.body.dataset.host = 'excel';
}

/** WPS 表格 put its application on this page's globals: the actions work on its open workbook (no office.js to wait for). */
function becameWps(): boolean {
  const app = wpsAppFromGlobals(window);
  if (!app) return false;
  actions = enterWpsMode(app);
  document.body.dataset.host = 'wps';
  return true;
}

async function start(): Promise<void> {
  const asOf = byId<HTMLInputElement>('as-of');
  asOf.value = asOf.defaultValue = isoFromLocalDate(new Date());
  wirePlanSource();
  wireRemember();
  wireRoundInputs();
  wireInbox();
  setUpTabs(byId('tabs'), () => undefined);
  byId('run-generate').addEventListener('click', () => void actions.generate());
  byId('run-validate').addEventListener('click', () => void actions.validate());
  byId('run-rollup').addEventListener('click', () => void actions.rollUp());
  // The outline touches no workbook: the same in both modes.
  byId('run-preview').addEventListener('click', () => void files.preview());
  // Inside Excel: the ledger as a file too (the complete one, for the schools).
  byId('download-generate').addEventListener('click', () => void files.generate());
  byId('app').removeAttribute('aria-busy');
  if (becameWps()) return;

  const { office, hosted } = await officeOnPage();
  if (office) officeSourceNote();
  if (hosted) {
    document.body.dataset.host = 'connecting';
    hostNote('正在连接 Excel……（期间可以先选择文件处理）');
  }
  watchHost(office, hosted ? HOSTED_WAIT_MS : UNHOSTED_WAIT_MS, (info, late) => {
    if (inExcel) return;
    // An Excel too old for the add-in APIs: the capability line (or the note) already says why the file actions stay.
    if (info.host === 'excel') return void becomeExcel(info);
    if (late) return;
    document.body.dataset.host = 'browser';
    if (!hosted) hostNote('在浏览器中运行：选择文件即可生成、校验、汇总，文件只在本机处理，不会上传。');
    else if (!office) hostNote('在 Office 中打开，但未能加载 office.js，无法直接读写工作簿。下面仍可选择文件处理，结果下载到本机。');
    else if (info.timedOut) {
      hostNote(`等待 ${HOSTED_WAIT_MS / 1000} 秒仍未连上 Excel。下面仍可选择文件处理，结果下载到本机；Excel 稍后连上时会自动切换为直接处理当前工作簿。`);
    } else if (info.host === 'browser') {
      hostNote('在 Office 中打开，但这里不是 Excel，无法直接读写工作簿。下面仍可选择文件处理，结果下载到本机。');
    }
  });
}

void start();
