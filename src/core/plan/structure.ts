/**
 * The pillar/group/task body of a plan: from the first pillar to the end.
 * Paragraphs are healed first (text extracted from PDFs breaks paragraphs at
 * page ends), then read into pillars, groups and tasks, with numbering checks.
 */
import { appendAll } from '../arrays.js';
import { issue } from '../issues.js';
import type { Group, Issue, Pillar, Task } from '../model.js';
import type { SourceLine } from './header.js';
import { type Marker, type TaskLevel, markerOf } from './markers.js';
import { splitTrailingNote } from './notes.js';
import { TaskNumbering } from './numbering.js';
import { toChineseNumeral } from './numerals.js';
import { tidyText } from './tidy.js';

export interface Paragraph {
  /** Trimmed lines joined without a space: the healed source. */
  text: string;
  /** The text after the heading marker, continuation lines included. */
  rest: string;
  line: number;
  marker: Marker;
}

/**
 * A non-empty line that does not start with a heading marker continues the
 * previous paragraph (a page break, or a sub-point such as `（1）`), joined
 * without a space. The first line is a pillar, so there is always one to join.
 */
export function healParagraphs(lines: readonly SourceLine[], level: TaskLevel): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const { text, line } of lines) {
    const marker = markerOf(text, level);
    const previous = paragraphs[paragraphs.length - 1];
    if (marker) paragraphs.push({ text, rest: marker.rest, line, marker });
    else if (previous) {
      previous.text += text;
      previous.rest += text;
    }
  }
  return paragraphs;
}

/** The text up to the first 。, without it: headings and task titles read as headings. */
function firstSentence(text: string): { head: string; rest: string } {
  const stop = text.indexOf('。');
  return stop < 0 ? { head: text, rest: '' } : { head: text.slice(0, stop), rest: text.slice(stop + 1) };
}

export function buildPillars(paragraphs: readonly Paragraph[]): { pillars: Pillar[]; issues: Issue[] } {
  const pillars: Pillar[] = [];
  const issues: Issue[] = [];
  const seenPillars = new Set<number>();
  const ids = new UniqueIds();
  const numbering = new TaskNumbering();
  let lastPillar = 0;
  let lastGroup = 0;
  let group: number | undefined;

  for (const paragraph of paragraphs) {
    const { marker, line, rest } = paragraph;
    if (marker.kind === 'pillar') {
      if (seenPillars.has(marker.no)) issues.push(issue('PLAN_PILLAR_DUPLICATE', 'warning', { line }, { found: marker.numeral }));
      else if (marker.no !== lastPillar + 1) {
        issues.push(issue('PLAN_PILLAR_GAP', 'warning', { line }, { expected: toChineseNumeral(lastPillar + 1), found: marker.numeral }));
      }
      seenPillars.add(marker.no);
      lastPillar = marker.no;
      lastGroup = 0;
      group = undefined;
      numbering.startScope('pillar');
      const title = tidyText(firstSentence(rest).head);
      pillars.push({ no: marker.no, numeral: marker.numeral, title, line, groups: [], tasks: [] });
      continue;
    }
    const pillar = pillars[pillars.length - 1];
    if (!pillar) continue; // cannot happen: the section starts at a pillar
    if (marker.kind === 'group') {
      if (marker.no !== lastGroup + 1) {
        issues.push(issue('PLAN_GROUP_GAP', 'warning', { line }, { expected: toChineseNumeral(lastGroup + 1), found: marker.numeral }));
      }
      lastGroup = marker.no;
      const entry: Group = { no: marker.no, title: tidyText(firstSentence(rest).head), line };
      group = pillar.groups.push(entry) - 1;
      numbering.startScope('group');
      continue;
    }
    appendAll(issues, numbering.check(marker.no, line));
    const task = buildTask(pillar, group, marker.no, rest, paragraph.text, line, ids);
    if (!task.title && !task.body) issues.push(issue('PLAN_TASK_EMPTY', 'warning', { line, taskId: task.id }, { found: marker.no }));
    pillar.tasks.push(task);
  }
  return { pillars, issues };
}

/** `P1T2`, then `P1T2-2`, `P1T2-3` for repeats; remembers the next suffix so repeats cost nothing. */
class UniqueIds {
  private readonly used = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();

  claim(base: string): string {
    let n = this.nextSuffix.get(base) ?? 1;
    let id = n === 1 ? base : `${base}-${n}`;
    while (this.used.has(id)) id = `${base}-${++n}`;
    this.used.add(id);
    this.nextSuffix.set(base, n + 1);
    return id;
  }
}

function buildTask(
  pillar: Pillar,
  group: number | undefined,
  no: number,
  rest: string,
  source: string,
  line: number,
  ids: UniqueIds,
): Task {
  const groupNo = group === undefined ? undefined : pillar.groups[group]?.no;
  const baseId = `P${pillar.no}${groupNo === undefined ? '' : `G${groupNo}`}T${no}`;
  const id = ids.claim(baseId);
  const { text, notes } = splitTrailingNote(rest.trim());
  const { head, rest: body } = firstSentence(text);
  return {
    id,
    no,
    title: tidyText(head),
    body: tidyText(body),
    source,
    line,
    ...(group === undefined ? {} : { group }),
    ...(notes ? { notes } : {}),
  };
}
