/**
 * 明细: every row of every readable file, superseded files included and
 * marked, so the row count here equals the rows read — nothing dropped.
 */
import { detailRowsOf } from '../rollup/detail-rows.js';
import type { DetailRow, Rollup } from '../rollup/types.js';
import type { SheetSpec } from '../workbook/spec.js';
import { SUMMARY_STYLE } from './summary-styles.js';
import { tableSheet, type TableCell, type TableColumn } from './table-sheet.js';

export const DETAIL_SHEET_NAME = '明细';

const text = SUMMARY_STYLE.text;
const center = SUMMARY_STYLE.center;
const COLUMNS: TableColumn[] = [
  { key: 'school', header: '学校', width: 14, style: text },
  { key: 'pillar', header: '大项', width: 5, style: center },
  { key: 'seq', header: '序号', width: 5, style: center },
  { key: 'task', header: '工作任务', width: 18, style: text },
  { key: 'measures', header: '具体举措', width: 22, style: text },
  { key: 'unit', header: '责任单位', width: 10, style: text },
  { key: 'owner', header: '责任人', width: 8, style: text },
  { key: 'deadline', header: '完成时限', width: 10, style: text },
  { key: 'deadlineRead', header: '完成时限（识别）', width: 10.5, style: center },
  { key: 'progress', header: '完成情况', width: 26, style: text },
  { key: 'status', header: '状态', width: 7, style: center },
  { key: 'file', header: '来源文件', width: 16, style: text },
  { key: 'sheet', header: '来源工作表', width: 14, style: text },
  { key: 'cell', header: '来源单元格', width: 7, style: center },
  { key: 'adopted', header: '是否采用', width: 6, style: center },
];

/** `stream`: the rows are made while the sheet is written (see StreamedRows). */
export function detailSheet(rollup: Rollup, stream = false): SheetSpec {
  const details = detailRowsOf(rollup);
  function* rows(): Iterable<TableCell[]> {
    for (const d of details.rows()) yield detailCells(d);
  }
  const a = rollup.accounting;
  return tableSheet({
    name: DETAIL_SHEET_NAME,
    title: `${rollup.planTitle} 填报明细`,
    subtitle:
      `共 ${a.detailRows} 行，来自 ${a.filesRead} 个文件（读取的任务行 ${a.rowsRead} 行）；其中采用 ${a.rowsAdopted} 行，` +
      `被同校较新文件替代 ${a.rowsSuperseded} 行（“是否采用”为“否”）。`,
    pageTitle: `${rollup.planTitle} 填报明细`,
    columns: COLUMNS,
    bodyOf: { count: details.count, rows },
    stream,
    freezeColumns: 1,
    tabColor: 'A5A5A5',
  });
}

function detailCells(d: DetailRow): TableCell[] {
  return [
    d.school,
    d.pillar,
    d.seq,
    d.task,
    d.measures,
    d.unit,
    d.owner,
    d.deadline,
    d.deadlineRead === '无法识别' ? { value: d.deadlineRead, style: SUMMARY_STYLE.bad } : d.deadlineRead,
    d.progress,
    d.status,
    d.file,
    d.sheet,
    d.cell,
    d.adopted ? '是' : { value: '否', style: SUMMARY_STYLE.muted },
  ];
}
