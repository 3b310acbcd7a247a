/** What `taizhang rollup` prints: the accounting that proves nothing was lost, and the problem counts. */
import { issue } from '../core/issues.js';
import type { Rollup } from '../core/rollup/roll-up.js';
import { printable } from './display-name.js';
import type { CliIo } from './io.js';
import { EXIT_PROBLEMS, reportIssues } from './report.js';

export function formatAccounting(rollup: Rollup, skipped: string[], converted: number): string {
  const a = rollup.accounting;
  const lines: string[] = [];
  lines.push(`汇总《${rollup.planTitle}》，逾期按 ${rollup.asOf} 判断`);
  const other = a.filesOther > 0 ? ` + 其他文件 ${a.filesOther} 个（未读取）` : '';
  lines.push(`文件：找到 ${a.filesFound} 个 = 读取 ${a.filesRead} 个 + 无法读取 ${a.filesRefused} 个${other}（采用 ${a.filesAdopted} 个，被同校较新文件替代 ${a.filesSuperseded} 个）`);
  if (converted > 0) lines.push(`      其中 ${converted} 个旧版 .xls/.et 文件已用 LibreOffice 转换后读取`);
  if (skipped.length > 0) lines.push(`      另跳过 ${skipped.length} 个系统或临时文件（如 ~$ 开头的 Excel 锁定文件）`);
  lines.push(`行数：读取 ${a.rowsRead} 行，明细表 ${a.detailRows} 行（采用 ${a.rowsAdopted} 行，已替代 ${a.rowsSuperseded} 行）`);
  const schools = a.rosterGiven
    ? `学校：名单内 ${a.schoolsListed} 所，已报送 ${a.schoolsListedSubmitted} 所，未报送 ${a.schoolsMissing} 所；名单外 ${a.schoolsUnlisted} 所；重复报送 ${a.schoolsDuplicate} 所；文件无法读取 ${a.schoolsUnreadable} 所`
    : `学校：已报送 ${a.schoolsSubmitted} 所；重复报送 ${a.schoolsDuplicate} 所；文件无法读取 ${a.schoolsUnreadable} 所（未提供学校名单，无法列出未报送学校）`;
  lines.push(schools);
  const nothing = a.filesRead + a.filesRefused === 0;
  if (nothing) lines.push('核对：没有找到可以汇总的台账文件，没有生成汇总表。');
  else lines.push(a.balanced ? '核对：文件数、行数前后一致，没有遗漏。' : '核对：数字对不上，请把输入文件发给技术支持！');
  const errors = rollup.problems.filter((p) => p.severity === 'error').length;
  const warnings = rollup.problems.filter((p) => p.severity === 'warning').length;
  if (!nothing) lines.push(`问题：${errors} 个错误，${warnings} 个警告（详见汇总表“问题清单”）`);
  // Names come from file names and cells: shown escaped, so none can forge a line or drive the terminal.
  for (const refusal of a.refusals) lines.push(`  无法读取：${printable(refusal.file)}（${refusal.code}）${printable(refusal.reason)}`);
  for (const entry of a.others) lines.push(`  其他文件，未读取：${printable(entry.file)}（${entry.code}）${printable(entry.reason)}`);
  const missing = rollup.schools.filter((s) => s.status === '未报送').map((s) => printable(s.name));
  if (missing.length > 0) lines.push(`  未报送：${missing.join('、')}`);
  return lines.join('\n') + '\n';
}

/** No submission at all (an empty folder, or only other files): said plainly, exit 1, and no empty summary written. */
export function reportNothingToRollUp(io: CliIo, run: { rollup: Rollup; skipped: string[]; converted: number }, where: string[], json: boolean): number {
  const a = run.rollup.accounting;
  if (json) io.stdout(JSON.stringify({ output: null, asOf: run.rollup.asOf, accounting: a, skipped: run.skipped, converted: run.converted, schools: [] }, null, 2) + '\n');
  else io.stdout(formatAccounting(run.rollup, run.skipped, run.converted));
  reportIssues(io, [issue('CLI_NOTHING_TO_ROLL_UP', 'error', {}, { where: where.join('、'), others: a.filesOther })]);
  return EXIT_PROBLEMS;
}
