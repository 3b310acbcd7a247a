/**
 * The rows of a task table under its header, read into pillars and tasks.
 * The pillar of a row comes from, in this order: a 类别 column; a column down
 * the left merged over its tasks (no header, or one we do not know); a row of
 * its own between the tasks (one text across the row: `一、党的建设`).
 * A 工作任务 merged over several rows with a different 工作内容 in each is a
 * group: each row is a task. Rows without task text (备注, 合计, 填表说明)
 * are left out and reported.
 */
import { issue } from '../../issues.js';
import type { Group, Issue, Pillar, Task } from '../../model.js';
import { baseTaskId, type UniqueIds } from '../ids.js';
import { rawMarkerOf } from '../markers.js';
import { splitTaskNotes, mergeNotes } from '../note-lines.js';
import { chineseNumeralValue, toAsciiDigits, toChineseNumeral } from '../numerals.js';
import { tidyText } from '../tidy.js';
import { notesFromCells } from './cell-notes.js';
import type { ColumnMap } from './columns.js';
import type { Grid } from './grid.js';

export type PillarSource = 'column' | 'merged' | 'rows' | 'none';

export interface TableRows {
  pillars: Pillar[];
  issues: Issue[];
  pillarSource: PillarSource;
  pillarColumn?: number;
}

const NOT_A_TASK = /^(备注|说明|注[:：]|注\d|合计|小计|总计|填表说明|填报说明|填报人|审核人|联系人|联系电话)/;

/** A column down the left, left of the task, that is merged over several data rows and is not a known column. */
function mergedLeftColumn(grid: Grid, map: ColumnMap): number | undefined {
  const taskCol = map.roles.task ?? map.roles.content ?? 0;
  const known = new Set(Object.entries(map.roles).filter(([role]) => role !== 'seq').map(([, col]) => col));
  for (let c = 0; c < taskCol; c++) {
    if (known.has(c)) continue;
    for (let r = map.dataStart; r < grid.rows; r++) {
      const merge = grid.merge(r, c);
      if (merge && merge.bottom > merge.top && merge.left === c && grid.cell(r, c)) return c;
    }
  }
  return undefined;
}

function firstSentence(text: string): { head: string; rest: string } {
  const stop = text.search(/[。\n]/);
  return stop < 0 ? { head: text, rest: '' } : { head: text.slice(0, stop), rest: text.slice(stop + 1) };
}

/** `1`, `1.`, `（1）`, `一` → the number; undefined when the cell holds none. */
function seqValue(text: string): number | undefined {
  const t = toAsciiDigits(text.trim()).replace(/^[（(]|[）).．、]$/g, '').replace(/[）)]$/, '');
  if (/^\d{1,4}$/.test(t)) return Number(t);
  return chineseNumeralValue(t);
}

/** A row inside a task merged down whose content is merged (or repeated) too: the same task again, not a new one. */
function continuesAbove(grid: Grid, row: number, map: ColumnMap): boolean {
  const taskCol = map.roles.task ?? map.roles.content!;
  const merge = grid.merge(row, taskCol);
  if (!merge || merge.top >= row) return false;
  const content = map.roles.content;
  if (content === undefined || content === taskCol) return true;
  return grid.merge(row, content)?.top === merge.top || grid.cell(row, content) === grid.cell(row - 1, content);
}

const CHINESE_SEQ = /^([一二三四五六七八九十]{1,3})[、.．]?$/;

/** A row that only carries a heading: one text across it, in no task or content cell of its own. */
function headingRow(grid: Grid, row: number, map: ColumnMap, pillarCol: number | undefined): string | undefined {
  const all = grid.distinctTexts(row);
  const taskCol = map.roles.task ?? map.roles.content!;
  const across = grid.merge(row, taskCol);
  // One text merged across the row, the 类别 cell included.
  if (all.length === 1 && across && across.right > across.left) return all[0];
  const texts = all.filter((t) => pillarCol === undefined || t !== grid.cell(row, pillarCol));
  // `一 | 党的建设 | | |`: a Chinese numeral in 序号 and nothing but a title beside it.
  const seq = map.roles.seq === undefined ? '' : grid.cell(row, map.roles.seq);
  const numeral = CHINESE_SEQ.exec(seq)?.[1];
  if (numeral && texts.length === 2) return `${numeral}、${texts.find((t) => t !== seq)}`;
  if (texts.length !== 1) return undefined;
  const text = texts[0]!;
  if (across && across.right > across.left) return text;
  const marker = rawMarkerOf(text)?.kind;
  const inTask = grid.cell(row, taskCol) === text || (map.roles.content !== undefined && grid.cell(row, map.roles.content) === text);
  return marker === 'pillar' || marker === 'group' || !inTask ? text : undefined;
}

/** What the rows of several tables share: pillar numbers and task ids run on from one table to the next. */
export interface RowsContext {
  firstRow: number;
  defaultPillar: string;
  /** Where messages point: `{ sheet }` for a worksheet, nothing more for a .csv or a Word table. */
  at: { sheet?: string };
  pillarsBefore: number;
  ids: UniqueIds;
}

interface Builder {
  pillars: Pillar[];
  issues: Issue[];
  ids: UniqueIds;
  nextNo: number;
  pillarsBefore: number;
}

function openPillar(b: Builder, text: string, line: number): Pillar {
  const marker = rawMarkerOf(text);
  const no = b.pillarsBefore + b.pillars.length + 1;
  const title = tidyText(marker?.kind === 'pillar' ? marker.rest : text).replace(/[。；]$/, '');
  const pillar: Pillar = { no, numeral: marker?.kind === 'pillar' ? marker.numeral : toChineseNumeral(no), title, line, groups: [], tasks: [] };
  b.pillars.push(pillar);
  return pillar;
}

function readTask(grid: Grid, row: number, map: ColumnMap): { no?: number; title: string; body: string; notes?: Task['notes'] } {
  const cell = (col: number | undefined) => (col === undefined ? '' : grid.cell(row, col));
  let task = cell(map.roles.task);
  let content = map.roles.content === map.roles.task ? '' : cell(map.roles.content);
  const marker = rawMarkerOf(task || content);
  let no = seqValue(cell(map.roles.seq));
  if (marker && marker.kind !== 'pillar' && marker.kind !== 'group') {
    if (task) task = marker.rest;
    else content = marker.rest;
    no ??= marker.no;
  }
  const own = splitTaskNotes((content || '').replace(/\n/g, ''));
  const text = task || own.text;
  const { head, rest } = firstSentence(text);
  const body = task ? [rest, own.text].filter(Boolean).join('\n') : rest;
  const cells = notesFromCells({
    ...(map.roles.units !== undefined ? { units: cell(map.roles.units) } : {}),
    ...(map.roles.cooperating !== undefined ? { cooperating: cell(map.roles.cooperating) } : {}),
    ...(map.roles.owners !== undefined ? { owners: cell(map.roles.owners) } : {}),
    ...(map.roles.deadline !== undefined ? { deadline: cell(map.roles.deadline) } : {}),
  });
  const notes = mergeNotes(cells, task ? own.notes : splitTaskNotes(text).notes);
  return { ...(no !== undefined ? { no } : {}), title: tidyText(head.replace(/\n/g, '')), body: tidyText(body.replace(/\n/g, '')), ...(notes ? { notes } : {}) };
}

export function readRows(grid: Grid, map: ColumnMap, ctx: RowsContext): TableRows {
  const { firstRow, defaultPillar, at } = ctx;
  const b: Builder = { pillars: [], issues: [], ids: ctx.ids, nextNo: 1, pillarsBefore: ctx.pillarsBefore };
  let pillarCol = map.roles.pillar;
  let source: PillarSource = pillarCol !== undefined ? 'column' : 'none';
  if (pillarCol === undefined && !map.none.includes('pillar')) {
    pillarCol = mergedLeftColumn(grid, map);
    if (pillarCol !== undefined) source = 'merged';
  }
  const taskCol = map.roles.task ?? map.roles.content!;
  let pillar: Pillar | undefined;
  let pillarText = '';
  let group: { index: number; top: number } | undefined;

  for (let r = map.dataStart; r < grid.rows; r++) {
    const line = firstRow + r;
    if (grid.distinctTexts(r).length === 0) continue;
    const heading = headingRow(grid, r, map, pillarCol);
    if (heading !== undefined && !NOT_A_TASK.test(heading)) {
      if (pillarCol === undefined || rawMarkerOf(heading)?.kind === 'pillar') {
        if (source === 'none') source = 'rows';
        pillar = openPillar(b, heading, line);
      } else if (pillar) {
        pillar.groups.push({ no: pillar.groups.length + 1, title: tidyText(rawMarkerOf(heading)?.rest ?? heading), line });
      }
      group = undefined;
      continue;
    }
    const own = pillarCol !== undefined ? grid.cell(r, pillarCol) : '';
    if (pillarCol !== undefined && own && own !== pillarText) {
      pillarText = own;
      // A 类别 that repeats the heading row just above (`二、教育教学` then 教育教学) is the same pillar.
      if (pillar?.title !== tidyText(rawMarkerOf(own)?.kind === 'pillar' ? rawMarkerOf(own)!.rest : own)) pillar = openPillar(b, own, line);
      group = undefined;
    }
    const taskText = grid.cell(r, taskCol) || (map.roles.content !== undefined ? grid.cell(r, map.roles.content) : '');
    if (!taskText || NOT_A_TASK.test(taskText)) {
      const text = grid.distinctTexts(r).join(' ').slice(0, 30);
      b.issues.push(issue('PLAN_TABLE_ROW_SKIPPED', 'info', { ...at, line }, { row: line, text }));
      continue;
    }
    if (continuesAbove(grid, r, map)) continue;
    pillar ??= openPillar(b, defaultPillar, line);
    // A 工作任务 merged down over rows that each have their own 工作内容: a heading with a task per row.
    const merge = map.roles.task !== undefined && map.roles.content !== undefined ? grid.merge(r, map.roles.task) : undefined;
    const spansRows = merge !== undefined && merge.bottom > merge.top;
    if (spansRows && (group === undefined || group.top !== merge.top)) {
      const entry: Group = { no: pillar.groups.length + 1, title: tidyText(firstSentence(grid.cell(r, map.roles.task!)).head), line };
      group = { index: pillar.groups.push(entry) - 1, top: merge.top };
    } else if (!spansRows) group = undefined;
    const read = readTask(grid, r, spansRows ? { ...map, roles: { ...map.roles, task: undefined } } : map);
    const no = read.no ?? b.nextNo;
    b.nextNo = no + 1;
    const id = b.ids.claim(baseTaskId(pillar, group?.index, no));
    pillar.tasks.push({
      id, no, title: read.title, body: read.body, source: grid.distinctTexts(r).join(' '), line,
      ...(group ? { group: group.index } : {}),
      ...(read.notes ? { notes: read.notes } : {}),
    });
  }
  return { pillars: b.pillars, issues: b.issues, pillarSource: source, ...(pillarCol !== undefined ? { pillarColumn: pillarCol } : {}) };
}
