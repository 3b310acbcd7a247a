/** 催报名单: schools to call — not submitted, file unusable, or errors in the file — with whom to call where known. */
import type { Rollup, SchoolRollup } from '../rollup/types.js';
import { schoolOrder } from '../rollup/pace.js';
import type { SheetSpec } from '../workbook/spec.js';
import { SUMMARY_STYLE } from './summary-styles.js';
import { tableSheet, type TableCell, type TableColumn } from './table-sheet.js';

export const CHASE_SHEET_NAME = '催报名单';

const COLUMNS: TableColumn[] = [
  { key: 'no', header: '序号', width: 5, style: SUMMARY_STYLE.center },
  { key: 'school', header: '学校', width: 18, style: SUMMARY_STYLE.text },
  { key: 'why', header: '情况', width: 14, style: SUMMARY_STYLE.center },
  { key: 'reporter', header: '填报人', width: 8, style: SUMMARY_STYLE.text },
  { key: 'phone', header: '联系电话', width: 14, style: SUMMARY_STYLE.text },
  { key: 'file', header: '文件', width: 26, style: SUMMARY_STYLE.text },
  { key: 'todo', header: '请学校', width: 40, style: SUMMARY_STYLE.text },
];

/** Why the school is on the list, and what to ask of it; undefined when it need not be called. */
function reasonOf(school: SchoolRollup): { why: string; todo: string } | undefined {
  if (school.status === '未报送') return { why: '未报送', todo: '尽快报送台账' };
  if (school.status === '无法读取') return { why: '无法读取', todo: school.files[0]?.reason ?? '重新报送可以打开的文件' };
  if (school.status === '非本模板') return { why: '非本模板', todo: '用本次下发的台账模板重新填报' };
  const kept = school.files.find((f) => f.outcome === '采用');
  if (kept && kept.errors > 0) return { why: `有 ${kept.errors} 处错误`, todo: '按“问题清单”改正后重新报送' };
  return undefined;
}

export function chaseSheet(rollup: Rollup): SheetSpec {
  const body: TableCell[][] = [];
  for (const school of schoolOrder(rollup.schools, 'roster')) {
    const reason = reasonOf(school);
    if (!reason) continue;
    // 填报人 and 联系电话 from the newest readable file, when there is one.
    const known = school.files.find((f) => f.info.reporter || f.info.phone);
    body.push([body.length + 1, school.name, { value: reason.why, style: SUMMARY_STYLE.bad }, known?.info.reporter ?? '', known?.info.phone ?? '', school.files[0]?.file ?? '', reason.todo]);
  }
  return tableSheet({
    name: CHASE_SHEET_NAME,
    title: `${rollup.planTitle} 催报名单`,
    subtitle: body.length === 0 ? `截至 ${rollup.asOf}：各校均已按模板报送，文件无错误。` : `截至 ${rollup.asOf}：${body.length} 所学校需要联系（未报送、文件无法使用或有错误）。`,
    pageTitle: `${rollup.planTitle} 催报名单`,
    columns: COLUMNS,
    body,
    freezeColumns: 2,
    tabColor: body.length > 0 ? 'C00000' : '70AD47',
  });
}
