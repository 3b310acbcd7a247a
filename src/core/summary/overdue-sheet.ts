/** 逾期清单: every 红 task — the school, the task, whom to call, the due date as written and as understood. */
import type { Rollup } from '../rollup/types.js';
import type { SheetSpec } from '../workbook/spec.js';
import { SUMMARY_STYLE } from './summary-styles.js';
import { tableSheet, type TableCell, type TableColumn } from './table-sheet.js';

export const OVERDUE_SHEET_NAME = '逾期清单';

const COLUMNS: TableColumn[] = [
  { key: 'no', header: '序号', width: 5, style: SUMMARY_STYLE.center },
  { key: 'school', header: '学校', width: 16, style: SUMMARY_STYLE.text },
  { key: 'pillar', header: '大项', width: 5, style: SUMMARY_STYLE.center },
  { key: 'task', header: '任务', width: 34, style: SUMMARY_STYLE.text },
  { key: 'owner', header: '责任人', width: 10, style: SUMMARY_STYLE.text },
  { key: 'reporter', header: '填报人', width: 8, style: SUMMARY_STYLE.text },
  { key: 'phone', header: '联系电话', width: 14, style: SUMMARY_STYLE.text },
  { key: 'deadline', header: '完成时限（所填）', width: 14, style: SUMMARY_STYLE.center },
  { key: 'deadlineRead', header: '到期日', width: 11, style: SUMMARY_STYLE.center },
  { key: 'status', header: '状态', width: 14, style: SUMMARY_STYLE.center },
];

/** `stream`: the rows are made while the sheet is written (see StreamedRows). */
export function overdueSheet(rollup: Rollup, stream = false): SheetSpec {
  const overdue = rollup.overdue;
  function* rows(): Iterable<TableCell[]> {
    for (const [i, o] of overdue.entries()) yield [i + 1, o.school, o.pillar, o.task, o.owner, o.reporter, o.phone, o.deadline, o.deadlineRead, `逾期（${o.status}）`];
  }
  const schools = new Set(rollup.overdue.map((o) => o.school)).size;
  return tableSheet({
    name: OVERDUE_SHEET_NAME,
    title: `${rollup.planTitle} 逾期清单`,
    subtitle:
      rollup.overdue.length === 0
        ? `截至 ${rollup.asOf}：没有逾期任务。`
        : `截至 ${rollup.asOf}：${schools} 所学校共 ${rollup.overdue.length} 项任务完成时限已过、尚未完成（汇总表中的红色格），请督促责任人。`,
    pageTitle: `${rollup.planTitle} 逾期清单`,
    columns: COLUMNS,
    bodyOf: { count: overdue.length, rows },
    stream,
    freezeColumns: 2,
    tabColor: rollup.overdue.length > 0 ? 'C00000' : '70AD47',
  });
}
