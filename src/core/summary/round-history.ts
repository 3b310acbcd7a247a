/**
 * This round's record (round-data.ts) from the roll-up, carrying forward the
 * previous summary's rounds: each school's rate per round, matched by its
 * normalised name; a school seen before but not now keeps its earlier rates.
 */
import type { Rollup } from '../rollup/types.js';
import { textHash, type RoundSchool, type SummaryData, type TaskMark } from './round-data.js';

/** Each school's 完成情况 per task, keyed `school\u0000taskId`: the adopted rows' texts (task row, then rows inserted under it). */
export function progressTexts(rollup: Rollup): Map<string, string> {
  const texts = new Map<string, string>();
  for (const d of rollup.details) {
    if (!d.adopted || !d.taskId || d.progress === '') continue;
    const key = `${d.school}\u0000${d.taskId}`;
    const before = texts.get(key);
    texts.set(key, before === undefined ? d.progress : `${before}\n${d.progress}`);
  }
  return texts;
}

export function roundRecord(rollup: Rollup, templateId: string, label: string, previous?: SummaryData): SummaryData {
  const earlier = previous?.rounds ?? [];
  const rounds = [...earlier, { label, asOf: rollup.asOf, rate: rollup.overall.overall.total > 0 ? rollup.overall.overall.rate : null }];
  const texts = progressTexts(rollup);
  const before = new Map((previous?.schools ?? []).map((s) => [s.key, s]));
  // Earlier rates line up with the earlier rounds, padded for a school first seen after round 1.
  const earlierRates = (key: string): (number | null)[] => {
    const rates = before.get(key)?.rates ?? [];
    return earlier.map((_, i) => rates[i] ?? null);
  };
  const schools: RoundSchool[] = rollup.schools.map((s) => {
    const tasks: TaskMark[] = s.states.map((state, i) => {
      const taskId = rollup.tasks[i]!.id;
      return { state, light: s.lights[i] ?? '未填', progress: textHash(texts.get(`${s.name}\u0000${taskId}`) ?? '') };
    });
    const rate = s.rates && s.rates.overall.total > 0 ? s.rates.overall.rate : null;
    return { key: s.key, name: s.name, status: s.status, rates: [...earlierRates(s.key), rate], tasks };
  });
  const now = new Set(rollup.schools.map((s) => s.key));
  for (const s of previous?.schools ?? []) {
    if (!now.has(s.key)) schools.push({ key: s.key, name: s.name, status: '', rates: [...earlierRates(s.key), null], tasks: [] });
  }
  return { templateId, planTitle: rollup.planTitle, label, asOf: rollup.asOf, taskIds: rollup.tasks.map((t) => t.id), rounds, schools };
}
