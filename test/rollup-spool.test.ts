/**
 * A roll-up of 20,000 files keeps only each file's head in memory: the CLI's
 * spool holds the results (past a few megabytes, in a temporary file) and the
 * roll-up loads each when it reaches the file's school. The roll-up must be
 * the same as from the inputs in memory, each file loaded once, and the
 * temporary file never left behind.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { rollUp } from '../src/core/rollup/roll-up';
import { headOf, sourceOf } from '../src/core/rollup/submission-source';
import { ResultSpool } from '../src/cli/result-spool';
import { RowSpool } from '../src/cli/row-spool';
import type { DetailRow } from '../src/core/rollup/types';
import { buildSummarySpec } from '../src/core/summary/build-summary';
import { writeWorkbook } from '../src/xlsx/write/index';
import { AS_OF, index, refused } from './rollup-fixtures';
import { ROSTER, summaryInputs } from './summary-fixtures';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-spool-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const options = { roster: ROSTER, asOf: AS_OF };

test('a roll-up from the spool, its results on disk, equals the roll-up from the inputs in memory', () => {
  const inputs = [...summaryInputs(), refused('通知.docx', 'XLSX_READ_NOT_ZIP')];
  // A budget of 100 characters: every checked result goes to the file.
  const spool = new ResultSpool(dir, 100);
  // In reverse, as results come back from threads in any order.
  for (let i = inputs.length - 1; i >= 0; i--) spool.putText(i, headOf(inputs[i]!), JSON.stringify(inputs[i]));
  try {
    // The file is open but has no name in the folder: it goes with the process, however the process ends.
    expect(fs.readdirSync(dir)).toEqual([]);
    expect((spool as unknown as { spool?: { size: number } }).spool?.size).toBeGreaterThan(1000);
    expect(rollUp(spool, index, options)).toEqual(rollUp(JSON.parse(JSON.stringify(inputs)), index, options));
    for (const [i, input] of inputs.entries()) expect(spool.load(i)).toEqual(JSON.parse(JSON.stringify(input)));
  } finally {
    spool.close();
  }
  expect(fs.readdirSync(dir)).toEqual([]);
  expect(spool.length).toBe(0);
});

test('the roll-up loads each read file once, when its school is reached, and never a refused one', () => {
  const inputs = [...summaryInputs(), refused('坏文件.xlsx', 'XLSX_READ_NOT_ZIP')];
  const source = sourceOf(inputs);
  const loaded: number[] = [];
  const rollup = rollUp({ heads: source.heads, load: (i) => (loaded.push(i), source.load(i)) }, index, options);
  const read = inputs.flatMap((input, i) => (input.result.status === 'checked' ? [i] : []));
  expect([...loaded].sort((a, b) => a - b)).toEqual(read);
  expect(rollup.accounting.filesRead).toBe(read.length);
  expect(rollup.accounting.balanced).toBe(true);
  // School by school: all files of one school are loaded one after another.
  const schoolOf = (i: number): string => rollup.schools.find((s) => s.files.some((f) => f.file === inputs[i]!.file))!.name;
  const order = loaded.map(schoolOf).filter((name, k, all) => k === 0 || all[k - 1] !== name);
  expect(new Set(order).size).toBe(order.length);
});

test('results within the budget stay in memory and never touch the disk; replacing one keeps the latest', () => {
  const inputs = summaryInputs();
  const spool = new ResultSpool(dir);
  inputs.forEach((input, i) => spool.put(i, input));
  spool.put(0, inputs[1]!);
  spool.push(inputs[2]!);
  expect(fs.readdirSync(dir)).toEqual([]);
  expect(spool.load(0)).toEqual(JSON.parse(JSON.stringify(inputs[1])));
  expect(spool.load(inputs.length)).toEqual(JSON.parse(JSON.stringify(inputs[2])));
  spool.close();
});

test('detail rows spooled to a file come back in order, whole, as often as asked, across chunk edges and multi-byte text', () => {
  // Rows of Chinese text over many 64 KB reads, and one row longer than several; 𠮷 is a surrogate pair (some fall
  // across a chunk edge) and 上 (U+4E0A) holds a newline byte in UTF-16.
  const rows = Array.from({ length: 6000 }, (_, i) => ({ i, text: `第${i}行：落实全面从严治党“两个责任”\n换行` + '党'.repeat(i % 97) + '𠮷上'.repeat(i % 13) }));
  rows[3000] = { i: 3000, text: '建'.repeat(400_000) };
  const spool = new RowSpool<(typeof rows)[number]>(dir, 1000);
  for (const row of rows) spool.push(row);
  expect(spool.length).toBe(rows.length);
  expect(fs.readdirSync(dir)).toEqual([]);
  expect([...spool.rows()]).toEqual(rows);
  spool.push({ i: -1, text: '最后' });
  expect([...spool.rows()]).toEqual([...rows, { i: -1, text: '最后' }]);
  spool.close();
  expect(() => [...spool.rows()]).toThrow(/closed/);
  expect(fs.readdirSync(dir)).toEqual([]);
});

test('a roll-up whose 明细 rows went to a spool counts them the same and writes the same summary, byte for byte', async () => {
  const inputs = summaryInputs();
  const store = new RowSpool<DetailRow>(dir, 200);
  const spooled = rollUp(inputs, index, { ...options, detailStore: store });
  const held = rollUp(inputs, index, options);
  try {
    expect(spooled.details).toEqual([]);
    expect([...store.rows()]).toEqual(held.details);
    expect(spooled.accounting).toEqual(held.accounting);
    expect(spooled.accounting.balanced).toBe(true);
    const bytes = async (r: typeof held) => Buffer.from(await writeWorkbook(buildSummarySpec(r, index, undefined, { stream: true })));
    expect((await bytes(spooled)).equals(await bytes(held))).toBe(true);
  } finally {
    store.close();
  }
});
