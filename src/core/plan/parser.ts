/**
 * Reads the text of a 工作要点 into a `Plan`: header (发文机关, 文号, 成文日期,
 * 通知标题, 附件标题), title, year, preamble, and pillars → optional groups →
 * tasks. Every problem found is returned as an `Issue`; no text input throws.
 *
 * The work is split by part of the document:
 * - plan-header: lines before the first pillar, read line by line;
 * - plan-markers: which paragraph starts a pillar, group or task;
 * - plan-structure: page-break healing and the pillar/group/task tree;
 * - plan-numbering, plan-notes, plan-tidy: numbering checks, inline
 *   责任/时限 notes, display tidying.
 */
import { appendAll } from '../arrays.js';
import { issue } from '../issues.js';
import type { Issue, ParseResult, Plan } from '../model.js';
import { type SourceLine, mostMentionedYear, readHeader, yearInTitle } from './header.js';
import { chooseTaskLevel, markerOf, rawMarkerOf } from './markers.js';
import { buildPillars, healParagraphs } from './structure.js';
import { tidyText } from './tidy.js';
import { splitTrailer } from './trailer.js';

export interface ParseOptions {
  /** Year used when neither title, date nor text names one; defaults to the current year. */
  fallbackYear?: number;
}

/** Control characters (not tab or line breaks) that binary junk or bad converters leave behind. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function sourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const trimmed = raw.replace(CONTROL, '').trim();
    if (trimmed) lines.push({ text: trimmed, line: index + 1 });
  });
  return lines;
}

/** A short quote of a line for messages. */
function excerpt(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

export function parsePlan(text: string, options: ParseOptions = {}): ParseResult {
  const input = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : '';
  const fallbackYear = options.fallbackYear ?? new Date().getFullYear();
  const lines = sourceLines(input);
  if (!lines.some((l) => /[^\s\uFFFD]/.test(l.text))) {
    const plan: Plan = { title: '', year: fallbackYear, header: {}, pillars: [] };
    return { plan, issues: [issue('PLAN_EMPTY', 'error', {})] };
  }

  const issues: Issue[] = [];
  const firstPillar = lines.findIndex((l) => rawMarkerOf(l.text)?.kind === 'pillar');
  const headerLines = firstPillar < 0 ? lines : lines.slice(0, firstPillar);
  const { body: bodyLines, trailer } = splitTrailer(firstPillar < 0 ? [] : lines.slice(firstPillar));
  if (trailer.length > 0) {
    const first = trailer[0]!;
    issues.push(issue('PLAN_TRAILER_IGNORED', 'info', { line: first.line }, { count: trailer.length, text: excerpt(first.text) }));
  }
  const { header, title, preambleStart } = readHeader(headerLines);
  const level = chooseTaskLevel(bodyLines.map((l) => l.text));

  const preamble: string[] = [];
  for (const { text: lineText, line } of headerLines.slice(preambleStart)) {
    if (firstPillar >= 0 && markerOf(lineText, level)?.kind === 'task') {
      issues.push(issue('PLAN_TASK_BEFORE_PILLAR', 'warning', { line }, { text: excerpt(lineText) }));
    } else {
      // Before the first pillar paragraphs stay as they are, one per line.
      preamble.push(tidyText(lineText));
    }
  }

  const { pillars, issues: structureIssues } = buildPillars(healParagraphs(bodyLines, level));
  appendAll(issues, structureIssues);
  const taskCount = pillars.reduce((sum, p) => sum + p.tasks.length, 0);
  if (pillars.length === 0) issues.push(issue('PLAN_NO_PILLARS', 'error', {}));
  else if (taskCount === 0) issues.push(issue('PLAN_NO_TASKS', 'error', { line: pillars[0]?.line }));
  else {
    for (const pillar of pillars) {
      if (pillar.tasks.length === 0) issues.push(issue('PLAN_PILLAR_EMPTY', 'warning', { line: pillar.line }, { title: pillar.title }));
    }
  }

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
  return { plan, issues };
}
