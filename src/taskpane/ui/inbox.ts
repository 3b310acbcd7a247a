/**
 * The 汇总 panel's inbox: the school files last given, by the files input, the
 * folder input or a drop anywhere on the page (which opens 汇总). A line under
 * the inputs says what was taken, what was left out and which old-format files
 * this page cannot read, before anything is rolled up.
 */
import { extensionOf } from '../../core/file-kinds.js';
import { byId } from './dom.js';
import { inboxFromDrop, inboxFromInput, type Inbox } from './folder-drop.js';

/** Old Excel and WPS 表格 formats: the CLI converts them with LibreOffice; the page has none. */
const OLD_FORMATS = new Set(['xls', 'et']);

let current: Inbox | undefined;

/** The files the next 汇总 reads, or undefined when none were given. */
export function pickedInbox(): Inbox | undefined {
  return current && current.files.length > 0 ? current : undefined;
}

/** What the line under the inputs says about an inbox. */
export function inboxSummary(inbox: Inbox): string {
  const folders = new Set(inbox.files.map((f) => f.path.split('/').slice(0, -1).join('/')).filter(Boolean)).size;
  const parts = [`已选 ${inbox.files.length} 个文件${folders > 0 ? `（在 ${folders} 个子文件夹中）` : ''}。`];
  if (inbox.skipped.length > 0) parts.push(`另跳过 ${inbox.skipped.length} 个系统或临时文件（如 ~$ 开头的 Excel 锁定文件）：${inbox.skipped.join('、')}。`);
  const old = inbox.files.filter((f) => OLD_FORMATS.has(extensionOf(f.path))).length;
  if (old > 0) {
    parts.push(`其中 ${old} 个是旧版 .xls/.et 文件，本页不能读取，汇总时列为“无法读取”；请让这些学校用 Excel 或 WPS 另存为 .xlsx 后再报送。`);
  }
  return parts.join('');
}

function take(inbox: Inbox, from?: HTMLInputElement): void {
  current = inbox;
  // Only the last way of giving files counts: the other inputs are emptied so they do not say otherwise.
  for (const id of ['rollup-files', 'rollup-folder']) {
    const input = byId<HTMLInputElement>(id);
    if (input !== from) input.value = '';
  }
  const line = byId('rollup-picked');
  line.textContent = inbox.files.length > 0 || inbox.skipped.length > 0 ? inboxSummary(inbox) : '';
  line.hidden = line.textContent === '';
}

/** A drop onto a file input is that input's own (a plan onto 工作要点文件): the browser fills it in. */
const ontoFileInput = (event: Event): boolean => event.target instanceof HTMLInputElement && event.target.type === 'file';

export function wireInbox(): void {
  for (const id of ['rollup-files', 'rollup-folder']) {
    const input = byId<HTMLInputElement>(id);
    input.addEventListener('change', () => take(inboxFromInput(input.files ?? []), input));
  }
  // Without this the browser opens a dropped file in place of the page.
  document.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files') || ontoFileInput(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    document.body.classList.add('dropping');
  });
  document.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) document.body.classList.remove('dropping');
  });
  document.addEventListener('drop', (event) => {
    document.body.classList.remove('dropping');
    if (!event.dataTransfer?.types.includes('Files') || ontoFileInput(event)) return;
    event.preventDefault();
    const reading = inboxFromDrop(event.dataTransfer);
    byId('tab-rollup').click();
    void reading.then((inbox) => take(inbox));
  });
}
