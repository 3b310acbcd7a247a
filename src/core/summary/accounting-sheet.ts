/**
 * 数据核对: the counts that prove nothing was lost — every file found is
 * either read or refused (with its reason), every row read is in 明细.
 */
import type { Accounting, Rollup } from '../rollup/types.js';
import type { SheetSpec } from '../workbook/spec.js';
import { SUMMARY_STYLE } from './summary-styles.js';
import { tableSheet, type TableCell, type TableColumn } from './table-sheet.js';

export const ACCOUNTING_SHEET_NAME = '数据核对';

const COLUMNS: TableColumn[] = [
  { key: 'item', header: '项目', width: 34, style: SUMMARY_STYLE.text },
  { key: 'count', header: '数量', width: 8, style: SUMMARY_STYLE.center },
  { key: 'note', header: '说明', width: 70, style: SUMMARY_STYLE.text },
];

/** Label, number, note — also what the CLI prints, so the two always agree. */
export function accountingLines(a: Accounting): [string, number, string][] {
  return [
    ['收到的文件', a.filesFound, '= 读取成功 + 无法读取或非本模板 + 其他文件'],
    ['  读取成功', a.filesRead, '= 采用 + 被替代'],
    ['    采用', a.filesAdopted, '每所报送学校采用一份'],
    ['    被替代（重复报送）', a.filesSuperseded, '同校有填报日期更晚的文件；差异见“重复报送变化”'],
    ['  无法读取或非本模板', a.filesRefused, '逐个列在下方、“报送情况”和“问题清单”中'],
    ['  其他文件，未读取', a.filesOther, '不是台账表格（如通知、名单、说明），或打不开的条目；不算作学校，逐个列在下方'],
    ['读取的任务行', a.rowsRead, '所有读取成功的文件中的任务行、插入行和其他行'],
    ['“明细”中的行', a.detailRows, '= 读取的任务行'],
    ['  采用', a.rowsAdopted, '计入“汇总”和“按任务统计”'],
    ['  被替代', a.rowsSuperseded, '“是否采用”为“否”'],
    ...(a.rosterGiven
      ? ([
          ['名单中的学校', a.schoolsListed, ''],
          ['  已报送', a.schoolsListedSubmitted, ''],
          ['  未报送', a.schoolsMissing, ''],
          ['名单外的学校', a.schoolsUnlisted, '请核对学校名称或名单'],
        ] as [string, number, string][])
      : []),
    ['采用文件的学校', a.schoolsSubmitted, ''],
    ['重复报送的学校', a.schoolsDuplicate, ''],
    ['只有无法读取或非本模板文件的学校', a.schoolsUnreadable, ''],
  ];
}

export function accountingSheet(rollup: Rollup): SheetSpec {
  const a = rollup.accounting;
  const body: TableCell[][] = accountingLines(a).map(([item, count, note]) => [{ value: item }, { value: count }, { value: note }]);
  body.push([
    { value: '核对结果' },
    { value: a.balanced ? '相符' : '不相符', style: a.balanced ? SUMMARY_STYLE.good : SUMMARY_STYLE.bad },
    {
      value: a.balanced
        ? '收到的文件 = 读取成功 + 无法读取或非本模板 + 其他文件；读取的任务行 = “明细”中的行。没有遗漏。'
        : '文件数或行数对不上，汇总可能有遗漏。请把这些文件发给技术支持。',
    },
  ]);
  for (const r of a.refusals) body.push([{ value: `无法计入：${r.file}` }, { value: 1 }, { value: `${r.reason}（${r.code}）` }]);
  for (const o of a.others) body.push([{ value: `其他文件：${o.file}` }, { value: 1 }, { value: `${o.reason}（${o.code}）` }]);
  return tableSheet({
    name: ACCOUNTING_SHEET_NAME,
    title: `${rollup.planTitle} 数据核对`,
    subtitle: `截至 ${rollup.asOf}。`,
    pageTitle: `${rollup.planTitle} 数据核对`,
    columns: COLUMNS,
    body,
    tabColor: a.balanced ? '70AD47' : 'C00000',
  });
}
