/**
 * What the Excel pane shows, as plain data made from the adapter's results:
 * the capability line, notes about skipped or renamed things, problem groups,
 * Office failures. No DOM and no Office here, so all of it is tested in node;
 * dom-view.ts only turns these into elements.
 */
import { messageFor } from '../../core/issues.js';
import type { Issue } from '../../core/model.js';
import { FEATURES } from '../../office/capabilities.js';
import type { OfficeFailure } from '../../office/office-errors.js';
import { countBySeverity, groupBySheet, type ProblemGroup } from '../../core/report/issue-groups.js';
import { checkHeadline, ledgerSize, verdict } from '../../core/report/wording.js';
import { SUMMARY_MARKER_SHEET_NAME } from '../../core/template/constants.js';

/** How the pane names the host it runs in. */
export type HostName = 'Excel' | 'WPS 表格';

export interface MissingGroup {
  /** `ExcelApi 1.8`. */
  need: string;
  features: string[];
}

export interface CapabilityView {
  /** false: this Excel cannot run the Excel-side actions at all (not even ExcelApi 1.1). */
  usable: boolean;
  tone: 'good' | 'partial' | 'bad';
  text: string;
  /** What this Excel lacks, by the requirement set that brings it, lowest first. */
  missing: MissingGroup[];
  /** The requirement sets behind it (for whoever supports the school's Excel), shown folded, not in `text`. */
  details: string;
  /** Where to get the rest: this page in a browser. */
  browserUrl: string;
}

/**
 * The browser page's address: this page's without Office's query
 * (`?_host_Info=…`) and hash, and the add-in's entry page (addin.html, which
 * loads office.js) swapped for the browser page beside it in the same dist/.
 */
export function browserPageUrl(href: string): string {
  return href.split('#')[0]!.split('?')[0]!.replace(/\/addin\.html$/, '/taskpane.html');
}

export function capabilityView(minor: number, browserUrl: string): CapabilityView {
  if (minor < 1) {
    return {
      usable: false,
      tone: 'bad',
      text: '这个版本的 Excel 不能让加载项读写工作簿。下面仍可选择文件处理，结果下载到本机；也可以在浏览器中打开本页使用：',
      missing: [],
      details: '不支持 ExcelApi 1.1（加载项读写工作簿的最低要求）。',
      browserUrl,
    };
  }
  const byNeed = new Map<number, string[]>();
  for (const feature of Object.values(FEATURES)) {
    if (feature.minor > minor) byNeed.set(feature.minor, [...(byNeed.get(feature.minor) ?? []), feature.zh]);
  }
  const missing = [...byNeed.entries()].sort(([a], [b]) => a - b).map(([need, features]) => ({ need: `ExcelApi 1.${need}`, features }));
  const details = [`支持到 ExcelApi 1.${minor}。`, ...missing.map((g) => `${g.features.join('、')}：需要 ${g.need}。`)].join('');
  if (missing.length === 0) {
    return { usable: true, tone: 'good', text: '已在 Excel 中加载：生成台账、校验、汇总都直接在当前工作簿中完成。', missing, details, browserUrl };
  }
  return {
    usable: true,
    tone: 'partial',
    text:
      '已在 Excel 中加载：可以在当前工作簿中生成台账、校验、汇总，但这个版本的 Excel 做不到下列几件事，用到时会自动跳过并逐条说明。' +
      '需要完整的台账文件（如分发给学校）时，请点“下载台账文件”，或在浏览器中打开本页生成：',
    missing,
    details,
    browserUrl,
  };
}

export interface NoteView {
  code: string;
  severity: Issue['severity'];
  text: string;
}

export function noteViews(notes: readonly Issue[]): NoteView[] {
  return notes.map((n) => ({ code: n.code, severity: n.severity, text: messageFor(n.code, n.params) }));
}

export interface FailureView {
  code: string;
  /** Excel's own error code, for support. */
  officeCode?: string;
  /** What went wrong and what to do (from the message table). */
  message: string;
  notes: NoteView[];
}

export function failureView(error: OfficeFailure, notes: readonly Issue[] = []): FailureView {
  return { code: error.code, ...(error.officeCode ? { officeCode: error.officeCode } : {}), message: error.message, notes: noteViews(notes) };
}

export interface GeneratedView {
  headline: string;
  sheets: string[];
  /** Skipped features, renamed sheets, the unlocked structure: what the adapter did differently. */
  notes: NoteView[];
  /** Warnings from reading the plan. */
  planIssues: Issue[];
}

export function generatedView(
  written: { method?: 'insert' | 'ranges'; sheets: string[]; notes: Issue[] },
  plan: { pillars: number; tasks: number; issues: Issue[] },
  host: HostName = 'Excel',
): GeneratedView {
  // WPS writes sheet by sheet with its own object model: no method to name.
  const how = written.method === 'insert' ? '整表插入，与下载的台账文件相同' : written.method === 'ranges' ? '逐区域写入' : undefined;
  const skipped = written.notes.filter((n) => n.code === 'OFFICE_SKIPPED_FEATURE').length;
  return {
    headline:
      `已在当前工作簿中添加 ${written.sheets.length} 张工作表${ledgerSize(plan.pillars, plan.tasks, how)}。` +
      (skipped > 0 ? `此版本 ${host} 跳过了 ${skipped} 项功能，见下方说明。` : ''),
    sheets: written.sheets,
    notes: noteViews(written.notes),
    planIssues: plan.issues,
  };
}

export interface ValidatedView {
  headline: string;
  tone: 'good' | 'bad';
  groups: ProblemGroup[];
  /** Problems with a cell to mark: 标出问题单元格 is offered. */
  markable: number;
}

export function validatedView(title: string, asOf: string, issues: readonly Issue[]): ValidatedView {
  const { errors, warnings } = countBySeverity(issues);
  const pick = errors + warnings === 0 ? '' : '点一条问题可在表中选中它的单元格。';
  return {
    headline: `${checkHeadline('当前工作簿', title, asOf)}：${verdict({ errors, warnings })}${pick}`,
    tone: errors > 0 ? 'bad' : 'good',
    groups: groupBySheet(issues),
    markable: issues.filter((i) => i.where.sheet && i.where.cell).length,
  };
}

export function refusedView(title: string, problem: Issue): ValidatedView {
  return {
    headline: `当前工作簿不是《${title}》的台账，无法校验。请打开学校填好的台账，或检查上面选的工作要点是否正确。`,
    tone: 'bad',
    groups: groupBySheet([problem]),
    markable: 0,
  };
}

export interface StatusView {
  tone: 'good' | 'bad';
  text: string;
  notes: NoteView[];
}

export function markedView(result: { marked: number; restored: number; notes: Issue[] }, host: HostName = 'Excel'): StatusView {
  const text =
    result.marked === 0
      ? '没有可标出的单元格（这些问题不对应具体单元格）。'
      : `已用橙色标出 ${result.marked} 个问题单元格（${host} 支持时附批注）。改好后可点“清除标记”恢复原来的填充。`;
  return { tone: 'good', text, notes: noteViews(result.notes) };
}

export function clearedView(result: { restored: number; notes: Issue[] }): StatusView {
  const text = result.restored === 0 ? '工作簿中没有台账助手留下的标记。' : `已清除 ${result.restored} 个单元格的标记，恢复了原来的填充。`;
  return { tone: 'good', text, notes: noteViews(result.notes) };
}

export interface SummaryWrittenView {
  text: string;
  sheets: string[];
  notes: NoteView[];
}

export function summaryWrittenView(written: { sheets: string[]; notes: Issue[] }): SummaryWrittenView {
  // The very hidden marker (the round record) is written too, but it is ours, not a sheet the clerk can open.
  const sheets = written.sheets.filter((name) => name !== SUMMARY_MARKER_SHEET_NAME);
  return {
    text: `已把汇总表写入当前工作簿：${sheets.join('、')}。也可以下载汇总表文件。`,
    sheets,
    notes: noteViews(written.notes),
  };
}
