/**
 * 序时进度 and ranking: of the tasks due by the as-of date, how many each
 * school has done, per pillar and overall; schools ranked by that rate, then
 * by overall completion, ties sharing a place (1, 1, 3); the lowest places
 * marked. Also the order of schools on the summary's pages.
 */
import type { RollupPillar, RollupTask, Light, LightCounts, Pace, SchoolRollup, SortBy, TaskState } from './types.js';
import { rate } from './task-states.js';
import type { TaskLight } from './task-light.js';

export function countLights(lights: readonly Light[], into: LightCounts = { 红: 0, 黄: 0, 绿: 0, 未填: 0 }): LightCounts {
  for (const light of lights) into[light] += 1;
  return into;
}

/** 序时进度 over one or more schools (each: lights and states aligned with `tasks`). */
export function paceOf(
  schools: readonly { lights: readonly TaskLight[]; states: readonly TaskState[] }[],
  tasks: readonly RollupTask[],
  pillars: readonly RollupPillar[],
): Pace {
  const done = new Array<number>(pillars.length).fill(0);
  const due = new Array<number>(pillars.length).fill(0);
  for (const school of schools) {
    tasks.forEach((t, i) => {
      if (!school.lights[i]?.dueByAsOf) return;
      due[t.pillarIndex]! += 1;
      if (school.states[i] === '已完成') done[t.pillarIndex]! += 1;
    });
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { pillars: pillars.map((_, i) => rate(done[i]!, due[i]!)), overall: rate(sum(done), sum(due)) };
}

/** Nothing due yet is on pace. */
export function paceRate(pace: Pace): number {
  return pace.overall.total === 0 ? 1 : pace.overall.rate;
}

/** Sets `rank` on every school with an adopted file and `lagging` on the lowest `lowestCount` places that are behind. */
export function rankSchools(schools: SchoolRollup[], lowestCount: number): void {
  const ranked = schools.filter((s) => s.pace && s.rates);
  const key = (s: SchoolRollup): [number, number] => [paceRate(s.pace!), s.rates!.overall.rate];
  const sorted = [...ranked].sort((a, b) => key(b)[0] - key(a)[0] || key(b)[1] - key(a)[1]);
  sorted.forEach((s, i) => {
    const prev = sorted[i - 1];
    s.rank = prev && key(prev)[0] === key(s)[0] && key(prev)[1] === key(s)[1] ? prev.rank! : i + 1;
  });
  // The lowest places, but never a school that is on pace with nothing overdue (three schools all on time: none is behind).
  const cut = ranked.length - lowestCount;
  for (const s of ranked) if (s.rank! > cut && (paceRate(s.pace!) < 1 || s.lightCounts.红 > 0)) s.lagging = true;
}

/**
 * Roster order (schools not on it after, by name: the order `schools` comes in); `rate`: ranked schools
 * by place, then the rest in roster order.
 */
export function schoolOrder(schools: readonly SchoolRollup[], sortBy: SortBy): SchoolRollup[] {
  const byRoster = schools
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.rosterNo ?? Infinity) - (b.s.rosterNo ?? Infinity) || a.i - b.i)
    .map((x) => x.s);
  if (sortBy === 'roster') return byRoster;
  const place = (s: SchoolRollup) => s.rank ?? Infinity;
  return byRoster.map((s, i) => ({ s, i })).sort((a, b) => place(a.s) - place(b.s) || a.i - b.i).map((x) => x.s);
}
