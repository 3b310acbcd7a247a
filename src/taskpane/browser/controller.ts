/**
 * The three actions on files, in a plain browser (and inside an Excel too
 * old for the add-in): 生成台账, 校验 (with its annotated copy), 汇总. As in
 * the Excel pane, everything it touches is injected — the work chunk, the
 * pane's inputs and a view — so it runs in node tests with no DOM. It calls
 * the page's glue over the use cases and turns results into view models.
 */
import { resubmitDeadline } from '../../app/resubmit-deadline.js';
import type { Issue } from '../../core/model.js';
import type { PaneInputs } from '../pane-inputs.js';
import type * as Work from '../work/index.js';
import type { PageFeedback } from '../work/feedback.js';
import {
  annotatedFileView, checkedFileView, generatedFileView, refusedFileView, rolledUpFileView,
  outlineView, refusedPreviousView, type AnnotatedFileView, type CheckedFileView, type FileDownload, type GeneratedFileView, type OutlineView, type RolledUpFileView,
} from './view-model.js';

export type FileDeps = Pick<typeof Work, 'generateLedger' | 'validateFile' | 'rollUpFiles' | 'previewPlan'>;

export interface FileView {
  progress(text: string, done?: number, total?: number): void;
  planProblems(issues: Issue[]): void;
  /** The plan's outline as read, with its problems (查看识别结果). */
  outline(view: OutlineView): void;
  /** The ledger is offered and its download started. */
  generated(view: GeneratedFileView): void;
  checked(view: CheckedFileView): void;
  /** Replaces the check's report with the copy's download above the same problems. */
  annotated(check: CheckedFileView, view: AnnotatedFileView): void;
  rolledUp(view: RolledUpFileView): void;
  /** The summary is offered (and its download started) above the roll-up's report. */
  summaryReady(view: RolledUpFileView, file: FileDownload): void;
  /** The 通报 draft of the last roll-up is offered. */
  reportReady(file: FileDownload): void;
  /** 各校反馈 of the last roll-up: the .zip offered, each school's message shown to copy. */
  feedbackReady?(feedback: PageFeedback): void;
}

type Checked = Extract<Awaited<ReturnType<FileDeps['validateFile']>>, { status: 'checked' }>;

export class FileController {
  /** The last 汇总: what 通报草稿 is written from. */
  private lastRollup?: Extract<Awaited<ReturnType<FileDeps['rollUpFiles']>>, { ok: true }>;
  /** The last 校验's result: what 生成标注副本 annotates. */
  private last?: { check: Checked; view: CheckedFileView };

  /** `deps` loads the work chunk on first use (a separate download in the page). */
  constructor(
    private readonly deps: () => Promise<FileDeps>,
    private readonly inputs: PaneInputs,
    private readonly view: FileView,
  ) {}

  /** The clerk's reading of the plan, passed to every action. */
  private reading() {
    return this.inputs.reading?.() ?? {};
  }

  /** 本期名称 and 重新报送截止日期, when the pane has them. */
  private round() {
    const label = this.inputs.roundLabel?.();
    const resubmitBy = this.inputs.resubmitBy?.();
    return { ...(label ? { label } : {}), ...(resubmitBy ? { resubmitBy } : {}) };
  }

  /** 查看识别结果: what taizhang read in the plan, before anything is made. */
  async preview(): Promise<void> {
    const plan = await this.inputs.plan('查看识别结果');
    const work = await this.deps();
    this.view.progress('正在读取工作要点……');
    this.view.outline(outlineView(await work.previewPlan(plan, this.reading())));
  }

  async generate(): Promise<void> {
    const plan = await this.inputs.plan('生成台账');
    const previous = await this.inputs.previousLedger?.();
    const work = await this.deps();
    this.view.progress(previous ? `正在用上期台账“${previous.name}”生成本期台账……` : '正在生成台账……');
    const made = await work.generateLedger(plan, this.inputs.unit(), this.reading(), previous);
    if (!made.ok && made.refused) return this.view.checked(refusedPreviousView(made.refused.file, made.refused.issue));
    if (!made.ok) return this.view.planProblems(made.issues);
    this.view.generated(generatedFileView(made));
  }

  async validate(): Promise<void> {
    const file = await this.inputs.submission();
    const plan = await this.inputs.plan('校验');
    const asOf = this.inputs.asOf();
    const work = await this.deps();
    this.view.progress(`正在校验“${file.name}”……`);
    this.last = undefined;
    const checked = await work.validateFile(plan, file, asOf, this.reading());
    if (!checked.ok) return this.view.planProblems(checked.issues);
    if (checked.status === 'refused') return this.view.checked(refusedFileView(file.name, checked.planTitle, asOf, checked.issue));
    const view = checkedFileView(file.name, checked.planTitle, asOf, checked.issues);
    this.last = { check: checked, view };
    this.view.checked(view);
  }

  /** The annotated copy of the file last checked. */
  async annotate(): Promise<void> {
    if (!this.last) return;
    this.view.progress('正在生成标注副本……');
    const copy = await this.last.check.annotate();
    this.view.annotated(this.last.view, annotatedFileView(copy));
  }

  /** 通报草稿: the Word draft of the last roll-up. */
  async report(): Promise<void> {
    if (!this.lastRollup) return;
    this.view.progress('正在生成通报草稿……');
    this.view.reportReady(await this.lastRollup.report());
  }

  /** 下载各校反馈: every school's annotated copy, 反馈清单 and messages of the last roll-up. */
  async feedback(): Promise<void> {
    if (!this.lastRollup) return;
    this.view.progress('正在生成各校反馈……');
    const feedback = await this.lastRollup.feedback(this.inputs.resubmitBy?.());
    this.view.feedbackReady?.(feedback);
  }

  async rollUp(): Promise<void> {
    // A deadline before the as-of date is refused before any file is read (as the CLI's --resubmit-by).
    const round = this.round();
    resubmitDeadline(round.resubmitBy, this.inputs.asOf());
    const files = await this.inputs.schoolFiles();
    const plan = await this.inputs.plan('汇总');
    const roster = await this.inputs.roster();
    const previous = await this.inputs.previousSummary?.();
    const asOf = this.inputs.asOf();
    const work = await this.deps();
    const ran = await work.rollUpFiles(plan, files, roster, asOf, (done, total, name) =>
      this.view.progress(done < total ? `正在检查 ${done + 1}/${total}：${name}` : '正在汇总……', done, total),
      this.reading(),
      previous,
      round,
    );
    if (!ran.ok) return this.view.planProblems(ran.issues);
    this.lastRollup = ran;
    const view = rolledUpFileView(ran.rollup, ran.lines);
    this.view.rolledUp(view);
    this.view.progress('正在生成汇总表……');
    this.view.summaryReady(view, { fileName: ran.fileName, bytes: await ran.renderSummary() });
  }
}
