/**
 * The three actions on the live workbook. The controller gets everything it
 * touches injected — the Office adapter, the plan/roll-up code, the pane's
 * inputs and a view — so it runs in node tests with a fake adapter and no DOM.
 * It decides which adapter call to make with which spec, index and options,
 * and turns the results into view models (view-model.ts).
 */
import { TaizhangError } from '../../core/issues.js';
import type { Issue } from '../../core/model.js';
import type { Rollup } from '../../core/rollup/types.js';
import type { Capabilities } from '../../office/capabilities.js';
import type { OfficeEnv } from '../../office/env.js';
import { toOfficeFailure } from '../../office/office-errors.js';
import type * as Heavy from './heavy.js';
import type { PaneInputs } from '../pane-inputs.js';
import {
  clearedView, failureView, generatedView, markedView, refusedView, summaryWrittenView, validatedView,
  type FailureView, type GeneratedView, type StatusView, type SummaryWrittenView, type ValidatedView,
} from './view-model.js';

/** The adapter functions and the plan/roll-up code, as the heavy chunk exports them. */
export type ExcelDeps = Pick<
  typeof Heavy,
  'generateInExcel' | 'validateInExcel' | 'markProblems' | 'clearMarks' | 'selectCell' | 'writeSummaryToExcel' | 'ledgerSpec' | 'pickedPlan' | 'rollUpFiles'
>;

export type { PaneInputs };

export interface RolledUpView {
  rollup: Rollup;
  lines: [string, number, string][];
}

export interface PaneView {
  progress(text: string, done?: number, total?: number): void;
  planProblems(issues: Issue[]): void;
  generated(view: GeneratedView): void;
  validated(view: ValidatedView): void;
  /** After marking or clearing: a line under the report, which stays. */
  status(view: StatusView): void;
  rolledUp(view: RolledUpView): void;
  summaryWritten(view: SummaryWrittenView): void;
  summaryDownload(file: { fileName: string; bytes: Uint8Array }): void;
  failure(view: FailureView): void;
}

/** An error from Office itself (OfficeExtension.Error carries a string `code`), not a fault of ours. */
function isOfficeError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && !(error instanceof TaizhangError);
}

export class ExcelController {
  /** The issues of the last 校验 of the open workbook: what 标出问题单元格 marks. */
  private lastIssues: Issue[] = [];

  constructor(
    private readonly deps: ExcelDeps,
    private readonly env: OfficeEnv,
    private readonly caps: Capabilities,
    private readonly inputs: PaneInputs,
    private readonly view: PaneView,
  ) {}

  /**
   * The adapter returns Office failures as data, but `Excel.run` itself can
   * still reject (the request context could not be made, the add-in lost its
   * session): shown the same way, with Office's code. undefined: shown already.
   */
  private async office<T>(call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      if (!isOfficeError(error)) throw error;
      this.view.failure(failureView(toOfficeFailure(error)));
      return undefined;
    }
  }

  async generate(): Promise<void> {
    const plan = await this.inputs.plan('生成台账');
    this.view.progress('正在读取工作要点……');
    const made = await this.deps.ledgerSpec(plan, this.inputs.unit(), this.inputs.reading?.() ?? {});
    if (!made.ok) return this.view.planProblems(made.issues);
    this.view.progress('正在把台账写入当前工作簿……');
    const written = await this.office(() => this.deps.generateInExcel(made.spec, this.env, { caps: this.caps }));
    if (!written) return;
    if (!written.ok) return this.view.failure(failureView(written.error, written.notes));
    this.view.generated(generatedView(written, made));
  }

  async validate(): Promise<void> {
    const plan = await this.inputs.plan('校验');
    const asOf = this.inputs.asOf();
    this.view.progress('正在读取工作要点……');
    const planned = await this.deps.pickedPlan(plan, this.inputs.reading?.() ?? {});
    if (!planned.ok) return this.view.planProblems(planned.issues);
    this.view.progress('正在读取并校验当前工作簿……');
    this.lastIssues = [];
    const checked = await this.office(() => this.deps.validateInExcel(planned.plan, { asOf, caps: this.caps }, this.env));
    if (!checked) return;
    if (!checked.ok) return this.view.failure(failureView(checked.error));
    if (checked.status === 'refused') return this.view.validated(refusedView(planned.title, checked.issue));
    this.lastIssues = checked.issues;
    this.view.validated(validatedView(planned.title, asOf, checked.issues));
  }

  /** Colours the cells of the last 校验's problems (earlier marks are put back first by the adapter). */
  async mark(): Promise<void> {
    this.view.progress('正在标出问题单元格……');
    const marked = await this.office(() => this.deps.markProblems(this.lastIssues, this.env, this.caps));
    if (!marked) return;
    this.view.status(marked.ok ? markedView(marked) : { tone: 'bad', text: '未能标出问题单元格。', notes: [] });
    if (!marked.ok) this.view.failure(failureView(marked.error));
  }

  async clear(): Promise<void> {
    this.view.progress('正在清除标记……');
    const cleared = await this.office(() => this.deps.clearMarks(this.env, this.caps));
    if (!cleared) return;
    this.view.status(cleared.ok ? clearedView(cleared) : { tone: 'bad', text: '未能清除标记。', notes: [] });
    if (!cleared.ok) this.view.failure(failureView(cleared.error));
  }

  /** A problem picked in the list: its sheet is activated and its cell selected. */
  async select(sheet: string, cell: string): Promise<void> {
    const selected = await this.office(() => this.deps.selectCell(sheet, cell, this.env));
    if (selected && !selected.ok) this.view.failure(failureView(selected.error));
  }

  async rollUp(): Promise<void> {
    const files = await this.inputs.schoolFiles();
    const plan = await this.inputs.plan('汇总');
    const roster = await this.inputs.roster();
    const asOf = this.inputs.asOf();
    const ran = await this.deps.rollUpFiles(plan, files, roster, asOf, (done, total, name) =>
      this.view.progress(done < total ? `正在检查 ${done + 1}/${total}：${name}` : '正在汇总……', done, total),
      this.inputs.reading?.() ?? {},
    );
    if (!ran.ok) return this.view.planProblems(ran.issues);
    this.view.rolledUp({ rollup: ran.rollup, lines: ran.lines });
    this.view.progress('正在把汇总表写入当前工作簿……');
    const written = await this.office(() => this.deps.writeSummaryToExcel(ran.summarySpec(), this.env, { caps: this.caps }));
    if (written?.ok) this.view.summaryWritten(summaryWrittenView(written));
    else if (written) this.view.failure(failureView(written.error, written.notes));
    // The file is offered either way: it is what gets sent on to the bureau.
    this.view.progress('正在生成汇总表文件……');
    this.view.summaryDownload({ fileName: ran.fileName, bytes: await ran.renderSummary() });
  }
}
