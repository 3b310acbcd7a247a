/**
 * Task pane entry. The same page runs inside Excel (as the 台账 add-in) and in
 * any modern browser; in both it works on files the user picks. Inside Excel,
 * working on the open workbook comes with the next version (src/office).
 */
import { generate, rollUp, validate } from './actions.js';
import { detectHost, hostedByOffice, loadOfficeJs, type HostKind, type HostWindow } from './environment.js';
import { byId, localToday } from './ui/dom.js';
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

async function start(): Promise<void> {
  const asOf = byId<HTMLInputElement>('as-of');
  asOf.value = asOf.defaultValue = localToday();
  wirePlanSource();
  setUpTabs(byId('tabs'), () => undefined);
  byId('run-generate').addEventListener('click', () => void generate());
  byId('run-validate').addEventListener('click', () => void validate());
  byId('run-rollup').addEventListener('click', () => void rollUp());
  byId('app').removeAttribute('aria-busy');

  const host = await whereAmI();
  document.body.dataset.host = host;
  const note = byId('host-note');
  note.textContent =
    host === 'excel'
      ? '已在 Excel 中加载。直接读写当前工作簿的功能将在下一版本提供；现在请用下面的方式处理文件，结果会下载到本机。'
      : '在浏览器中运行：选择文件即可生成、校验、汇总，文件只在本机处理，不会上传。';
  note.hidden = false;
}

void start();
