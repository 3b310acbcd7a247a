/**
 * The three actions on files: 生成台账, 校验, 汇总. Each reads what the user
 * picked, loads the work chunk (exceljs and the domain code) on first use,
 * shows progress, and puts the result — or the fault, with its code — in the page.
 */
import { TaizhangError } from '../core/issues.js';
import { byId, clearError, downloadLink, h, hideProgress, readPicked, releaseDownloads, showFault, showProgress } from './ui/dom.js';
import { countBySeverity, issuesBySheet, planIssueList } from './ui/issue-list.js';
import { accountingTable, problemCounts, schoolTable } from './ui/rollup-view.js';

type Work = typeof import('./work/index.js');
let workPromise: Promise<Work> | undefined;

/** The heavy chunk, fetched once from this page's own origin. */
function loadWork(): Promise<Work> {
  showProgress('正在加载处理模块……');
  workPromise ??= import(/* webpackChunkName: "work" */ './work/index.js').catch((error: unknown) => {
    workPromise = undefined;
    throw error;
  });
  return workPromise;
}

export const firstFile = (id: string): File | undefined => byId<HTMLInputElement>(id).files?.[0] ?? undefined;

export async function pickedPlan(action: string) {
  const useFile = byId<HTMLInputElement>('plan-source-file').checked;
  const file = useFile ? firstFile('plan-file') : undefined;
  if (useFile && !file) throw new TaizhangError('FAULT_NO_FILE_CHOSEN', { what: '工作要点文件（.txt 或 .docx）', action });
  return file ? readPicked(file) : undefined;
}

export const asOf = (): string => byId<HTMLInputElement>('as-of').value || byId<HTMLInputElement>('as-of').defaultValue;

export function result(...children: (Node | string | null)[]): void {
  byId('result').replaceChildren(...children.filter((c): c is Node | string => c !== null));
}

export function planProblems(issues: Parameters<typeof planIssueList>[0]): void {
  result(h('p', { class: 'summary bad' }, '工作要点有错误，未能继续。请按下面的提示修改后重试。'), planIssueList(issues));
}

/**
 * Runs one action: buttons disabled meanwhile, faults shown in the page.
 * `keepResult` (marking, clearing, selecting inside Excel) leaves the report in place.
 */
export async function run(task: () => Promise<void>, options: { keepResult?: boolean } = {}): Promise<void> {
  // Only the buttons enabled now: a button that was already disabled (nothing to mark) stays so.
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('button.run, #result button')].filter((b) => !b.disabled);
  buttons.forEach((b) => (b.disabled = true));
  byId('result').setAttribute('aria-busy', 'true');
  clearError();
  if (!options.keepResult) {
    releaseDownloads();
    result();
  }
  try {
    await task();
  } catch (error) {
    showFault(error);
  } finally {
    hideProgress();
    byId('result').removeAttribute('aria-busy');
    buttons.forEach((b) => (b.disabled = false));
  }
}

export function generate(): Promise<void> {
  return run(async () => {
    const plan = await pickedPlan('生成台账');
    const work = await loadWork();
    showProgress('正在生成台账……');
    const made = await work.generateLedger(plan, byId<HTMLInputElement>('unit').value);
    if (!made.ok) return planProblems(made.issues);
    const link = downloadLink(made.bytes, made.fileName, `下载 ${made.fileName}`);
    result(
      h('p', { class: 'summary good' }, `已生成台账：${made.fileName}（${made.pillars} 个大项，${made.tasks} 项任务）。`),
      link,
      made.issues.length > 0 ? h('p', {}, '工作要点中有以下提示，请核对：') : null,
      made.issues.length > 0 ? planIssueList(made.issues) : null,
    );
    link.click();
  });
}

export function validate(): Promise<void> {
  return run(async () => {
    const picked = firstFile('validate-file');
    if (!picked) throw new TaizhangError('FAULT_NO_FILE_CHOSEN', { what: '要校验的台账文件（.xlsx）', action: '校验' });
    const plan = await pickedPlan('校验');
    const file = await readPicked(picked);
    const work = await loadWork();
    showProgress(`正在校验“${file.name}”……`);
    const checked = await work.validateFile(plan, file, asOf());
    if (checked.kind === 'plan-errors') return planProblems(checked.issues);
    const head = `校验“${file.name}”（依据《${checked.planTitle}》，逾期按 ${asOf()} 判断）`;
    if (checked.kind === 'refused') {
      return result(h('p', { class: 'summary bad' }, `${head}：文件无法校验。`), issuesBySheet([checked.issue]));
    }
    const { errors, warnings } = countBySeverity(checked.issues);
    const verdict = errors + warnings === 0 ? '没有发现问题。' : `共 ${errors} 个错误，${warnings} 个警告。`;
    const button = h('button', { type: 'button', class: 'secondary', id: 'make-annotated' }, '生成标注副本（问题单元格标色并加批注）');
    const slot = h('div', { class: 'download-slot' }, button);
    button.addEventListener('click', () =>
      void run(async () => {
        showProgress('正在生成标注副本……');
        const copy = await checked.annotate();
        const note = copy.marked ? '问题单元格已标色并加批注' : '原文件结构特殊，只附上了“校验结果”表';
        result(h('p', { class: `summary ${errors > 0 ? 'bad' : 'good'}` }, `${head}：${verdict}`), h('p', {}, `标注副本已生成（${note}）。`), downloadLink(copy.bytes, copy.fileName, `下载 ${copy.fileName}`), issuesBySheet(checked.issues));
      }),
    );
    result(h('p', { class: `summary ${errors > 0 ? 'bad' : 'good'}` }, `${head}：${verdict}`), slot, issuesBySheet(checked.issues));
  });
}

export function rollUp(): Promise<void> {
  return run(async () => {
    const chosen = [...(byId<HTMLInputElement>('rollup-files').files ?? [])];
    if (chosen.length === 0) throw new TaizhangError('FAULT_NO_FILE_CHOSEN', { what: '各学校报送的台账文件（.xlsx，可多选）', action: '汇总' });
    const plan = await pickedPlan('汇总');
    const rosterFile = firstFile('rollup-roster');
    const roster = rosterFile ? await readPicked(rosterFile) : undefined;
    const work = await loadWork();
    const files = [];
    for (const [i, file] of chosen.entries()) {
      showProgress(`正在读取文件 ${i + 1}/${chosen.length}：${file.name}`, i, chosen.length * 2);
      files.push(await readPicked(file));
    }
    const ran = await work.rollUpFiles(plan, files, roster, asOf(), (done, total, name) =>
      showProgress(done < total ? `正在检查 ${done + 1}/${total}：${name}` : '正在汇总……', total + done, total * 2),
    );
    if (ran.kind === 'plan-errors') return planProblems(ran.issues);
    const { rollup } = ran;
    const head = h('p', { class: `summary ${rollup.accounting.balanced ? 'good' : 'bad'}` }, `已汇总 ${rollup.accounting.filesFound} 个文件、${rollup.schools.length} 所学校（逾期按 ${rollup.asOf} 判断）。`);
    const views = [accountingTable(rollup, ran.lines), problemCounts(rollup), schoolTable(rollup)];
    result(head, ...views);
    showProgress('正在生成汇总表……');
    const summary = await ran.summary();
    const link = downloadLink(summary.bytes, summary.fileName, `下载 ${summary.fileName}`);
    result(head, link, ...views);
    link.click();
  });
}

