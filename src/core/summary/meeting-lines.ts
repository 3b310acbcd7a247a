/**
 * The sentence a bureau head reads first on the printed summary: who has not
 * submitted, whose file could not be used, who is behind. Text, not colour,
 * so it reads the same in black and white.
 */
import type { Rollup, SchoolRollup } from '../rollup/types.js';

export const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

const names = (schools: readonly SchoolRollup[]): string => schools.map((s) => s.name).join('、');

/** 序时进度 as shown: 无到期 when nothing was due yet. */
export function paceText(school: SchoolRollup): string {
  if (!school.pace) return '';
  return school.pace.overall.total === 0 ? '无到期' : percent(school.pace.overall.rate);
}

export function gapsLine(rollup: Rollup): string {
  const parts: string[] = [];
  const by = (status: SchoolRollup['status']) => rollup.schools.filter((s) => s.status === status);
  for (const status of ['未报送', '无法读取', '非本模板'] as const) {
    const found = by(status);
    if (found.length > 0) parts.push(`${status} ${found.length} 所（${names(found)}）`);
  }
  const lagging = rollup.schools.filter((s) => s.lagging).sort((a, b) => b.rank! - a.rank!);
  if (lagging.length > 0) parts.push(`进度靠后：${lagging.map((s) => `${s.name}（第 ${s.rank} 名，序时进度 ${paceText(s)}）`).join('、')}`);
  const red = rollup.lightCounts.红;
  if (red > 0) parts.push(`逾期任务 ${red} 项（见“逾期清单”）`);
  return parts.length === 0 ? '各校均已报送，无逾期任务。' : parts.join('；') + '。';
}
