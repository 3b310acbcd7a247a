/** 重复报送变化: for each school that sent several files, what the adopted file changed against each superseded one. */
import type { Rollup } from '../rollup/types.js';
import type { SheetSpec } from '../workbook/spec.js';
import { SUMMARY_STYLE } from './summary-styles.js';
import { tableSheet, type TableCell, type TableColumn } from './table-sheet.js';

export const CHANGES_SHEET_NAME = '重复报送变化';

const COLUMNS: TableColumn[] = [
  { key: 'school', header: '学校', width: 14, style: SUMMARY_STYLE.text },
  { key: 'kept', header: '采用的文件', width: 20, style: SUMMARY_STYLE.text },
  { key: 'superseded', header: '被替代的文件', width: 20, style: SUMMARY_STYLE.text },
  { key: 'task', header: '任务', width: 24, style: SUMMARY_STYLE.text },
  { key: 'column', header: '栏目', width: 8, style: SUMMARY_STYLE.center },
  { key: 'old', header: '原内容（被替代的文件）', width: 30, style: SUMMARY_STYLE.text },
  { key: 'new', header: '新内容（采用的文件）', width: 30, style: SUMMARY_STYLE.text },
];

/** Undefined when no school sent more than one readable file. */
export function changesSheet(rollup: Rollup): SheetSpec | undefined {
  const duplicates = rollup.schools.filter((s) => s.status === '重复报送');
  if (duplicates.length === 0) return undefined;
  const body: TableCell[][] = rollup.changes.map((c) => [
    { value: c.school },
    { value: c.keptFile },
    { value: c.supersededFile },
    { value: c.task },
    { value: c.column },
    { value: c.old },
    { value: c.new },
  ]);
  // A school whose files are identical still gets a line, so every duplicate is accounted for.
  for (const s of duplicates) {
    for (const f of s.files.filter((x) => x.outcome === '已替代')) {
      if (!rollup.changes.some((c) => c.school === s.name && c.supersededFile === f.file)) {
        body.push([{ value: s.name }, { value: s.kept ?? '' }, { value: f.file }, { value: '（两份文件内容相同）' }, { value: '' }, { value: '' }, { value: '' }]);
      }
    }
  }
  return tableSheet({
    name: CHANGES_SHEET_NAME,
    title: `${rollup.planTitle} 重复报送变化`,
    subtitle: `${duplicates.length} 所学校报送了不止一份文件：采用填报日期较晚的一份（日期相同时采用修改时间较晚的），下表列出与被替代文件不同的内容，共 ${rollup.changes.length} 处。`,
    pageTitle: `${rollup.planTitle} 重复报送变化`,
    columns: COLUMNS,
    body,
    freezeColumns: 1,
    tabColor: 'FFC000',
  });
}
