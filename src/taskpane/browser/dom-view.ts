/**
 * The file page's view: turns the controller's view models into elements.
 * Thin on purpose: every decision is in controller.ts and view-model.ts,
 * tested in node; this file only builds nodes, wires buttons and starts downloads.
 */
import type { Issue } from '../../core/model.js';
import { byId, h, offerFile, showProgress } from '../ui/dom.js';
import { issuesBySheet, planIssueList } from '../ui/issue-list.js';
import { feedbackMessages, foldedAccounting, gapLinks, problemCounts, schoolTable } from '../ui/rollup-view.js';
import type { PageFeedback } from '../work/feedback.js';
import { planProblems, result } from '../ui/run.js';
import type { FileView } from './controller.js';
import type { AnnotatedFileView, CheckedFileView, FileDownload, GeneratedFileView, OutlineView, RolledUpFileView } from './view-model.js';

const summaryLine = (tone: string, text: string): HTMLElement => h('p', { class: `summary ${tone}` }, text);
const offer = (file: FileDownload) => offerFile(file.bytes, file.fileName);

export class FileDomView implements FileView {
  /** `annotate`, `report`: what the 生成标注副本 and 通报草稿 buttons run. */
  constructor(
    private readonly annotate: () => void,
    private readonly report: () => void = () => undefined,
    private readonly feedback: () => void = () => undefined,
  ) {}

  progress(text: string, done?: number, total?: number): void {
    showProgress(text, done, total);
  }

  planProblems(issues: Issue[]): void {
    planProblems(issues);
  }

  outline(view: OutlineView): void {
    const lines = view.lines.map((line) => (line.text === '' ? h('li', { class: 'gap' }) : h('li', { class: `depth-${Math.min(line.depth, 4)}` }, line.text)));
    result(
      summaryLine(view.tone, view.headline),
      view.issues.length > 0 ? planIssueList(view.issues) : null,
      h('ol', { class: 'outline', 'aria-label': '识别出的工作要点结构' }, lines),
    );
  }

  generated(view: GeneratedFileView): void {
    const file = offer(view.file);
    const hints = view.planIssues.length > 0;
    result(summaryLine('good', view.headline), file.node, hints ? h('p', {}, view.issuesTitle) : null, hints ? planIssueList(view.planIssues) : null);
    file.start();
  }

  checked(view: CheckedFileView): void {
    if (!view.annotatable) return result(summaryLine('bad', view.headline), issuesBySheet(view.issues));
    const button = h('button', { type: 'button', class: 'secondary', id: 'make-annotated' }, '生成标注副本（问题单元格标色并加批注）');
    button.addEventListener('click', () => this.annotate());
    result(summaryLine(view.tone, view.headline), h('div', { class: 'download-slot' }, button), issuesBySheet(view.issues));
  }

  annotated(check: CheckedFileView, view: AnnotatedFileView): void {
    result(summaryLine(check.tone, check.headline), h('p', {}, view.text), offer(view.file).node, issuesBySheet(check.issues));
  }

  rolledUp(view: RolledUpFileView): void {
    result(...this.rollupReport(view));
  }

  summaryReady(view: RolledUpFileView, file: FileDownload): void {
    const [head, ...rest] = this.rollupReport(view);
    const offered = offer(file);
    const button = h('button', { type: 'button', class: 'secondary', id: 'make-report' }, '生成通报草稿（Word，按公文格式排版）');
    button.addEventListener('click', () => this.report());
    const feedback = h('button', { type: 'button', class: 'secondary', id: 'make-feedback' }, '下载各校反馈（标注副本、反馈清单和各校消息，一个 .zip）');
    feedback.addEventListener('click', () => this.feedback());
    result(head!, h('div', { class: 'download-slot', id: 'summary-downloads' }, [offered.node, button, feedback]), ...rest);
    offered.start();
  }

  reportReady(file: FileDownload): void {
    const offered = offerFile(file.bytes, file.fileName);
    byId('make-report').replaceWith(offered.node);
    offered.start();
  }

  feedbackReady(feedback: PageFeedback): void {
    const offered = offerFile(feedback.file.bytes, feedback.file.fileName);
    byId('make-feedback').replaceWith(h('div', { class: 'feedback' }, [h('p', {}, feedback.headline), offered.node, feedbackMessages(feedback.messages, feedback.chase)]));
    offered.start();
  }

  private rollupReport(view: RolledUpFileView): HTMLElement[] {
    const links = gapLinks(view.gaps);
    const head = links ? h('div', { class: 'rollup-head' }, [summaryLine(view.tone, view.headline), links]) : summaryLine(view.tone, view.headline);
    return [head, problemCounts(view.rollup), schoolTable(view.rollup), foldedAccounting(view.rollup, view.lines)];
  }
}
