/**
 * This round's record (round-data.ts) from the roll-up, carrying forward the
 * previous summary's rounds: each school's rate per round, matched by its
 * normalised name; a school seen before but not now keeps its earlier rates.
 */
import { TaizhangError } from '../issues.js';
import { detailRowsOf } from '../rollup/detail-rows.js';
import type { Rollup } from '../rollup/types.js';
import { packTasks, textHash, type RoundSchool, type SummaryData } from './round-data.js';

/**
 * Each school's 完成情况 per task, keyed `school\u0000taskId`: the adopted rows' texts (task row, then rows
 * inserted under it). `wanted`: only these keys, so a province's texts are never all held at once.
 */
export function progressTexts(rollup: Rollup, wanted?: ReadonlySet<string>): Map<string, string> {
  const texts = new Map<string, string>();
  for (const d of detailRowsOf(rollup).rows()) {
    if (!d.adopted || !d.taskId || d.progress === '') continue;
    const key = `${d.school}\u0000${d.taskId}`;
    if (wanted && !wanted.has(key)) continue;
    const before = texts.get(key);
    texts.set(key, before === undefined ? d.progress : `${before}\n${d.progress}`);
  }
  return texts;
}

/**
 * The hash of each school's 完成情况, by school name, one per task in plan order ('' for none). The rows
 * come school by school (the roll-up writes them so), so only one school's texts are held at a time, and
 * a province keeps one small array per school, not a map entry per school and task.
 */
function progressHashes(rollup: Rollup): Map<string, string[]> {
  const taskAt = new Map(rollup.tasks.map((t, i) => [t.id, i]));
  const hashes = new Map<string, string[]>();
  let school: string | undefined;
  let texts: (string | undefined)[] = [];
  const flush = () => {
    if (school !== undefined) hashes.set(school, Array.from(texts, (text) => (text === undefined ? '' : textHash(text))));
    texts = [];
  };
  for (const d of detailRowsOf(rollup).rows()) {
    if (!d.adopted || !d.taskId || d.progress === '') continue;
    const at = taskAt.get(d.taskId);
    if (at === undefined) continue;
    if (d.school !== school) {
      flush();
      school = d.school;
      if (hashes.has(school)) throw new TaizhangError('FAULT_INTERNAL', { detail: `round-history: the rows of ${school} are not together` });
    }
    const before = texts[at];
    texts[at] = before === undefined ? d.progress : `${before}\n${d.progress}`;
  }
  flush();
  return hashes;
}

export function roundRecord(rollup: Rollup, templateId: string, label: string, previous?: SummaryData): SummaryData {
  const earlier = previous?.rounds ?? [];
  const rounds = [...earlier, { label, asOf: rollup.asOf, rate: rollup.overall.overall.total > 0 ? rollup.overall.overall.rate : null }];
  const hashes = progressHashes(rollup);
  const before = new Map((previous?.schools ?? []).map((s) => [s.key, s]));
  // Earlier rates line up with the earlier rounds, padded for a school first seen after round 1.
  const earlierRates = (key: string): (number | null)[] => {
    const rates = before.get(key)?.rates ?? [];
    return earlier.map((_, i) => rates[i] ?? null);
  };
  const schools: RoundSchool[] = rollup.schools.map((s) => {
    const progress = hashes.get(s.name);
    const tasks = packTasks(s.states.map((state, i) => ({ state, light: s.lights[i] ?? '未填', progress: progress?.[i] ?? '' })));
    const rate = s.rates && s.rates.overall.total > 0 ? s.rates.overall.rate : null;
    return { key: s.key, name: s.name, status: s.status, rates: [...earlierRates(s.key), rate], tasks };
  });
  const now = new Set(rollup.schools.map((s) => s.key));
  for (const s of previous?.schools ?? []) {
    if (!now.has(s.key)) schools.push({ key: s.key, name: s.name, status: '', rates: [...earlierRates(s.key), null], tasks: '' });
  }
  return { templateId, planTitle: rollup.planTitle, label, asOf: rollup.asOf, taskIds: rollup.tasks.map((t) => t.id), rounds, schools };
}
