/**
 * The pillar/group/task tree of a plan body, from its healed paragraphs
 * (paragraphs.ts), with numbering checks. Headings between the pillars and
 * the task level are groups; in a four-level plan a `1.` heading is a group
 * whose `parent` is the `（一）` heading above it.
 */
import { appendAll } from '../arrays.js';
import { issue } from '../issues.js';
import type { Group, Issue, Pillar, Task, TaskNotes } from '../model.js';
import { baseTaskId, UniqueIds } from './ids.js';
import { readParagraph } from './headings.js';
import type { TaskLevel } from './markers.js';
import { noteInsideText } from './note-lines.js';
import { TaskNumbering } from './numbering.js';
import { toChineseNumeral } from './numerals.js';
import type { Paragraph } from './paragraphs.js';

/** Per pillar: the open heading at each group level, and the notes a heading gives the tasks under it. */
interface OpenHeading {
  level: TaskLevel;
  index: number;
  notes?: TaskNotes;
}

export function buildPillars(paragraphs: readonly Paragraph[]): { pillars: Pillar[]; issues: Issue[] } {
  const pillars: Pillar[] = [];
  const issues: Issue[] = [];
  const seenPillars = new Set<number>();
  const ids = new UniqueIds();
  const numbering = new TaskNumbering();
  let lastPillar = 0;
  let lastTopGroup = 0;
  let open: OpenHeading[] = [];
  let pillarNotes: TaskNotes | undefined;

  for (const paragraph of paragraphs) {
    const { marker, line } = paragraph;
    // The pillar a flat list is put under is named after the document, not read from it.
    const read = paragraph.implicit ? { title: paragraph.first, text: '' } : readParagraph(paragraph.first, paragraph.more, paragraph.notes);
    if (marker.kind === 'pillar') {
      if (seenPillars.has(marker.no)) issues.push(issue('PLAN_PILLAR_DUPLICATE', 'warning', { line }, { found: marker.numeral }));
      else if (marker.no !== lastPillar + 1) {
        issues.push(issue('PLAN_PILLAR_GAP', 'warning', { line }, { expected: toChineseNumeral(lastPillar + 1), found: marker.numeral }));
      }
      seenPillars.add(marker.no);
      lastPillar = marker.no;
      lastTopGroup = 0;
      open = [];
      pillarNotes = 'notes' in read ? read.notes : undefined;
      numbering.startScope('pillar');
      const description = read.text ? { description: read.text } : {};
      pillars.push({ no: marker.no, numeral: marker.numeral, title: read.title, line, ...description, groups: [], tasks: [] });
      continue;
    }
    const pillar = pillars[pillars.length - 1];
    if (!pillar) continue; // cannot happen: the body starts at a pillar
    if (marker.kind === 'group') {
      open = open.filter((h) => h.level < marker.level);
      const parent = open[open.length - 1];
      // Only （一） headings are checked for gaps: `1.` headings number on through the plan as often as not.
      if (!parent && marker.level === 2) {
        if (marker.no !== lastTopGroup + 1) {
          issues.push(issue('PLAN_GROUP_GAP', 'warning', { line }, { expected: toChineseNumeral(lastTopGroup + 1), found: marker.numeral }));
        }
        lastTopGroup = marker.no;
      }
      const entry: Group = {
        no: marker.no,
        title: read.title,
        line,
        ...(read.text ? { description: read.text } : {}),
        ...(parent ? { parent: parent.index } : {}),
      };
      open.push({ level: marker.level, index: pillar.groups.push(entry) - 1, ...(read.notes ? { notes: read.notes } : {}) });
      numbering.startScope('group');
      continue;
    }
    appendAll(issues, numbering.check(marker.no, line));
    const heading = open[open.length - 1];
    // A note on a heading applies to the tasks under it that have none of their own.
    const inherited = [...open].reverse().find((h) => h.notes)?.notes ?? pillarNotes;
    const id = ids.claim(baseTaskId(pillar, heading?.index, marker.no));
    const notes = read.notes ?? inherited;
    const task: Task = {
      id,
      no: marker.no,
      title: read.title,
      body: read.text,
      source: paragraph.text,
      line,
      ...(heading === undefined ? {} : { group: heading.index }),
      ...(notes ? { notes } : {}),
    };
    if (!task.title && !task.body) issues.push(issue('PLAN_TASK_EMPTY', 'warning', { line, taskId: id }, { found: marker.no }));
    const stray = noteInsideText(task.title + task.body);
    if (stray) issues.push(issue('PLAN_NOTE_IN_TEXT', 'warning', { line, taskId: id }, { task: task.title.slice(0, 20), text: stray }));
    pillar.tasks.push(task);
  }
  return { pillars, issues };
}
