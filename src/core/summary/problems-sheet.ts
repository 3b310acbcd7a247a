/** 问题清单: every problem of every file — validation issues and refusals — with where it is and what to do. */
import { SEVERITY_ZH } from '../issues.js';
import type { Rollup } from '../rollup/types.js';
import type { SheetSpec } from '../workbook/spec.js';
import { SUMMARY_STYLE } from './summary-styles.js';
import { tableSheet, type TableCell, type TableColumn } from './table-sheet.js';

export const PROBLEMS_SHEET_NAME = '问题清单';

const SEVERITY_STYLE = { error: SUMMARY_STYLE.bad, warning: SUMMARY_STYLE.warn, info: SUMMARY_STYLE.neutral } as const;

const COLUMNS: TableColumn[] = [
  { key: 'no', header: '序号', width: 6, style: SUMMARY_STYLE.center },
  { key: 'school', header: '学校', width: 14, style: SUMMARY_STYLE.text },
  { key: 'file', header: '文件', width: 20, style: SUMMARY_STYLE.text },
  { key: 'sheet', header: '工作表', width: 14, style: SUMMARY_STYLE.text },
  { key: 'cell', header: '单元格', width: 7, style: SUMMARY_STYLE.center },
  { key: 'severity', header: '级别', width: 6, style: SUMMARY_STYLE.center },
  { key: 'code', header: '代码', width: 28, style: SUMMARY_STYLE.text },
  { key: 'message', header: '说明', width: 60, style: SUMMARY_STYLE.text },
];

/** `stream`: the rows are made while the sheet is written (see StreamedRows). */
export function problemsSheet(rollup: Rollup, stream = false): SheetSpec {
  // `count` is fixed here: cuts found while writing join `rollup.problems` after the workbook, never this sheet.
  const problems = rollup.problems;
  const count = problems.length;
  function* rows(): Iterable<TableCell[]> {
    for (let i = 0; i < count; i++) {
      const p = problems[i]!;
      yield [i + 1, p.school, p.file, p.sheet, p.cell, { value: SEVERITY_ZH[p.severity], style: SEVERITY_STYLE[p.severity] }, p.code, p.message];
    }
  }
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    if (p.severity === 'error') errors++;
    else if (p.severity === 'warning') warnings++;
  }
  const of = (s: 'error' | 'warning') => (s === 'error' ? errors : warnings);
  return tableSheet({
    name: PROBLEMS_SHEET_NAME,
    title: `${rollup.planTitle} 问题清单`,
    subtitle:
      count === 0
        ? '各文件均未发现问题。'
        : `共 ${count} 条：错误 ${of('error')} 条，警告 ${of('warning')} 条（含被替代文件的问题和无法读取的文件）。`,
    pageTitle: `${rollup.planTitle} 问题清单`,
    columns: COLUMNS,
    bodyOf: { count, rows },
    stream,
    freezeColumns: 0,
    tabColor: of('error') > 0 ? 'C00000' : 'FFC000',
  });
}
