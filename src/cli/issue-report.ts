/** The readable validation report: problems grouped by sheet, in sheet order, each with its cell. */
import { messageFor, SEVERITY_ZH } from '../core/issues.js';
import type { Issue } from '../core/model.js';


export function formatIssuesBySheet(issues: Issue[]): string {
  const groups = new Map<string, Issue[]>();
  for (const item of issues) {
    const key = item.where.sheet ?? '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const lines: string[] = [];
  for (const [sheet, items] of groups) {
    lines.push(sheet ? `工作表“${sheet}”` : '整个文件');
    for (const item of items) {
      const cell = item.where.cell ? item.where.cell.padEnd(5) : '     ';
      lines.push(`  ${cell} [${SEVERITY_ZH[item.severity]} ${item.code}] ${messageFor(item.code, item.params)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
