/**
 * The 通报's 与上期相比 section: how the overall rate moved since the previous
 * round, how many tasks were newly done, newly overdue or went back from
 * 已完成, and which schools newly submitted or stopped. Empty without a previous round.
 */
import type { Block, BriefingInput } from './briefing-types.js';
import { chineseDate, nameList, percent, text } from './briefing-words.js';

function rateSentence(rate: number | undefined, current: number | undefined): string {
  if (rate === undefined || current === undefined) return '';
  const points = Math.round((current - rate) * 1000) / 10;
  const move = points === 0 ? '持平' : `${points > 0 ? '提高' : '下降'}${Math.abs(points)}个百分点`;
  return `总体完成率由${percent(rate)}${points === 0 ? '变为' : points > 0 ? '提高到' : '下降到'}${percent(current)}（${move}）；`;
}

export function sinceLast(input: BriefingInput): Block[] {
  const s = input.sinceLast;
  if (!s) return [];
  let sentence = `与上期（${s.label}，截至${chineseDate(s.asOf)}）相比，${rateSentence(s.rate, s.currentRate)}`;
  // Only the kinds that happened: a meeting has no use for 由已完成退回0项.
  const counts = ([['新完成任务', s.newlyDone], ['新出现逾期任务', s.newlyRed], ['由已完成退回', s.wentBack], ['更新完成情况', s.progressUpdated]] as const)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${what}${n}项`);
  sentence += counts.length > 0 ? counts.join('，') : '各项任务的状态和完成情况没有变化';
  if (s.wentBackSchools.length > 0) sentence += `（退回涉及${nameList(s.wentBackSchools)}，请核实）`;
  sentence += '。';
  if (s.newlySubmitted.length > 0) sentence += `本期新报送的有${nameList(s.newlySubmitted)}。`;
  if (s.newlyMissing.length > 0) sentence += `上期已报送、本期未报送的有${nameList(s.newlyMissing)}，请及时补报。`;
  return [{ kind: 'paragraph', runs: [text(sentence)] }];
}
