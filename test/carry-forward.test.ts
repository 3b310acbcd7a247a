/**
 * 用上期台账生成本期台账: a school's filled ledger carried into the next
 * round's. Read back (by our reader and by openpyxl) the new ledger holds
 * exactly what the school filled in, rows it inserted included, and it is
 * still the plan's own template for the roll-up; against a changed plan the
 * tasks that no longer exist are listed, not guessed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { carryForwardLedger, type CarriedLedger } from '../src/app/carry-forward-ledger';
import { checkAgainstPlan, type SubmissionCheck } from '../src/app/check-submission';
import { rollUpSubmissions } from '../src/app/roll-up-submissions';
import type { SubmissionInput } from '../src/core/rollup/types';
import { extractLedger } from '../src/core/ledger/extract-ledger';
import type { Ledger, LedgerRow } from '../src/core/ledger/ledger-types';
import { indexTemplate } from '../src/core/ledger/template-index';
import { messageFor } from '../src/core/issues';
import type { Plan } from '../src/core/model';
import { pillarColumn } from '../src/core/template/pillar-sheet';
import { FILLED_KEYS } from '../src/core/template/prefill';
import { readWorkbook } from '../src/xlsx/read/index';
import { fillLedger } from './helpers/fill-ledger';
import { manyRows, sharedStringBomb } from './helpers/hostile-xlsx';
import { PYTHON } from './helpers/openpyxl';
import { AS_OF, goodFill, seedIndex, seedPlan } from './helpers/validate-fixture';

const PREVIOUS = '上期报送.xlsx';

function readLedger(bytes: Uint8Array, plan: Plan, otherPlan = false): Ledger {
  const read = readWorkbook(bytes, { fileName: 'x.xlsx' });
  if (!read.ok) throw new Error(read.issue.code);
  const extracted = extractLedger(read.workbook, indexTemplate(plan), 'x.xlsx', { otherPlan });
  if (!extracted.ok) throw new Error(extracted.issue.code);
  return extracted.ledger;
}

/** What a clerk filled in, row by row in sheet order: the kind, the task, and each filled column's text (and date). */
function filled(ledger: Ledger): unknown[] {
  return ledger.rows.map((row: LedgerRow) => ({
    kind: row.kind,
    taskId: row.taskId,
    cells: Object.fromEntries(FILLED_KEYS.flatMap((key) => (row.cells[key] ? [[key, [row.cells[key]!.text, row.cells[key]!.iso]]] : []))),
  }));
}

async function carried(plan: Plan, bytes: Uint8Array): Promise<CarriedLedger> {
  const result = await carryForwardLedger(plan, { name: PREVIOUS, bytes });
  if (!result.ok) throw new Error(result.issue.code);
  return result.ledger;
}

/** Values of every cell as openpyxl reads them (formulas as their cached results), by sheet and address. */
function openpyxlValues(file: string): Record<string, Record<string, unknown>> {
  const script = `
import json, sys, openpyxl, datetime
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
out = {}
for ws in wb.worksheets:
    out[ws.title] = {c.coordinate: (c.value.isoformat() if isinstance(c.value, datetime.datetime) else c.value)
                     for row in ws.iter_rows() for c in row if c.value is not None}
json.dump(out, sys.stdout, ensure_ascii=False)
`;
  const run = spawnSync(PYTHON, ['-c', script, file], { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, Record<string, unknown>>;
}

describe('carry forward against the same plan', () => {
  let previous: Uint8Array;
  let made: CarriedLedger;
  let dir: string;
  beforeAll(async () => {
    const fill = goodFill();
    // Text that would read as a formula or a date if it were not kept as text.
    fill.tasks!.P1T2 = { ...fill.tasks!.P1T2, measures: '=A1+1', remark: '2024-06-30' };
    previous = await fillLedger(seedPlan, fill);
    const hash = createHash('sha256').update(previous).digest('hex');
    made = await carried(seedPlan, previous);
    expect(createHash('sha256').update(previous).digest('hex')).toBe(hash);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-carry-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('read back, every task row and every inserted row holds what the school filled in', () => {
    const before = readLedger(previous, seedPlan);
    const after = readLedger(made.bytes, seedPlan);
    expect(before.rows.filter((r) => r.kind === 'extra').length).toBeGreaterThan(5);
    expect(filled(after)).toEqual(filled(before));
    expect(made.samePlan).toBe(true);
    expect(made.carriedTasks).toBe(before.rows.filter((r) => r.kind === 'task').length);
    expect(made.carriedExtras).toBe(before.rows.filter((r) => r.kind === 'extra').length);
    expect(made.issues).toEqual([]);
  });

  test('the cover keeps 填报单位, 填报人 and 联系电话, clears 填报日期, and the file is named for the unit', () => {
    const after = readLedger(made.bytes, seedPlan);
    expect(after.info.unit?.text).toBe('仪征市实验小学');
    expect(after.info.reporter?.text).toBe('赵老师');
    // Kept as typed, a text: the leading 0 of the area code stays.
    expect(after.info.phone?.text).toBe('0514-83456789');
    expect(after.info.date).toBeUndefined();
    expect(made.fileName).toBe(`${seedPlan.title}-仪征市实验小学-台账.xlsx`);
  });

  test('openpyxl reads the same values on the pillar sheets as in the submission; formula-like text stays text', () => {
    fs.writeFileSync(path.join(dir, 'before.xlsx'), previous);
    fs.writeFileSync(path.join(dir, 'after.xlsx'), made.bytes);
    const before = openpyxlValues(path.join(dir, 'before.xlsx'));
    const after = openpyxlValues(path.join(dir, 'after.xlsx'));
    for (const sheet of seedIndex.sheetNames) expect(after[sheet]).toEqual(before[sheet]);
    const first = seedIndex.sheetNames[0]!;
    expect(Object.values(after[first]!)).toContain('=A1+1');
    expect(after['填报说明']!.B3).toBe('仪征市实验小学');
    expect(after['填报说明']!.B6).toBeUndefined();
  });

  test('checked (as the roll-up checks each file) it is this plan\'s ledger, matched by its hidden template data', () => {
    const check = checkAgainstPlan(seedPlan, { name: made.fileName, bytes: made.bytes }, { asOf: AS_OF });
    if (check.status !== 'checked') throw new Error(check.issue.code);
    expect(check.ledger.templateId).toBe(seedIndex.templateId);
    expect(check.ledger.matchedBy).toBe('metadata');
    expect(check.issues.map((i) => i.code)).not.toContain('LEDGER_MATCHED_BY_HEADERS');
  });

  test('rolled up, it counts as the school\'s ledger of this plan and gives the same figures as the submission', () => {
    const input = (file: string, bytes: Uint8Array): SubmissionInput => {
      const check: SubmissionCheck = checkAgainstPlan(seedPlan, { name: file, bytes }, { asOf: AS_OF });
      return { file, result: check.status === 'checked' ? { status: 'checked', ledger: check.ledger, issues: check.issues } : check };
    };
    const was = rollUpSubmissions([input(PREVIOUS, previous)], seedPlan, { asOf: AS_OF }).rollup;
    const now = rollUpSubmissions([input(made.fileName, made.bytes)], seedPlan, { asOf: AS_OF }).rollup;
    expect(now.accounting).toEqual(was.accounting);
    expect(now.schools.map((s) => s.name)).toEqual(['仪征市实验小学']);
    expect(now.taskStats).toEqual(was.taskStats);
    expect(now.overall).toEqual(was.overall);
  });
});

/** The next year's plan: one task renamed (its id stays), two tasks swapped, the last task dropped. */
function nextYearPlan(): Plan {
  const plan = structuredClone(seedPlan);
  plan.title = plan.title.replace('2024', '2025');
  const [first, second] = plan.pillars;
  first!.tasks[0]!.title = '全面加强新时代党的政治建设';
  const [a, b] = second!.tasks;
  second!.tasks[0] = { ...b!, id: a!.id, no: a!.no };
  second!.tasks[1] = { ...a!, id: b!.id, no: b!.no };
  plan.pillars[plan.pillars.length - 1]!.tasks.pop();
  return plan;
}

describe('carry forward into a changed plan', () => {
  const plan = nextYearPlan();
  const index = indexTemplate(plan);
  let made: CarriedLedger;
  let before: Ledger;
  beforeAll(async () => {
    const previous = await fillLedger(seedPlan, goodFill());
    before = readLedger(previous, seedPlan);
    made = await carried(plan, previous);
  });

  const valuesOf = (ledger: Ledger, taskId: string): unknown[] => filled({ ...ledger, rows: ledger.rows.filter((r) => r.taskId === taskId) });

  test('a task kept under its id and title carries; a moved task carries to where its title went', () => {
    const after = readLedger(made.bytes, plan);
    expect(after.templateId).toBe(index.templateId);
    expect(valuesOf(after, 'P1T2')).toEqual(valuesOf(before, 'P1T2'));
    const [a, b] = seedPlan.pillars[1]!.tasks;
    // Old a's row (and the row inserted under it) is now under b's id, where a's title went.
    expect(valuesOf(after, b!.id)).toEqual(valuesOf(before, a!.id).map((row) => ({ ...(row as object), taskId: b!.id })));
    expect(valuesOf(after, a!.id)).toEqual(valuesOf(before, b!.id).map((row) => ({ ...(row as object), taskId: a!.id })));
  });

  test('the renamed and the dropped task are listed by sheet and row, with their titles, and left blank', () => {
    const after = readLedger(made.bytes, plan);
    const gone = made.issues.filter((i) => i.code === 'CARRY_TASK_GONE');
    const renamed = seedPlan.pillars[0]!.tasks[0]!;
    const dropped = seedPlan.pillars[seedPlan.pillars.length - 1]!.tasks.at(-1)!;
    expect(gone.map((i) => i.params.title)).toEqual([renamed.title, dropped.title]);
    expect(gone.every((i) => i.where.file === PREVIOUS && i.severity === 'warning')).toBe(true);
    expect(messageFor(gone[0]!.code, gone[0]!.params)).toContain(`第 ${before.rows.find((r) => r.taskId === renamed.id)!.row} 行`);
    // The renamed task's row keeps only what the new plan prefills.
    expect(after.rows.find((r) => r.taskId === renamed.id)!.cells.progress).toBeUndefined();
    expect(made.issues[0]!.code).toBe('CARRY_OTHER_PLAN');
    expect(made.samePlan).toBe(false);
    expect(made.leftOut).toBe(2);
    expect(made.carriedTasks).toBe(before.rows.filter((r) => r.kind === 'task').length - 2);
  });
});

describe('rows that belong to no task, and a task written twice', () => {
  test('are listed by sheet and row and left out; the task\'s first row carries', async () => {
    const previous = await fillLedger(seedPlan, {
      tasks: { P1T2: { progress: '第一次' } },
      edit: (_wb, find) => {
        const { ws, row } = find('P1T4');
        // A numbered row of the school's own below the tasks, and a copy of P1T2's row further down.
        ws.getRow(row + 2).getCell(pillarColumn('seq')).value = 99;
        ws.getRow(row + 2).getCell(pillarColumn('measures')).value = '学校自加的一行';
        ws.getRow(row + 4).getCell(pillarColumn('task')).value = seedPlan.pillars[0]!.tasks[1]!.title;
        ws.getRow(row + 4).getCell(pillarColumn('taskId')).value = 'P1T2';
        ws.getRow(row + 4).getCell(pillarColumn('progress')).value = '第二次';
      },
    });
    const made = await carried(seedPlan, previous);
    const row = readLedger(previous, seedPlan).rows.find((r) => r.taskId === 'P1T4')!.row;
    expect(made.issues.map((i) => [i.code, i.params.row])).toEqual([
      ['CARRY_ROW_LEFT', row + 2],
      ['CARRY_TASK_TWICE', row + 4],
    ]);
    const after = readLedger(made.bytes, seedPlan);
    expect(after.rows.filter((r) => r.taskId === 'P1T2').map((r) => r.cells.progress?.text)).toEqual(['第一次']);
    expect(after.rows.some((r) => r.kind === 'orphan')).toBe(false);
  });
});

describe('a hostile previous file', () => {
  test('one 300,000-character string shown in 1,000 cells is refused within 2 s, no ledger made', async () => {
    const bomb = await sharedStringBomb(1000, 300_000);
    const started = Date.now();
    const result = await carryForwardLedger(seedPlan, { name: PREVIOUS, bytes: bomb });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toEqual({ ok: false, issue: expect.objectContaining({ code: 'XLSX_READ_TOO_MUCH_TEXT', severity: 'error' }) });
  });

  test('5,000 rows inserted under one task all come along, under that task', async () => {
    const made = await carried(seedPlan, await manyRows(5000));
    expect(made.carriedExtras).toBe(5000);
    const after = readLedger(made.bytes, seedPlan);
    expect(after.rows.filter((r) => r.kind === 'extra' && r.taskId === 'P1T4')).toHaveLength(5000);
  });
});
