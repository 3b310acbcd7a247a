/**
 * The validation report as plain data: problems grouped by sheet in the order
 * they were found (as the CLI's report). No DOM here, so the grouping is
 * tested in node and shared by the CLI report, the file page and the Excel pane.
 */
import { messageFor, SEVERITY_ZH } from '../issues.js';
import type { Issue } from '../model.js';

export { SEVERITY_ZH };

export interface ProblemItem {
  /** '' for problems of the whole file. */
  sheet: string;
  cell?: string;
  severity: Issue['severity'];
  severityZh: string;
  code: string;
  message: string;
}

export interface ProblemGroup {
  sheet: string;
  /** `工作表“…”`, or `整个文件` for problems without a sheet. */
  title: string;
  items: ProblemItem[];
}

export function problemItem(item: Issue): ProblemItem {
  return {
    sheet: item.where.sheet ?? '',
    ...(item.where.cell ? { cell: item.where.cell } : {}),
    severity: item.severity,
    severityZh: SEVERITY_ZH[item.severity],
    code: item.code,
    message: messageFor(item.code, item.params),
  };
}

export function groupBySheet(issues: readonly Issue[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const item of issues) {
    const view = problemItem(item);
    const group = groups.get(view.sheet) ?? { sheet: view.sheet, title: view.sheet ? `工作表“${view.sheet}”` : '整个文件', items: [] };
    group.items.push(view);
    groups.set(view.sheet, group);
  }
  return [...groups.values()];
}

export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number } {
  return {
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
  };
}
