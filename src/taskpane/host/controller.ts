/**
 * The three actions on the open workbook, for any host that has one (Excel,
 * WPS 表格). The controller gets everything it touches injected — the host's
 * workbook adapter, the plan/roll-up code, the pane's inputs and a view — so
 * it runs in node tests with a fake host and no DOM. It decides which host
 * call to make with which spec and plan, and turns the results into view
 * models (excel/view-model.ts, shared by both hosts).
 */
import type { Issue, Plan } from '../../core/model.js';
import type { Rollup } from '../../core/rollup/types.js';
import type { WorkbookSpec } from '../../core/workbook/spec.js';
import type { OpenWorkbookCheck } from '../../app/check-open-workbook.js';
import type { PaneInputs } from '../pane-inputs.js';
import type { LedgerSpecResult, PlanResult } from '../work/for-excel.js';
import type { rollUpFiles } from '../work/rollup.js';
import {
  clearedView, failureView, generatedView, markedView, refusedView, summaryWrittenView, validatedView,
  type FailureView, type GeneratedView, type HostName, type StatusView, type SummaryWrittenView, type ValidatedView,
} from '../excel/view-model.js';

/** What a host shows for a failed action (OfficeFailure and WpsFailure both are one). */
export interface HostFailure {
  code: Parameters<typeof failureView>[0]['code'];
  message: string;
  officeCode?: string;
}

export type HostWrite = { ok: true; sheets: string[]; notes: Issue[]; method?: 'insert' | 'ranges' } | { ok: false; error: HostFailure; notes: Issue[] };
export type HostMark = { ok: true; marked: number; restored: number; notes: Issue[] } | { ok: false; error: HostFailure };

/** One host's workbook, as the controller uses it; excel/controller.ts and wps/controller.ts adapt their adapters to it. */
export interface HostWorkbook {
  /** 'Excel' or 'WPS 表格': how the pane names the host in what it says. */
  name: HostName;
  generate(spec: WorkbookSpec): Promise<HostWrite>;
  validate(plan: Plan, asOf: string): Promise<OpenWorkbookCheck<HostFailure>>;
  mark(issues: Issue[]): Promise<HostMark>;
  clear(): Promise<HostMark>;
  select(sheet: string, cell: string): Promise<{ ok: true } | { ok: false; error: HostFailure }>;
  writeSummary(spec: WorkbookSpec): Promise<HostWrite>;
  /** A host error thrown past the adapter (Excel.run itself rejecting), as a failure; undefined: not the host's, so a fault of ours. */
  thrownFailure(error: unknown): HostFailure | undefined;
}

/** The plan and roll-up code, as the heavy chunks export it. */
export interface PlanDeps {
  ledgerSpec(plan: Awaited<ReturnType<PaneInputs['plan']>>, unit: string, reading?: ReturnType<NonNullable<PaneInputs['reading']>>): Promise<LedgerSpecResult>;
  pickedPlan(plan: Awaited<ReturnType<PaneInputs['plan']>>, reading?: ReturnType<NonNullable<PaneInputs['reading']>>): Promise<PlanResult>;
  rollUpFiles: typeof rollUpFiles;
}

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

export class WorkbookController {
  /** The issues of the last 校验 of the open workbook: what 标出问题单元格 marks. */
  private lastIssues: Issue[] = [];

  constructor(
    private readonly deps: PlanDeps,
    private readonly host: HostWorkbook,
    private readonly inputs: PaneInputs,
    private readonly view: PaneView,
  ) {}

  /** The adapters return host failures as data, but the host can still throw past them: shown the same way. undefined: shown already. */
  private async call<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      const failure = this.host.thrownFailure(error);
      if (!failure) throw error;
      this.view.failure(failureView(failure));
      return undefined;
    }
  }

  async generate(): Promise<void> {
    const plan = await this.inputs.plan('生成台账');
    this.view.progress('正在读取工作要点……');
    const made = await this.deps.ledgerSpec(plan, this.inputs.unit(), this.inputs.reading?.() ?? {});
    if (!made.ok) return this.view.planProblems(made.issues);
    this.view.progress('正在把台账写入当前工作簿……');
    const written = await this.call(() => this.host.generate(made.spec));
    if (!written) return;
    if (!written.ok) return this.view.failure(failureView(written.error, written.notes));
    this.view.generated(generatedView(written, made, this.host.name));
  }

  async validate(): Promise<void> {
    const plan = await this.inputs.plan('校验');
    const asOf = this.inputs.asOf();
    this.view.progress('正在读取工作要点……');
    const planned = await this.deps.pickedPlan(plan, this.inputs.reading?.() ?? {});
    if (!planned.ok) return this.view.planProblems(planned.issues);
    this.view.progress('正在读取并校验当前工作簿……');
    this.lastIssues = [];
    const checked = await this.call(() => this.host.validate(planned.plan, asOf));
    if (!checked) return;
    if (!checked.ok) return this.view.failure(failureView(checked.error));
    if (checked.status === 'refused') return this.view.validated(refusedView(planned.title, checked.issue));
    this.lastIssues = checked.issues;
    this.view.validated(validatedView(planned.title, asOf, checked.issues));
  }

  /** Colours the cells of the last 校验's problems (earlier marks are put back first by the adapter). */
  async mark(): Promise<void> {
    this.view.progress('正在标出问题单元格……');
    const marked = await this.call(() => this.host.mark(this.lastIssues));
    if (!marked) return;
    this.view.status(marked.ok ? markedView(marked, this.host.name) : { tone: 'bad', text: '未能标出问题单元格。', notes: [] });
    if (!marked.ok) this.view.failure(failureView(marked.error));
  }

  async clear(): Promise<void> {
    this.view.progress('正在清除标记……');
    const cleared = await this.call(() => this.host.clear());
    if (!cleared) return;
    this.view.status(cleared.ok ? clearedView(cleared) : { tone: 'bad', text: '未能清除标记。', notes: [] });
    if (!cleared.ok) this.view.failure(failureView(cleared.error));
  }

  /** A problem picked in the list: its sheet is activated and its cell selected. */
  async select(sheet: string, cell: string): Promise<void> {
    const selected = await this.call(() => this.host.select(sheet, cell));
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
      // 上期汇总 and 本期名称 reach the workbook's summary too (本期变化, 进度趋势, the title); feedback is the file page's only.
      await this.inputs.previousSummary?.(),
      { label: this.inputs.roundLabel?.() ?? '' },
    );
    if (!ran.ok) return this.view.planProblems(ran.issues);
    this.view.rolledUp({ rollup: ran.rollup, lines: ran.lines });
    this.view.progress('正在把汇总表写入当前工作簿……');
    const written = await this.call(() => this.host.writeSummary(ran.summarySpec()));
    if (written?.ok) this.view.summaryWritten(summaryWrittenView(written));
    else if (written) this.view.failure(failureView(written.error, written.notes));
    // The file is offered either way: it is what gets sent on to the bureau.
    this.view.progress('正在生成汇总表文件……');
    this.view.summaryDownload({ fileName: ran.fileName, bytes: await ran.renderSummary() });
  }
}
