/** Plans and specs of chosen sizes for the Office adapter tests. */
import type { Plan } from '../../src/core/model';
import { buildTemplateSpec } from '../../src/core/template/build-spec';
import type { WorkbookSpec } from '../../src/core/workbook/spec';
import { seedPlan } from './seed-plan';

/**
 * The seed plan with its first pillar grown (or cut) to `tasks` short tasks,
 * so only the row count changes and 10,000 rows stay under the 5 MB request
 * limit (past it, batches grow with megabytes: see office-summary.test.ts).
 */
export function planWithTasks(tasks: number): Plan {
  const plan = seedPlan();
  const first = plan.pillars[0]!;
  const model = first.tasks[0]!;
  const grown = Array.from({ length: tasks }, (_, i) => ({
    ...model,
    id: `P1T${i + 1}`,
    no: i + 1,
    title: `落实第${i + 1}项`,
    body: '按要求推进。',
    source: `${i + 1}. 落实第${i + 1}项。按要求推进。`,
  }));
  return { ...plan, pillars: [{ ...first, tasks: grown }, ...plan.pillars.slice(1)] };
}

export function specWithTasks(tasks: number): WorkbookSpec {
  return buildTemplateSpec(planWithTasks(tasks));
}
