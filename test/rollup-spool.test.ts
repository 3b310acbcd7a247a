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
    expect((spool as unknown as { size: number }).size).toBeGreaterThan(1000);
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
