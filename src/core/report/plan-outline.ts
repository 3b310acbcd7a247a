/**
 * The outline of a plan as taizhang understood it: pillars, groups, tasks
 * with their numbers and lines, prefilled 责任单位/责任人/完成时限, which level
 * carries the tasks. `taizhang parse` prints it; the page shows the same lines
 * before a ledger is made, so the clerk sees at once whether the plan was read right.
 */
import type { Group, Pillar, Plan, PlanReading, TaskNotes } from '../model.js';
import { taskCount } from '../plan/count.js';

/** How the clerk changes the reading where they are: a CLI option, or the page's choice. */
export type OutlineFor = 'cli' | 'page';

type Level = 2 | 3 | 4;
const SAMPLE: Record<Level, string> = { 2: '（一）', 3: '1.', 4: '（1）' };
const CHINESE = '零一二三四五六七八九';

function chinese(no: number): string {
  if (no <= 0 || no >= 100) return String(no);
  const tens = Math.floor(no / 10);
  return (tens === 0 ? '' : tens === 1 ? '十' : `${CHINESE[tens]}十`) + (no % 10 === 0 ? '' : CHINESE[no % 10]);
}

/** `（三）`, `3.` or `（3）`, as the level writes it. */
function numbered(level: Level, no: number): string {
  return level === 2 ? `（${chinese(no)}）` : level === 3 ? `${no}. ` : `（${no}）`;
}

function short(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Which level carries the tasks, and the other levels the clerk could choose instead. */
function levelLine(reading: PlanReading | undefined, where: OutlineFor): string | undefined {
  const level = reading?.taskLevel;
  if (!level) return undefined;
  const levels = reading.levels ?? [];
  if (reading.taskLevelGiven) return `任务取自第 ${level} 级编号“${SAMPLE[level]}”（${where === 'cli' ? '按 --task-level 指定' : '按所选'}）。`;
  if (levels.length < 2) return undefined;
  const all = levels.map((l) => `第 ${l} 级“${SAMPLE[l]}”`).join('、');
  const change = where === 'cli' ? `请用 --task-level ${levels.join('|')} 改选` : '请在“任务在哪一级”中改选';
  return `任务取自第 ${level} 级编号“${SAMPLE[level]}”（正文有${all}；如不对，${change}）。`;
}

function columnsLine(reading: PlanReading | undefined): string | undefined {
  const columns = reading?.columns;
  if (!columns || columns.length === 0) return undefined;
  return `按表格读取：${columns.map((c) => `${c.role}＝第 ${c.column} 列“${c.header}”`).join('，')}。`;
}

function notesLine(notes: TaskNotes | undefined): string | undefined {
  if (!notes) return undefined;
  const parts = [
    notes.units.length > 0 && `责任单位：${notes.units.join('、')}`,
    notes.cooperatingUnits.length > 0 && `配合单位：${notes.cooperatingUnits.join('、')}`,
    notes.owners && notes.owners.length > 0 && `责任人：${notes.owners.join('、')}`,
    notes.deadline && `完成时限：${notes.deadline}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('；') : undefined;
}

/** The heading levels above the tasks: groups without a parent are the first, groups with one the second. */
function groupLevel(group: Group, reading: PlanReading | undefined): Level {
  const task = reading?.taskLevel ?? 3;
  const headings = (reading?.levels ?? [2]).filter((l) => l < task);
  return (group.parent === undefined ? headings[0] : headings[1]) ?? 2;
}

function pillarLines(pillar: Pillar, reading: PlanReading | undefined): string[] {
  const lines = [`${pillar.numeral}、${pillar.title}（第 ${pillar.line} 行，${pillar.tasks.length} 项任务）`];
  if (pillar.description) lines.push(`  说明：${short(pillar.description)}`);
  const taskLevel = (reading?.taskLevel ?? 3) as Level;
  let shown = -1;
  for (const task of pillar.tasks) {
    const chain: number[] = [];
    for (let g = task.group; g !== undefined && g > shown; g = pillar.groups[g]?.parent) chain.unshift(g);
    for (const g of chain) {
      const group = pillar.groups[g]!;
      const depth = group.parent === undefined ? 1 : 2;
      lines.push(`${'  '.repeat(depth)}${numbered(groupLevel(group, reading), group.no)}${group.title}`);
    }
    if (task.group !== undefined) shown = task.group;
    const depth = task.group === undefined ? 1 : pillar.groups[task.group]?.parent === undefined ? 2 : 3;
    const indent = '  '.repeat(depth);
    lines.push(`${indent}${numbered(taskLevel, task.no)}${task.title}（第 ${task.line} 行，编号 ${task.id}）`);
    const notes = notesLine(task.notes);
    if (notes) lines.push(`${indent}   ${notes}`);
  }
  return lines;
}

export function formatOutline(plan: Plan, reading?: PlanReading, where: OutlineFor = 'cli'): string {
  return outlineLines(plan, reading, where).join('\n') + '\n';
}

/** The outline, one line each (indented with two spaces per level). */
export function outlineLines(plan: Plan, reading?: PlanReading, where: OutlineFor = 'cli'): string[] {
  const lines: string[] = [];
  lines.push(`${plan.title}（${plan.year} 年）`);
  const { docNumber, issueDate, issuer } = plan.header;
  const facts = [issuer && `发文机关：${issuer}`, docNumber && `文号：${docNumber}`, issueDate && `发文日期：${issueDate}`];
  if (facts.some(Boolean)) lines.push(facts.filter(Boolean).join('　'));
  lines.push(`共 ${plan.pillars.length} 个大项，${taskCount(plan)} 项任务。`);
  for (const line of [levelLine(reading, where), columnsLine(reading)]) if (line) lines.push(line);
  lines.push('');
  for (const pillar of plan.pillars) for (const line of pillarLines(pillar, reading)) lines.push(line);
  return lines;
}
