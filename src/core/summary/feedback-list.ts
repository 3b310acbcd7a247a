/**
 * 反馈清单.xlsx: one row per school the bureau sends something back to (a
 * file with errors or warnings, a file that could not be used, or nothing
 * sent), with whom to call, the counts, every item to fix (the same numbered
 * items as the school's message) and the day to resubmit by.
 */
import { isoParts } from '../calendar.js';
import { chineseDate, feedbackItems, type SchoolFeedback } from '../report/feedback-messages.js';
import { STYLES } from '../template/styles.js';
import type { WorkbookSpec } from '../workbook/spec.js';
import { SUMMARY_STYLE, SUMMARY_STYLES } from './summary-styles.js';
import { tableSheet, type TableCell, type TableColumn } from './table-sheet.js';

const COLUMNS: TableColumn[] = [
  { key: 'no', header: '序号', width: 5, style: SUMMARY_STYLE.center },
  { key: 'school', header: '学校', width: 18, style: SUMMARY_STYLE.text },
  { key: 'situation', header: '情况', width: 10, style: SUMMARY_STYLE.center },
  { key: 'reporter', header: '填报人', width: 8, style: SUMMARY_STYLE.text },
  { key: 'phone', header: '联系电话', width: 14, style: SUMMARY_STYLE.text },
  { key: 'errors', header: '错误', width: 6, style: SUMMARY_STYLE.center },
  { key: 'warnings', header: '警告', width: 6, style: SUMMARY_STYLE.center },
  { key: 'todo', header: '需要修改', width: 60, style: SUMMARY_STYLE.text },
  { key: 'copy', header: '标注副本', width: 24, style: SUMMARY_STYLE.text },
  { key: 'by', header: '重新报送期限', width: 12, style: SUMMARY_STYLE.center },
];

export interface FeedbackListInput {
  planTitle: string;
  asOf: string;
  resubmitBy?: string;
  schools: readonly SchoolFeedback[];
  /** Annotated copy file name by school, for schools that have one. */
  copies: ReadonlyMap<string, string>;
  /** Why a school's copy could not be made, by school. */
  copyNotes: ReadonlyMap<string, string>;
  missing: readonly string[];
}

function todoOf(s: SchoolFeedback): string {
  if (s.kind === 'refused') return s.reason ?? s.situation;
  return feedbackItems(s.problems).join('\n');
}

export function feedbackListSpec(input: FeedbackListInput): WorkbookSpec {
  const by = input.resubmitBy ? `${chineseDate(input.resubmitBy, isoParts(input.asOf)?.year)}前` : '尽快';
  const body: TableCell[][] = [];
  for (const s of input.schools) {
    const situationStyle = s.errors > 0 || s.kind === 'refused' ? SUMMARY_STYLE.bad : SUMMARY_STYLE.warn;
    const copy = input.copies.get(s.school) ?? input.copyNotes.get(s.school) ?? '';
    body.push([body.length + 1, s.school, { value: s.situation, style: situationStyle }, s.reporter, s.phone, s.kind === 'refused' ? '' : s.errors, s.kind === 'refused' ? '' : s.warnings, todoOf(s), copy, by]);
  }
  for (const school of input.missing) {
    body.push([body.length + 1, school, { value: '未报送', style: SUMMARY_STYLE.bad }, '', '', '', '', '尽快报送台账', '', by]);
  }
  const withProblems = input.schools.filter((s) => s.kind === 'problems').length;
  const refused = input.schools.length - withProblems;
  const subtitle = body.length === 0
    ? `截至 ${input.asOf}：各校报送的台账都没有问题，无需反馈。`
    : `截至 ${input.asOf}：${withProblems} 所学校的台账有问题需要修改，${refused} 所学校的文件无法使用，${input.missing.length} 所学校未报送。问题单元格已在各校的标注副本中标色并加批注。`;
  const sheet = tableSheet({
    name: '反馈清单',
    title: `${input.planTitle} 各校反馈清单`,
    subtitle,
    pageTitle: `${input.planTitle} 各校反馈清单（截至 ${input.asOf}）`,
    columns: COLUMNS,
    body,
    freezeColumns: 2,
    tabColor: body.length > 0 ? 'C00000' : '70AD47',
  });
  return {
    templateId: '',
    templateVersion: 0,
    title: `${input.planTitle} 各校反馈清单`,
    sheets: [sheet],
    styles: { ...STYLES, ...SUMMARY_STYLES },
    definedNames: [],
    lockStructure: false,
  };
}
