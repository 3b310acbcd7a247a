/**
 * The 通报 draft's figures, from a roll-up: each school's state, completion
 * and 序时进度, rank, 红/黄/绿 and its 红 tasks, who filled it in; the totals.
 * The draft's wording (core/report/briefing.ts) does not depend on how these were computed.
 */
import type { Plan } from '../core/model.js';
import type { BriefingInput } from '../core/report/briefing.js';
import type { Rollup } from '../core/rollup/types.js';
import type { RoundChanges } from '../core/summary/round-changes.js';

/** The changes since the previous round, counted for the draft. */
function sinceLast(changes: RoundChanges): NonNullable<BriefingInput['sinceLast']> {
  const count = (kind: RoundChanges['tasks'][number]['kind']) => changes.tasks.filter((t) => t.kind === kind).length;
  const { previous, current } = changes;
  return {
    label: previous.label,
    asOf: previous.asOf,
    ...(previous.rate !== null && current.rate !== null ? { rate: previous.rate, currentRate: current.rate } : {}),
    newlyDone: count('新完成'),
    newlyRed: count('新亮红灯'),
    wentBack: count('由已完成退回'),
    progressUpdated: count('完成情况有更新'),
    newlySubmitted: changes.newlySubmitted,
    newlyMissing: changes.newlyMissing,
    wentBackSchools: [...new Set(changes.tasks.filter((t) => t.kind === '由已完成退回').map((t) => t.school))],
  };
}

/** `changes`: against the previous round (`RolledUp.rounds.changes`), when one was given. */
export function briefingInput(rollup: Rollup, plan: Pick<Plan, 'header'>, changes?: RoundChanges): BriefingInput {
  const a = rollup.accounting;
  const schools = rollup.schools.map((s) => {
    const kept = s.files.find((f) => f.file === s.kept) ?? s.files[0];
    return {
      name: s.name,
      status: s.status,
      ...(s.rates ? { rate: s.rates.overall.rate } : {}),
      ...(s.pace && s.pace.overall.total > 0 ? { paceRate: s.pace.overall.rate } : {}),
      ...(s.rank !== undefined ? { rank: s.rank } : {}),
      red: s.lightCounts.红,
      yellow: s.lightCounts.黄,
      green: s.lightCounts.绿,
      redTasks: rollup.overdue.filter((o) => o.school === s.name).map((o) => ({ pillar: o.pillar, task: o.task, deadline: o.deadline })),
      ...(kept?.info.reporter ? { filler: kept.info.reporter } : {}),
      ...(kept?.info.phone ? { phone: kept.info.phone } : {}),
    };
  });
  return {
    planTitle: rollup.planTitle,
    asOf: rollup.asOf,
    ...(plan.header.issuer ? { issuer: plan.header.issuer } : {}),
    rosterGiven: a.rosterGiven,
    schools,
    totals: {
      listed: a.rosterGiven ? a.schoolsListed : a.schoolsSubmitted,
      submitted: a.rosterGiven ? a.schoolsListedSubmitted : a.schoolsSubmitted,
      missing: a.schoolsMissing,
      refused: a.schoolsUnreadable,
    },
    ...(changes ? { sinceLast: sinceLast(changes) } : {}),
  };
}
