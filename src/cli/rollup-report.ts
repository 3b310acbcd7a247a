/** What `taizhang rollup` prints: the accounting that proves nothing was lost, and the problem counts. */
import type { Rollup } from '../core/rollup/roll-up.js';

export function formatAccounting(rollup: Rollup, skipped: string[], converted: number): string {
  const a = rollup.accounting;
  const lines: string[] = [];
  lines.push(`汇总《${rollup.planTitle}》，逾期按 ${rollup.asOf} 判断`);
  lines.push(`文件：找到 ${a.filesFound} 个 = 读取 ${a.filesRead} 个 + 无法读取 ${a.filesRefused} 个（采用 ${a.filesAdopted} 个，被同校较新文件替代 ${a.filesSuperseded} 个）`);
  if (converted > 0) lines.push(`      其中 ${converted} 个旧版 .xls/.et 文件已用 LibreOffice 转换后读取`);
  if (skipped.length > 0) lines.push(`      另跳过 ${skipped.length} 个系统或临时文件（如 ~$ 开头的 Excel 锁定文件）`);
  lines.push(`行数：读取 ${a.rowsRead} 行，明细表 ${a.detailRows} 行（采用 ${a.rowsAdopted} 行，已替代 ${a.rowsSuperseded} 行）`);
  const schools = a.rosterGiven
    ? `学校：名单内 ${a.schoolsListed} 所，已报送 ${a.schoolsListedSubmitted} 所，未报送 ${a.schoolsMissing} 所；名单外 ${a.schoolsUnlisted} 所；重复报送 ${a.schoolsDuplicate} 所；文件无法读取 ${a.schoolsUnreadable} 所`
    : `学校：已报送 ${a.schoolsSubmitted} 所；重复报送 ${a.schoolsDuplicate} 所；文件无法读取 ${a.schoolsUnreadable} 所（未提供学校名单，无法列出未报送学校）`;
  lines.push(schools);
  lines.push(a.balanced ? '核对：文件数、行数前后一致，没有遗漏。' : '核对：数字对不上，请把输入文件发给技术支持！');
  const errors = rollup.problems.filter((p) => p.severity === 'error').length;
  const warnings = rollup.problems.filter((p) => p.severity === 'warning').length;
  lines.push(`问题：${errors} 个错误，${warnings} 个警告（详见汇总表“问题清单”）`);
  for (const refusal of a.refusals) lines.push(`  无法读取：${refusal.file}（${refusal.code}）${refusal.reason}`);
  const missing = rollup.schools.filter((s) => s.status === '未报送').map((s) => s.name);
  if (missing.length > 0) lines.push(`  未报送：${missing.join('、')}`);
  return lines.join('\n') + '\n';
}
