/**
 * The Excel pane's view: turns the controller's view models into elements.
 * Kept thin on purpose — every decision is in controller.ts and view-model.ts,
 * which are tested in node; this file only builds nodes and wires buttons.
 */
import type { Issue } from '../../core/model.js';
import { planProblems, result } from '../ui/run.js';
import { byId, h, offerFile, showProgress } from '../ui/dom.js';
import { planIssueList, problemReport } from '../ui/issue-list.js';
import { rollupVerdict } from '../../core/report/wording.js';
import { foldedAccounting, gapLinks, problemCounts, schoolTable } from '../ui/rollup-view.js';
import type { PaneView, RolledUpView } from './controller.js';
import type { CapabilityView, FailureView, HostName, GeneratedView, NoteView, StatusView, SummaryWrittenView, ValidatedView } from './view-model.js';

export interface ReportHandlers {
  mark(): void;
  clear(): void;
  select(sheet: string, cell: string): void;
}

function noteList(notes: readonly NoteView[]): HTMLElement | null {
  if (notes.length === 0) return null;
  return h('ul', { class: 'issues notes' }, notes.map((n) =>
    h('li', { class: `issue ${n.severity}`, 'data-code': n.code }, h('code', { class: 'code' }, n.code), h('span', { class: 'message' }, n.text)),
  ));
}

const present = (...nodes: (Node | string | null)[]): (Node | string)[] => nodes.filter((n): n is Node | string => n !== null);

const summaryLine = (tone: string, text: string): HTMLElement => h('p', { class: `summary ${tone}` }, text);

/** The capability line at the top of the pane: what is missing, where the rest is, and (folded) the ExcelApi version. */
export function renderCapability(view: CapabilityView): void {
  const note = byId('host-note');
  note.className = `note capability ${view.tone}`;
  // What is missing, in the clerk's words; the requirement sets behind it fold into a details line.
  const missing = view.missing.flatMap((g) => g.features).map((feature) => h('li', {}, feature));
  note.replaceChildren(...present(
    h('span', { id: 'capability-text' }, view.text),
    missing.length > 0 ? h('ul', { class: 'missing', 'aria-label': '此版本 Excel 缺少的功能' }, missing) : null,
    h('details', { class: 'capability-details' }, h('summary', {}, '技术细节'), h('p', {}, view.details)),
    view.tone === 'good' ? null : h('a', { class: 'url', id: 'browser-url', href: view.browserUrl, target: '_blank', rel: 'noopener' }, view.browserUrl),
  ));
  note.hidden = false;
}

export class DomView implements PaneView {
  constructor(
    private readonly handlers: ReportHandlers,
    private readonly host: HostName = 'Excel',
  ) {}

  progress(text: string, done?: number, total?: number): void {
    showProgress(text, done, total);
  }

  planProblems(issues: Issue[]): void {
    planProblems(issues);
  }

  generated(view: GeneratedView): void {
    result(
      summaryLine('good', view.headline),
      view.notes.length > 0 ? h('p', {}, '说明：') : null,
      noteList(view.notes),
      view.planIssues.length > 0 ? h('p', {}, '工作要点中有以下提示，请核对：') : null,
      view.planIssues.length > 0 ? planIssueList(view.planIssues) : null,
    );
  }

  validated(view: ValidatedView): void {
    const mark = h('button', { type: 'button', class: 'secondary', id: 'mark-problems', disabled: view.markable === 0 }, '标出问题单元格');
    const clear = h('button', { type: 'button', class: 'secondary', id: 'clear-marks' }, '清除标记');
    mark.addEventListener('click', () => this.handlers.mark());
    clear.addEventListener('click', () => this.handlers.clear());
    result(
      summaryLine(view.tone, view.headline),
      h('div', { class: 'toolbar' }, mark, clear),
      h('div', { id: 'excel-status', role: 'status' }),
      problemReport(view.groups, (sheet, cell) => this.handlers.select(sheet, cell)),
    );
  }

  status(view: StatusView): void {
    byId('excel-status').replaceChildren(...present(summaryLine(view.tone, view.text), noteList(view.notes)));
  }

  rolledUp(view: RolledUpView): void {
    const verdict = rollupVerdict(view.rollup);
    result(
      summaryLine(view.rollup.accounting.balanced ? verdict.tone : 'bad', verdict.text),
      gapLinks(verdict),
      h('div', { id: 'summary-slot' }),
      problemCounts(view.rollup),
      schoolTable(view.rollup),
      foldedAccounting(view.rollup, view.lines),
    );
  }

  summaryWritten(view: SummaryWrittenView): void {
    byId('summary-slot').append(...present(h('p', { id: 'summary-written' }, view.text), noteList(view.notes)));
  }

  summaryDownload(file: { fileName: string; bytes: Uint8Array }): void {
    byId('summary-slot').append(offerFile(file.bytes, file.fileName).node);
  }

  failure(view: FailureView): void {
    const box = byId('error');
    box.replaceChildren(...present(
      h('strong', {}, `${this.host} 未能完成`), ' ', h('code', { class: 'code' }, view.code),
      view.officeCode ? h('span', { class: 'office-code' }, `（Excel 错误代码：${view.officeCode}）`) : null,
      h('p', {}, view.message),
      noteList(view.notes),
    ));
    box.hidden = false;
  }
}
