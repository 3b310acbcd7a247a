/** One school's lights, 序时进度 and 红 tasks from its adopted ledger (see task-light.ts and pace.ts). */
import type { Ledger } from '../ledger/ledger-types.js';
import type { IsoDate } from '../model.js';
import type { PaceRules } from '../validate/rules.js';
import { countLights, paceOf } from './pace.js';
import { ledgerLights, type LightContext } from './task-light.js';
import { rowsByTask, type ReadContext } from './task-states.js';
import type { FileInfo, Light, LightCounts, OverdueRow, Pace, RollupPillar, RollupTask, TaskState } from './types.js';

export interface SchoolLights {
  lights: Light[];
  lightCounts: LightCounts;
  pace: Pace;
  overdue: OverdueRow[];
}

export function schoolLights(
  school: string,
  kept: { ledger: Ledger; info: FileInfo; ctx: ReadContext },
  states: readonly TaskState[],
  plan: { tasks: readonly RollupTask[]; pillars: readonly RollupPillar[]; start: IsoDate },
  options: { asOf: IsoDate; rules: PaceRules },
): SchoolLights {
  const ctx: LightContext = { ...kept.ctx, asOf: options.asOf, planStart: plan.start, rules: options.rules };
  const found = ledgerLights(rowsByTask(kept.ledger), plan.tasks.map((t) => t.id), ctx);
  const lights = found.map((f) => f.light);
  const overdue: OverdueRow[] = [];
  found.forEach((f, i) => {
    if (!f.red) return;
    const t = plan.tasks[i]!;
    overdue.push({
      school,
      taskId: t.id,
      pillar: t.pillarNumeral,
      task: `${t.no}. ${t.title}`,
      owner: f.red.owner,
      reporter: kept.info.reporter,
      phone: kept.info.phone,
      deadline: f.red.deadline,
      deadlineRead: f.red.deadlineRead,
      status: f.red.status,
    });
  });
  return { lights, lightCounts: countLights(lights), pace: paceOf([{ lights: found, states }], plan.tasks, plan.pillars), overdue };
}

/** Over all adopted schools. */
export function overallLights(
  schools: readonly { lights: readonly Light[] }[],
  paces: readonly Pace[],
  pillars: readonly RollupPillar[],
): { lightCounts: LightCounts; pace: Pace } {
  const counts = countLights([]);
  for (const s of schools) countLights(s.lights, counts);
  const sum = (pick: (p: Pace) => { done: number; total: number }) => {
    let done = 0;
    let total = 0;
    for (const p of paces) ((done += pick(p).done), (total += pick(p).total));
    return { done, total, rate: total === 0 ? 0 : done / total };
  };
  return { lightCounts: counts, pace: { pillars: pillars.map((_, i) => sum((p) => p.pillars[i]!)), overall: sum((p) => p.overall) } };
}
