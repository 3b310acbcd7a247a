/**
 * The ledger against the plan: the columns rules need are there, every task
 * has exactly one row, its fixed text (工作任务, 工作要求) is as the plan
 * wrote it, and no row belongs to no task.
 */
import type { LedgerRow } from '../ledger/ledger-types.js';
import { PILLAR_COLUMNS } from '../template/pillar-sheet.js';
import type { ColumnKey } from '../template/constants.js';
import { shown, whereOf, type Context } from './context.js';

/** Columns the row rules read; a sheet without one gets one complaint, not one per row. */
const NEEDED_COLUMNS: ColumnKey[] = ['requirement', 'unit', 'owner', 'deadline', 'progress', 'status'];

/**
 * Text as compared with the plan: full-width forms folded (NFKC: `，` = `,`),
 * all spaces gone (ordinary, no-break, U+3000, zero-width), a final `。` dropped.
 */
export function textKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '')
    .replace(/[。.]+$/, '');
}

/** The plan's texts as keys, worked out once rather than once per school file (a roll-up checks thousands). */
const planKeys = new Map<string, string>();
const MAX_PLAN_KEYS = 10_000;

function planTextKey(text: string): string {
  let key = planKeys.get(text);
  if (key === undefined) {
    if (planKeys.size >= MAX_PLAN_KEYS) planKeys.clear(); // a long-lived process checking many plans stays bounded
    planKeys.set(text, (key = textKey(text)));
  }
  return key;
}

function header(key: ColumnKey): string {
  return PILLAR_COLUMNS.find((c) => c.key === key)?.header ?? key;
}

function checkColumns(ctx: Context): void {
  for (const sheet of ctx.ledger.sheets) {
    for (const key of NEEDED_COLUMNS) {
      if (sheet.columns[key] === undefined) {
        ctx.report('VALIDATE_COLUMN_MISSING', { sheet: sheet.name, cell: `A${sheet.headerRow}` }, { value: '', column: header(key) });
      }
    }
  }
}

function checkFixedText(ctx: Context, row: LedgerRow): void {
  const task = ctx.index.tasksById.get(row.taskId ?? '')?.task;
  if (!task) return;
  const checks: [ColumnKey, string, 'VALIDATE_TASK_TITLE_CHANGED' | 'VALIDATE_TASK_BODY_CHANGED'][] = [
    ['task', task.title, 'VALIDATE_TASK_TITLE_CHANGED'],
    ['requirement', task.body, 'VALIDATE_TASK_BODY_CHANGED'],
  ];
  for (const [key, expected, code] of checks) {
    if (ctx.ledger.sheets.find((s) => s.name === row.sheet)?.columns[key] === undefined) continue;
    const cell = row.cells[key];
    const text = cell?.text ?? '';
    // Text left exactly as generated (the usual case) needs no normalising.
    if (text === expected || textKey(text) === planTextKey(expected)) continue;
    ctx.report(code, whereOf(ctx, row, key, cell), { value: shown(cell?.text ?? ''), expected: shown(expected), taskNo: task.no });
  }
}

function firstCell(row: LedgerRow): { address: string; text: string } | undefined {
  const cells = Object.values(row.cells).filter((c) => c !== undefined);
  const col = (address: string) => address.replace(/\d+$/, '').padStart(3, ' ');
  return cells.sort((a, b) => (col(a.address) < col(b.address) ? -1 : 1))[0];
}

export function checkStructure(ctx: Context): void {
  checkColumns(ctx);
  const seen = new Set<string>();
  for (const row of ctx.ledger.rows) {
    if (row.kind === 'orphan') {
      const first = firstCell(row);
      ctx.report('VALIDATE_ORPHAN_ROW', { sheet: row.sheet, ...(first ? { cell: first.address } : {}) }, { value: shown(first?.text ?? ''), row: row.row });
      continue;
    }
    if (row.kind !== 'task' || !row.taskId) continue;
    const task = ctx.index.tasksById.get(row.taskId)?.task;
    if (seen.has(row.taskId)) {
      ctx.report('VALIDATE_TASK_DUPLICATE', whereOf(ctx, row, 'task', row.cells.task), {
        value: shown(row.cells.task?.text ?? row.taskId),
        taskNo: task?.no ?? '',
      });
      continue;
    }
    seen.add(row.taskId);
    checkFixedText(ctx, row);
  }
  ctx.index.plan.pillars.forEach((pillar) => {
    const sheet = ctx.ledger.sheets.find((s) => s.pillarNo === pillar.no)?.name;
    for (const task of pillar.tasks) {
      if (seen.has(task.id)) continue;
      ctx.report('VALIDATE_TASK_MISSING', { ...(sheet ? { sheet } : {}), taskId: task.id }, {
        value: '',
        taskNo: task.no,
        title: shown(task.title),
        pillar: `${pillar.numeral}、${shown(pillar.title)}`,
      });
    }
  });
}
