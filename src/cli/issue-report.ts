/** The readable validation report: problems grouped by sheet, in sheet order, each with its cell. */
import type { Issue } from '../core/model.js';
import { groupBySheet } from '../core/report/issue-groups.js';
import { printableIssue } from './display-name.js';

export function formatIssuesBySheet(issues: Issue[]): string {
  const lines: string[] = [];
  // Sheet names and the names in messages come from the file: shown escaped (see display-name.ts).
  for (const group of groupBySheet(issues.map(printableIssue))) {
    lines.push(group.title);
    for (const item of group.items) lines.push(`  ${(item.cell ?? '').padEnd(5)} [${item.severityZh} ${item.code}] ${item.message}`);
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
