/**
 * Task-number checks. Plans number tasks either through the whole document
 * (the seed: 1–14 across four pillars) or from 1 again in each pillar or
 * group; both are valid, so at the start of a pillar/group either 1 or the
 * next number is accepted without a warning.
 */
import { issue } from './issues.js';
import type { Issue } from './model.js';

export class TaskNumbering {
  private last = 0;
  /** Numbers used in the current run: the whole plan, or since the last restart at 1. */
  private seen = new Set<number>();
  private atScopeStart = true;
  private restarted = false;

  /** A new pillar or group begins. */
  startScope(): void {
    this.atScopeStart = true;
  }

  check(no: number, line: number): Issue[] {
    const found: Issue[] = [];
    if (this.atScopeStart && no === 1 && this.last !== 0) {
      this.restarted = true;
      this.seen = new Set();
    } else if (no !== this.last + 1) {
      if (this.seen.has(no)) found.push(issue('PLAN_TASK_DUPLICATE', 'warning', { line }, { found: no }));
      else {
        // In a plan that restarts per pillar, a pillar starting at 2 is missing its 1.
        const expected = this.atScopeStart && this.restarted ? 1 : this.last + 1;
        found.push(issue('PLAN_TASK_GAP', 'warning', { line }, { expected, found: no }));
      }
    }
    this.seen.add(no);
    this.last = no;
    this.atScopeStart = false;
    return found;
  }
}
