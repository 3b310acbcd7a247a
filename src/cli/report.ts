/** Shared wording for what commands print about problems. */
import { describeIssue } from '../core/issues.js';
import type { Issue } from '../core/model.js';
import { countBySeverity } from '../core/report/issue-groups.js';
import { printableIssue } from './display-name.js';
import type { CliIo } from './io.js';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAULT = 2;

export { countBySeverity };

/** Prints each problem on stderr and returns the exit code they call for. */
export function reportIssues(io: CliIo, issues: Issue[]): number {
  for (const item of issues) io.stderr(describeIssue(printableIssue(item)) + '\n');
  const { errors, warnings } = countBySeverity(issues);
  if (errors + warnings > 0) io.stderr(`共 ${errors} 个错误，${warnings} 个警告。\n`);
  return errors + warnings > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
