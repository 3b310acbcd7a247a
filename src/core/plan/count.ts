/** How many tasks a plan has, summed over its pillars. */
import type { Plan } from '../model.js';

export function taskCount(plan: Plan): number {
  return plan.pillars.reduce((sum, p) => sum + p.tasks.length, 0);
}
