/**
 * What the user chose in the pane, as both modes' controllers ask for it. A
 * missing required file throws FAULT_NO_FILE_CHOSEN (shown as a fault). The
 * DOM implementation is dom-inputs.ts; tests give their own.
 */
import type { PickedFile, PlanReadingChoice } from './work/plan.js';

export interface PaneInputs {
  plan(action: string): Promise<PickedFile | undefined>;
  /** The clerk's reading of the plan (任务在哪一级); none given: taizhang decides. */
  reading?(): PlanReadingChoice;
  unit(): string;
  /** The file page's 用上期台账生成本期台账: the school's last-round ledger, when one is chosen. */
  previousLedger?(): Promise<PickedFile | undefined>;
  asOf(): string;
  /** The ledger to check (the file page; in Excel the open workbook is checked instead). */
  submission(): Promise<PickedFile>;
  schoolFiles(): Promise<PickedFile[]>;
  roster(): Promise<PickedFile | undefined>;
  /** 上期汇总 (the file page only): what changed since then goes into 本期变化 and the 通报. */
  previousSummary?(): Promise<PickedFile | undefined>;
  /** 本期名称 as typed (blank: the label from the as-of date, e.g. 2024年9月). */
  roundLabel?(): string;
  /** 重新报送截止日期 as given (blank: the messages say 请尽快); checked by the work chunk. */
  resubmitBy?(): string;
}
