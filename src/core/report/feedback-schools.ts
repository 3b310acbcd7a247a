/**
 * Which schools get feedback after a roll-up, and what about: every school
 * whose adopted file has errors or warnings, every school whose file could not
 * be used, and (for the 催报 message) every roster school that sent nothing.
 * Clean schools get nothing. Schools come in roster order.
 */
import type { Issue } from '../model.js';
import { schoolOrder } from '../rollup/pace.js';
import type { ProblemRow, Rollup } from '../rollup/types.js';
import { fixPhrase } from './feedback-fixes.js';
import type { FeedbackProblem, SchoolFeedback } from './feedback-messages.js';

export interface FeedbackPlan {
  schools: SchoolFeedback[];
  /** Roster schools with no file at all. */
  missing: string[];
}

const isProblem = (severity: string): severity is 'error' | 'warning' => severity === 'error' || severity === 'warning';

/** Problems from a file's own check: the short fix of each (the issues keep their params). */
export function problemsFromIssues(issues: readonly Issue[]): FeedbackProblem[] {
  return issues.flatMap((i) => (isProblem(i.severity) ? [{ sheet: i.where.sheet ?? '', cell: i.where.cell ?? '', severity: i.severity, fix: fixPhrase(i.code, i.params) }] : []));
}

/** Problems from the roll-up's 问题清单 rows, when the file cannot be checked again: the full message is the fix. */
function problemsFromRows(rows: readonly ProblemRow[]): FeedbackProblem[] {
  return rows.flatMap((r) => (isProblem(r.severity) ? [{ sheet: r.sheet, cell: r.cell, severity: r.severity, fix: r.message.replace(/[。\s]+$/u, '') }] : []));
}

/** Counts of a problem list, as the message and the 反馈清单 state them. */
export function withProblems(feedback: SchoolFeedback, problems: FeedbackProblem[]): SchoolFeedback {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return { ...feedback, problems, errors, warnings, situation: errors > 0 ? '有错误' : '有警告' };
}

export function feedbackPlan(rollup: Rollup): FeedbackPlan {
  const rowsByFile = new Map<string, ProblemRow[]>();
  for (const row of rollup.problems) {
    const key = `${row.school}\u0000${row.file}`;
    const rows = rowsByFile.get(key);
    if (rows) rows.push(row);
    else rowsByFile.set(key, [row]);
  }
  const schools: SchoolFeedback[] = [];
  const missing: string[] = [];
  for (const school of schoolOrder(rollup.schools, 'roster')) {
    if (school.status === '未报送') {
      missing.push(school.name);
      continue;
    }
    const file = school.files[0];
    if (!file) continue;
    const base = { school: school.name, file: file.file, reporter: file.info.reporter, phone: file.info.phone, errors: 0, warnings: 0, problems: [] };
    if (school.status === '无法读取' || school.status === '非本模板') {
      schools.push({ ...base, kind: 'refused', situation: school.status, ...(file.reason ? { reason: file.reason } : {}) });
      continue;
    }
    if (file.errors + file.warnings === 0) continue;
    const problems = problemsFromRows(rowsByFile.get(`${school.name}\u0000${file.file}`) ?? []);
    schools.push(withProblems({ ...base, kind: 'problems', situation: '' }, problems));
  }
  return { schools, missing };
}
