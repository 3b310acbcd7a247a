/**
 * What the 图表 sheet charts, from the roll-up: each school's completion rate
 * (schools with a readable ledger), and 红/黄/绿/未填 per pillar over those schools.
 */
import type { Rollup } from '../rollup/types.js';
import type { ChartSheetInput } from './chart-sheet.js';

function shortTitle(title: string): string {
  const clause = title.split(/[，,；;：:]/)[0] ?? title;
  return clause.length > 14 ? `${clause.slice(0, 13)}…` : clause;
}

export function chartInput(rollup: Rollup): ChartSheetInput {
  const adopted = rollup.schools.filter((s) => s.rates !== undefined);
  // The title's first clause (as the ledger names its sheets): full titles squeeze the chart to a sliver.
  const pillars = rollup.pillars.map((p) => ({ title: `${p.numeral}、${shortTitle(p.title)}`, red: 0, yellow: 0, green: 0, unfilled: 0 }));
  const key = { 红: 'red', 黄: 'yellow', 绿: 'green', 未填: 'unfilled' } as const;
  for (const school of adopted) {
    school.lights.forEach((light, i) => {
      const pillar = pillars[rollup.tasks[i]!.pillarIndex];
      if (pillar) pillar[key[light]] += 1;
    });
  }
  return {
    schools: adopted.map((s) => ({ name: s.name, rate: s.rates!.overall.rate })),
    pillars,
    planTitle: rollup.planTitle,
    asOf: rollup.asOf,
  };
}
