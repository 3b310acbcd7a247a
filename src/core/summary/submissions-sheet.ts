/** 报送情况: every expected or found school, one line per file it sent (a line of its own when it sent none). */
import type { Accounting, FileOutcome, Rollup, RollupFile, SchoolRollup, SchoolStatus } from '../rollup/types.js';
import type { SheetSpec } from '../workbook/spec.js';
import { SUMMARY_STYLE, type SummaryStyleName } from './summary-styles.js';
import { gapsLine, paceText } from './meeting-lines.js';
import { tableSheet, type TableCell, type TableColumn } from './table-sheet.js';

export const SUBMISSIONS_SHEET_NAME = '报送情况';

const COLUMNS: TableColumn[] = [
  { key: 'no', header: '序号', width: 5, style: SUMMARY_STYLE.center },
  { key: 'school', header: '学校', width: 20, style: SUMMARY_STYLE.text },
  { key: 'roster', header: '名单', width: 7, style: SUMMARY_STYLE.center },
  { key: 'status', header: '报送状态', width: 10, style: SUMMARY_STYLE.center },
  { key: 'file', header: '文件', width: 26, style: SUMMARY_STYLE.text },
  { key: 'outcome', header: '本文件', width: 8, style: SUMMARY_STYLE.center },
  { key: 'reporter', header: '填报人', width: 8, style: SUMMARY_STYLE.text },
  { key: 'phone', header: '联系电话', width: 14, style: SUMMARY_STYLE.text },
  { key: 'date', header: '填报日期', width: 12, style: SUMMARY_STYLE.center },
  { key: 'errors', header: '错误', width: 6, style: SUMMARY_STYLE.center },
  { key: 'warnings', header: '警告', width: 6, style: SUMMARY_STYLE.center },
  { key: 'rate', header: '完成率', width: 7, style: SUMMARY_STYLE.rate },
  { key: 'pace', header: '序时进度', width: 8, style: SUMMARY_STYLE.center },
  { key: 'rank', header: '排名', width: 5, style: SUMMARY_STYLE.center },
  { key: 'note', header: '说明', width: 34, style: SUMMARY_STYLE.text },
];

const STATUS_STYLE: Record<SchoolStatus, SummaryStyleName> = {
  已报送: SUMMARY_STYLE.good,
  重复报送: SUMMARY_STYLE.warn,
  未报送: SUMMARY_STYLE.bad,
  无法读取: SUMMARY_STYLE.bad,
  非本模板: SUMMARY_STYLE.bad,
};
const OUTCOME_STYLE: Record<FileOutcome, SummaryStyleName> = {
  采用: SUMMARY_STYLE.center,
  已替代: SUMMARY_STYLE.muted,
  无法读取: SUMMARY_STYLE.bad,
  非本模板: SUMMARY_STYLE.bad,
};
const ROSTER_LABEL = { listed: '名单内', similar: '名单内', unlisted: '名单外', none: '' } as const;

/** Why this line looks the way it does, in a clerk's words. */
function noteFor(school: SchoolRollup, file: RollupFile | undefined): string {
  const notes: string[] = [];
  if (school.roster === 'unlisted' && file === school.files[0]) notes.push('不在报送名单中，请核对学校名称');
  if (!file) return school.status === '未报送' ? '未收到该校文件' : '';
  if (file.reason) notes.push(file.reason);
  if (file.outcome === '已替代') notes.push(`同校另有较新的文件“${school.kept}”，本文件未采用`);
  if (file.outcome === '采用' && file.identifiedBy === 'fileName') notes.push('“填报单位”未填或与名单不符，按文件名识别');
  if (school.roster === 'similar' && file.identifiedBy === 'unit') notes.push(`填报单位“${file.info.unit}”按近似名称对应名单中的“${school.name}”，请核对`);
  return notes.join('；');
}

export function submissionsSubtitle(a: Accounting, asOf: string): string {
  const roster = a.rosterGiven
    ? `名单内应报 ${a.schoolsListed} 所，已报送 ${a.schoolsListedSubmitted} 所，未报送 ${a.schoolsMissing} 所；名单外 ${a.schoolsUnlisted} 所；`
    : '';
  return (
    `截至 ${asOf}：${roster}共收到文件 ${a.filesFound} 个，读取 ${a.filesRead} 个，无法读取或非本模板 ${a.filesRefused} 个` +
    (a.filesOther > 0 ? `，其他文件 ${a.filesOther} 个（未读取，见“数据核对”）；` : '；') +
    `汇总采用 ${a.schoolsSubmitted} 所学校的文件，其中重复报送 ${a.schoolsDuplicate} 所（采用较新的一份）。`
  );
}

function schoolFigures(school: SchoolRollup, file: RollupFile | undefined): TableCell[] {
  const shown = school.rates && (file === undefined || file.outcome === '采用');
  if (!shown) return ['', '', ''];
  return [school.rates!.overall.rate, paceText(school), { value: school.rank ?? '', ...(school.lagging ? { style: SUMMARY_STYLE.bad } : {}) }];
}

/** `stream`: the rows are made while the sheet is written (see StreamedRows). */
export function submissionsSheet(rollup: Rollup, stream = false): SheetSpec {
  let count = 0;
  for (const school of rollup.schools) count += Math.max(1, school.files.length);
  return tableSheet({
    name: SUBMISSIONS_SHEET_NAME,
    title: `${rollup.planTitle} 报送情况`,
    subtitle: submissionsSubtitle(rollup.accounting, rollup.asOf) + gapsLine(rollup),
    pageTitle: `${rollup.planTitle} 报送情况`,
    columns: COLUMNS,
    bodyOf: { count, rows: () => submissionRows(rollup) },
    stream,
    freezeColumns: 2,
    tabColor: rollup.accounting.schoolsMissing + rollup.accounting.schoolsUnreadable > 0 ? 'C00000' : '70AD47',
  });
}

/** One line per file, or one for a school without any. */
function* submissionRows(rollup: Rollup): Iterable<TableCell[]> {
  for (const [i, school] of rollup.schools.entries()) {
    const lines = school.files.length > 0 ? school.files : [undefined];
    for (const file of lines) {
      yield [
        { value: i + 1 },
        { value: school.name },
        { value: ROSTER_LABEL[school.roster] },
        { value: school.status, style: STATUS_STYLE[school.status] },
        { value: file?.file ?? '' },
        { value: file?.outcome ?? '', ...(file ? { style: OUTCOME_STYLE[file.outcome] } : {}) },
        { value: file?.info.reporter ?? '' },
        { value: file?.info.phone ?? '' },
        { value: file?.info.date ?? '' },
        { value: file ? file.errors : '' },
        { value: file ? file.warnings : '' },
        // A school's rate and place on its adopted file's line (or its only line).
        ...schoolFigures(school, file),
        { value: noteFor(school, file) },
      ];
    }
  }
}
