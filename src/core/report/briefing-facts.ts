/**
 * The 通报's first sections, each a list of blocks built from the figures:
 * 基本情况, 完成较好的单位, 进度滞后的单位, 未按时报送的单位.
 */
import type { Block, BriefingInput, BriefingSchool, Run } from './briefing-types.js';
import { byRank, chineseDate, fill, nameList, paceOf, percent, rated, ranks, text } from './briefing-words.js';

/** At most this many 红 tasks are written out per school in the text; the rest are in 附件2. */
const TASKS_IN_TEXT = 5;
/** 完成较好的单位 are drawn from the best ranks up to this one. */
const GOOD_RANKS = 3;

const paragraph = (...runs: Run[]): Block => ({ kind: 'paragraph', runs });

export function namesWith(input: BriefingInput, status: BriefingSchool['status']): string[] {
  return input.schools.filter((s) => s.status === status).map((s) => s.name);
}

function average(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function submissionSentence(input: BriefingInput): string {
  const { listed, submitted, missing, refused } = input.totals;
  const basis = input.rosterGiven ? '（按学校名单）' : '（未提供学校名单，按收到报送的学校计）';
  let sentence = `截至${chineseDate(input.asOf)}，应报送学校${listed}所${basis}，已报送${submitted}所`;
  if (missing > 0) sentence += `，未报送${missing}所（${nameList(namesWith(input, '未报送'))}）`;
  if (refused > 0) {
    const refusedNames = [...namesWith(input, '无法读取'), ...namesWith(input, '非本模板')];
    sentence += `；另有${refused}个文件无法读取或未使用本模板${refusedNames.length > 0 ? `（${nameList(refusedNames)}）` : ''}`;
  }
  return `${sentence}${missing === 0 && refused === 0 ? '，全部按时报送' : ''}。`;
}

/** `序时进度最高的是甲、乙（100%），最低的是丙（40%）`, or one figure when all are equal. */
function extremesSentence(schools: BriefingSchool[]): string {
  const list = rated(schools);
  const rates = list.filter((s) => s.rate !== undefined).map((s) => s.rate!);
  const paces = list.map(paceOf);
  const parts: string[] = [];
  if (rates.length > 0) parts.push(`平均完成率${percent(average(rates))}`);
  parts.push(`平均序时进度${percent(average(paces))}`);
  const best = Math.max(...paces);
  const worst = Math.min(...paces);
  const at = (value: number) => nameList(list.filter((s) => paceOf(s) === value).map((s) => s.name));
  const extremes =
    best === worst
      ? `各校序时进度均为${percent(best)}`
      : `序时进度最高的是${at(best)}（${percent(best)}），最低的是${at(worst)}（${percent(worst)}）`;
  return `已报送学校${parts.join('，')}；${extremes}，各校排名见附件1。`;
}

function colourSentence(schools: BriefingSchool[]): string {
  const sum = (pick: (s: BriefingSchool) => number) => schools.reduce((n, s) => n + pick(s), 0);
  const red = sum((s) => s.red);
  const tail = red === 0 ? '，没有逾期未完成的任务' : '，逾期任务见附件2';
  return `按任务状态统计，红色（逾期未完成）任务${red}项，黄色（临近时限或进度滞后）任务${sum((s) => s.yellow)}项，绿色（已完成或按序推进）任务${sum((s) => s.green)}项${tail}。`;
}

export function basics(input: BriefingInput): Block[] {
  const blocks = [paragraph(text(submissionSentence(input)))];
  if (rated(input.schools).length > 0) blocks.push(paragraph(text(extremesSentence(input.schools))));
  blocks.push(paragraph(text(colourSentence(input.schools))));
  return blocks;
}

export function goodSchools(input: BriefingInput): Block[] {
  const rank = ranks(input.schools);
  // Praise only what stands out: a top rank, no 红, and at least the average 序时进度.
  const mean = average(rated(input.schools).map(paceOf));
  const good = byRank(input.schools).filter((s) => rank.get(s)! <= GOOD_RANKS && s.red === 0 && paceOf(s) >= mean);
  if (good.length === 0) {
    return [paragraph(text('本次没有排名靠前且无逾期任务的单位。'), fill('如有值得肯定的单位和做法，在此补充'))];
  }
  const figures = good.map((s) => percent(paceOf(s)));
  const sentence =
    good.length === 1
      ? `${good[0]!.name}序时进度${figures[0]}，无逾期任务，工作推进扎实有序，予以通报表扬。`
      : `${nameList(good.map((s) => s.name))}序时进度分别为${nameList(figures)}，均无逾期任务，工作推进扎实有序，予以通报表扬。`;
  return [paragraph(text(sentence), fill('完成较好单位的典型做法和经验'))];
}

function taskList(school: BriefingSchool): string {
  const shown = school.redTasks.slice(0, TASKS_IN_TEXT).map((t) => `“${t.pillar}”中的“${t.task}”（时限：${t.deadline}）`);
  const more = school.redTasks.length > TASKS_IN_TEXT ? `等，共${school.redTasks.length}项，详见附件2` : '';
  return `${shown.join('；')}${more}`;
}

export function behindSchools(input: BriefingInput): Block[] {
  const rank = ranks(input.schools);
  const behind = input.schools
    .filter((s) => s.red > 0)
    .sort((a, b) => b.red - a.red || (rank.get(b) ?? 0) - (rank.get(a) ?? 0));
  if (behind.length === 0) return [paragraph(text('各校均无逾期未完成的任务。'))];
  const blocks = [paragraph(text(`${nameList(behind.map((s) => s.name))}共${behind.length}所学校有逾期未完成的任务，具体如下：`))];
  behind.forEach((s, i) => {
    const figures = [
      (s.paceRate ?? s.rate) !== undefined ? `序时进度${percent(paceOf(s))}` : undefined,
      rank.has(s) ? `排名第${rank.get(s)}位` : undefined,
      `逾期任务${s.red}项`,
    ].filter(Boolean);
    const tasks = s.redTasks.length > 0 ? `：${taskList(s)}` : '';
    blocks.push(paragraph(text(`${i + 1}. ${s.name}：${figures.join('，')}${tasks}。`)));
  });
  return blocks;
}

/** Empty when every school submitted a readable file of the template: the section is then left out. */
export function notSubmitted(input: BriefingInput): Block[] {
  const blocks: Block[] = [];
  const missing = namesWith(input, '未报送');
  const unreadable = namesWith(input, '无法读取');
  const foreign = namesWith(input, '非本模板');
  if (missing.length > 0) blocks.push(paragraph(text(`${nameList(missing)}未按时报送台账。`)));
  if (unreadable.length > 0) blocks.push(paragraph(text(`${nameList(unreadable)}报送的文件无法读取，视同未报送。`)));
  if (foreign.length > 0) blocks.push(paragraph(text(`${nameList(foreign)}报送的文件未使用本次下发的台账模板，视同未报送。`)));
  return blocks;
}
