/**
 * Files with very many rows (issue 12, class 2): a file of 150,000 rows ended
 * the whole roll-up with `RangeError: Maximum call stack size exceeded` (rows
 * spread into push). A million cells go through the checks and the roll-up,
 * and the built CLI rolls up a 150,000-row file with good ones.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { appendAll, maxOf, minOf } from '../src/core/arrays';
import { MergedAbove } from '../src/core/ledger/merged-cells';
import { rollUp, type SubmissionInput } from '../src/core/rollup/roll-up';
import { checkSubmission } from '../src/app/check-submission';
import { fillLedger } from './helpers/fill-ledger';
import { editedLedger, manyRows } from './helpers/hostile-xlsx';
import { AS_OF, seedIndex, seedPlan, withChanges } from './helpers/validate-fixture';

const BIN = path.join(__dirname, '..', 'bin', 'taizhang.js');
/** More arguments than any engine takes in one call. */
const HUGE = 1_000_000;

test('appendAll, maxOf and minOf take a million items (a spread of as many throws RangeError)', () => {
  const items = Array.from({ length: HUGE }, (_, i) => (i * 7919) % HUGE);
  expect(() => ([] as number[]).push(...items)).toThrow(RangeError);
  const into = [-1];
  expect(appendAll(into, items)).toBe(into);
  expect(into).toHaveLength(HUGE + 1);
  expect(into[HUGE]).toBe(items[HUGE - 1]);
  expect(maxOf(items, 0)).toBe(HUGE - 1);
  expect(minOf(items, 5)).toBe(0);
  expect([maxOf([], -1), minOf([], -2)]).toEqual([-1, -2]);
});

test('a million cells in one file go through checkSubmission and rollUp, every row accounted for', async () => {
  // 99,990 inserted rows of 10 cells, with the template's own cells: over a million in the file.
  const rows = 99_990;
  const bytes = await manyRows(rows);
  const check = checkSubmission(bytes, '大文件.xlsx', seedIndex, { asOf: AS_OF });
  if (check.status !== 'checked') throw new Error(check.issue.code);
  const cells = check.workbook.sheets.reduce((n, s) => n + s.cells.length, 0);
  expect(cells).toBeGreaterThan(HUGE);
  const extra = check.ledger.rows.filter((r) => r.kind === 'extra' && r.taskId === 'P1T4');
  expect(extra).toHaveLength(rows);

  const good = checkSubmission(await fillLedger(seedPlan, withChanges({ info: { unit: '仪征市实验小学' } })), '实验小学.xlsx', seedIndex, { asOf: AS_OF });
  if (good.status !== 'checked') throw new Error(good.issue.code);
  const input = (file: string, c: typeof check): SubmissionInput => ({ file, result: { status: 'checked', ledger: c.ledger, issues: c.issues } });
  const rollup = rollUp([input('大文件.xlsx', check), input('实验小学.xlsx', good)], seedIndex, { asOf: AS_OF });
  const rowsRead = check.ledger.rows.length + good.ledger.rows.length;
  expect(rollup.details).toHaveLength(rowsRead);
  expect(rollup.accounting).toMatchObject({ filesFound: 2, filesRead: 2, rowsRead, detailRows: rowsRead, balanced: true });
  expect(rollup.details.filter((d) => d.file === '大文件.xlsx' && d.measures === '补充举措：开展专项检查')).toHaveLength(rows);
}, 120_000);

test('ten thousand merges over a hundred thousand rows: each row finds its merge at once', async () => {
  // Every merge covers ten rows of 责任单位 (E); the value sits in the top row. With the template's own, 10,000 merges.
  const count = 9_990;
  const merges = Array.from({ length: count }, (_, i) => `E${7 + i * 10}:E${16 + i * 10}`);
  const bytes = await editedLedger({
    strings: ['补充举措', '党建办'],
    *rows(first) {
      for (let r = 7; r < 7 + count * 10; r++) yield `<row r="${r}"><c r="D${r}" t="s"><v>${first}</v></c>${(r - 7) % 10 === 0 ? `<c r="E${r}" t="s"><v>${first + 1}</v></c>` : ''}</row>`;
    },
    merges,
  });
  const started = Date.now();
  const check = checkSubmission(bytes, '合并.xlsx', seedIndex, { asOf: AS_OF });
  expect(Date.now() - started).toBeLessThan(30_000);
  if (check.status !== 'checked') throw new Error(check.issue.code);
  const inserted = check.ledger.rows.filter((r) => r.row >= 7);
  expect(inserted).toHaveLength(count * 10);
  for (const r of inserted) expect(r.cells.unit?.address).toBe(`E${r.row - ((r.row - 7) % 10)}`);
}, 60_000);

test('merges: a cell finds the merge above it, not its own top or one beside it; of two overlapping, the higher wins', () => {
  const merged = new MergedAbove(['B2:B4', 'B10:C12', 'B11:B20', 'D1', 'not a range']);
  expect(merged.covering(3, 2)?.range).toBe('B2:B4');
  expect(merged.covering(4, 2)?.top).toBe(2);
  expect(merged.covering(2, 2)).toBeUndefined(); // the top cell holds the value itself
  expect(merged.covering(5, 2)).toBeUndefined();
  expect(merged.covering(12, 2)?.range).toBe('B10:C12');
  expect(merged.covering(15, 2)).toBeUndefined(); // B11:B20 overlaps B10:C12 and is dropped
  expect(merged.covering(11, 3)).toBeUndefined(); // only the first column of a merge carries its value
  expect(new MergedAbove(['D1', 'A1:C1']).empty).toBe(true);
});

describe('the built CLI rolls up a file of 150,000 rows', () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-hostile-rows-'));
    fs.mkdirSync(path.join(dir, '报送'));
    fs.writeFileSync(path.join(dir, '报送', '大文件.xlsx'), await manyRows(150_000, 6));
    for (const i of [1, 2]) fs.writeFileSync(path.join(dir, '报送', `学校${i}.xlsx`), await fillLedger(seedPlan, withChanges({ info: { unit: `仪征市第${i}小学` } })));
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('no RangeError: every row is in 明细 and the accounting balances', () => {
    const started = Date.now();
    const run = spawnSync(process.execPath, [BIN, 'rollup', path.join(dir, '报送'), '-o', path.join(dir, '汇总.xlsx'), '--json', '--as-of', AS_OF], { encoding: 'utf8', timeout: 170_000 });
    expect(run.stderr).not.toMatch(/RangeError|FAULT_INTERNAL/);
    expect([0, 1]).toContain(run.status);
    expect(Date.now() - started).toBeLessThan(170_000);
    const { accounting } = JSON.parse(run.stdout) as { accounting: { filesRead: number; rowsRead: number; detailRows: number; balanced: boolean } };
    expect(accounting.filesRead).toBe(3);
    expect(accounting.rowsRead).toBeGreaterThan(150_000);
    expect(accounting.detailRows).toBe(accounting.rowsRead);
    expect(accounting.balanced).toBe(true);
  }, 180_000);
});
