/**
 * Reads the text of a 工作要点 into a `Plan`: header (发文机关, 文号, 成文日期,
 * 通知标题, 附件标题), title, year, preamble, and pillars → optional groups →
 * tasks. Every problem found is returned as an `Issue`; no text input throws.
 *
 * The work is split by part of the document:
 * - layout: run-on lines split, contents taken out, header / body / trailer;
 * - header, header-parts: lines before the first pillar, read line by line;
 * - task-level, markers: which numbered level carries the tasks;
 * - paragraphs, headings, structure: page-break healing, titles and
 *   descriptions, the pillar/group/task tree;
 * - numbering, notes, note-lines, tidy: numbering checks, 责任/时限 notes,
 *   display tidying; diagnose: what was seen, when nothing could be read.
 */
import { issue } from '../issues.js';
import type { Issue, ParseResult, Plan, PlanReading } from '../model.js';
import { describeSeen, noStructureIssue, noTasksIssue, unreadStylesIssue } from './diagnose.js';
import { mostMentionedYear, readHeader, yearInTitle } from './header.js';
import { excerpt, layOut } from './layout.js';
import { LEVEL_SAMPLE, type TaskLevel, markerOf } from './markers.js';
import { healParagraphs } from './paragraphs.js';
import { buildPillars } from './structure.js';
import { chooseTaskLevel } from './task-level.js';
import { tidyText } from './tidy.js';

export interface ParseOptions {
  /** Year used when neither title, date nor text names one; defaults to the current year. */
  fallbackYear?: number;
  /** The numbered level that carries the tasks, when the user chose it: 2 `（一）`, 3 `1.`, 4 `（1）`. */
  taskLevel?: TaskLevel;
}

/** The name of the one pillar a flat list goes under. */
const FLAT_PILLAR_TITLE = '工作任务';

export function parsePlan(text: string, options: ParseOptions = {}): ParseResult {
  const input = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : '';
  const fallbackYear = options.fallbackYear ?? new Date().getFullYear();
  const layout = layOut(input);
  if (!layout.lines.some((l) => /[^\s\uFFFD]/.test(l.text))) {
    const plan: Plan = { title: '', year: fallbackYear, header: {}, pillars: [] };
    return { plan, issues: [issue('PLAN_EMPTY', 'error', {})] };
  }

  let issues: Issue[] = layout.issues;
  const { header, title, preambleStart } = readHeader(layout.header);
  const choice = chooseTaskLevel(layout.body.map((l) => l.text), options.taskLevel);

  const preamble: string[] = [];
  for (const { text: lineText, line } of layout.header.slice(preambleStart)) {
    if (!layout.flat && markerOf(lineText, choice.level)?.kind === 'task') {
      issues.push(issue('PLAN_TASK_BEFORE_PILLAR', 'warning', { line }, { text: excerpt(lineText) }));
    } else {
      // Before the first pillar paragraphs stay as they are, one per line.
      preamble.push(tidyText(lineText));
    }
  }

  const flatTitle = title || FLAT_PILLAR_TITLE;
  const implicit = layout.flat ? { kind: 'pillar' as const, no: 1, numeral: '一', rest: flatTitle } : undefined;
  const built = buildPillars(healParagraphs(layout.body, choice.level, implicit));
  issues = issues.concat(built.issues);
  const pillars = built.pillars;
  const taskCount = pillars.reduce((sum, p) => sum + p.tasks.length, 0);
  const seen = describeSeen(layout.lines);
  if (layout.body.length === 0) issues.push(noStructureIssue(seen));
  else if (taskCount === 0) {
    issues.push(choice.given && !choice.present.includes(choice.level) ? levelMissing(choice) : noTasksIssue(seen, pillars[0]?.line));
  } else {
    if (layout.flat) issues.push(issue('PLAN_FLAT_LIST', 'info', { line: pillars[0]?.line }, { title: flatTitle, count: taskCount }));
    for (const pillar of pillars) {
      if (pillar.tasks.length > 0) continue;
      if (pillar.description && pillar.groups.length === 0) {
        issues.push(issue('PLAN_PILLAR_PROSE', 'info', { line: pillar.line }, { title: pillar.title }));
      } else issues.push(issue('PLAN_PILLAR_EMPTY', 'warning', { line: pillar.line }, { title: pillar.title }));
    }
  }
  const unread = unreadStylesIssue(seen);
  if (unread) issues.push(unread);

  let year = yearInTitle(title) ?? (header.issueDate ? Number(header.issueDate.slice(0, 4)) : undefined);
  if (year === undefined) {
    year = mostMentionedYear(input) ?? fallbackYear;
    issues.push(issue('PLAN_YEAR_GUESSED', 'warning', {}, { year }));
  }

  issues.sort((a, b) => (a.where.line ?? 0) - (b.where.line ?? 0));
  const plan: Plan = {
    title,
    year,
    header,
    ...(preamble.length > 0 ? { preamble: preamble.join('\n') } : {}),
    pillars,
  };
  const reading: PlanReading = { taskLevel: choice.level, levels: choice.present, taskLevelGiven: choice.given };
  return { plan, issues, reading };
}

function levelMissing(choice: { level: TaskLevel; present: TaskLevel[] }): Issue {
  const found = choice.present.map((l) => `第 ${l} 级“${LEVEL_SAMPLE[l]}”`).join('、') || '没有编号段落';
  return issue('PLAN_TASK_LEVEL_ABSENT', 'error', {}, { level: choice.level, sample: LEVEL_SAMPLE[choice.level], found });
}
