/**
 * Task-number checks. Plans number tasks either through the whole document
 * (the seed: 1–14 across four pillars) or from 1 again in each pillar or
 * group; both are valid, so at the start of a pillar/group either 1 or the
 * next number is accepted without a warning, until the plan shows its style:
 * once tasks restart at 1 at the start of a pillar (or of a group), a later
 * pillar (or group) that starts elsewhere is missing its first task.
 * Pillar and group starts are told apart because a common style restarts per
 * pillar but counts on through the pillar's groups.
 */
import { issue } from '../issues.js';
import type { Issue } from '../model.js';

export type ScopeKind = 'pillar' | 'group';

export class TaskNumbering {
  private last = 0;
  /** Numbers used in the current run: the whole plan, or since the last restart at 1. */
  private seen = new Set<number>();
  /** What began since the last task: a pillar (possibly followed by a group), a group, or nothing. */
  private scopeStart: ScopeKind | undefined = 'pillar';
  private restartsAt = new Set<ScopeKind>();

  /** A new pillar or group begins. */
  startScope(kind: ScopeKind): void {
    if (this.scopeStart !== 'pillar') this.scopeStart = kind;
  }

  check(no: number, line: number): Issue[] {
    const found: Issue[] = [];
    const scope = this.scopeStart;
    // Numbers that restart per group restart per pillar too.
    const expectsOne = scope !== undefined && (this.restartsAt.has(scope) || (scope === 'pillar' && this.restartsAt.has('group')));
    if (scope !== undefined && no === 1 && this.last !== 0) {
      this.restartsAt.add(scope);
      this.seen = new Set();
    } else if (no !== this.last + 1 || expectsOne) {
      if (this.seen.has(no)) found.push(issue('PLAN_TASK_DUPLICATE', 'warning', { line }, { found: no }));
      else found.push(issue('PLAN_TASK_GAP', 'warning', { line }, { expected: expectsOne ? 1 : this.last + 1, found: no }));
    }
    this.seen.add(no);
    this.last = no;
    this.scopeStart = undefined;
    return found;
  }
}
