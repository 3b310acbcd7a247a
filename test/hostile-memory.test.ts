/**
 * Files that multiply their text (issue 12, class 1): one shared string shown
 * by 100,000 cells, one value merged down 200,000 rows. Each is refused with
 * its code and cell, within a hard heap cap, and costs a roll-up only its own
 * row; a check thread that dies on a file anyway loses only that file.
 * Drives the built CLI (`npm run build:cli` first), as a clerk runs it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extractLedger } from '../src/core/ledger/extract-ledger';
import { readWorkbook } from '../src/xlsx/read/index';
import { fillLedger } from './helpers/fill-ledger';
import { editedLedger, mergeBomb, sharedStringBomb } from './helpers/hostile-xlsx';
import { seedIndex, seedPlan, withChanges } from './helpers/validate-fixture';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'taizhang.js');
const PILLAR = '一、加强政治建设';
const GOOD = 20;

let dir: string;
let inbox: string;
const hashes = new Map<string, string>();
const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The built CLI under a 512 MB heap: a file that costs more ends the process (exit 134) instead of answering. */
function cli(args: string[]): { status: number | null; signal: string | null; stdout: string; stderr: string; seconds: number } {
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--max-old-space-size=512', BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr, seconds: (Date.now() - started) / 1000 };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-hostile-memory-'));
  inbox = path.join(dir, '报送');
  fs.mkdirSync(inbox);
  fs.writeFileSync(path.join(inbox, '共享字符串.xlsx'), await sharedStringBomb());
  fs.writeFileSync(path.join(inbox, '合并单元格.xlsx'), await mergeBomb());
  for (let i = 1; i <= GOOD; i++) {
    fs.writeFileSync(path.join(inbox, `学校${i}.xlsx`), await fillLedger(seedPlan, withChanges({ info: { unit: `仪征市第${i}小学` } })));
  }
  for (const name of fs.readdirSync(inbox)) hashes.set(name, sha(path.join(inbox, name)));
}, 120_000);

afterAll(() => {
  // Inputs are never modified.
  for (const [name, hash] of hashes) expect(sha(path.join(inbox, name))).toBe(hash);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the hostile files are what the issue describes: small on disk, huge in what their cells show', () => {
  for (const name of ['共享字符串.xlsx', '合并单元格.xlsx']) expect(fs.statSync(path.join(inbox, name)).size).toBeLessThan(1.5 * 1024 * 1024);
});

test.each([
  ['共享字符串.xlsx', 'XLSX_READ_TOO_MUCH_TEXT', /^D\d+$/],
  ['合并单元格.xlsx', 'LEDGER_TOO_MUCH_TEXT', /^E7$/],
])('validate %s under a 512 MB heap: refused with %s at its cell, in seconds', (name, code, cell) => {
  const run = cli(['validate', path.join(inbox, name), '--json', '--as-of', '2024-09-01']);
  expect(run.signal).toBeNull();
  expect(run.status).toBe(1);
  expect(run.seconds).toBeLessThan(20);
  const report = JSON.parse(run.stdout) as { status: string; issues: { code: string; where: { sheet?: string; cell?: string }; message: string }[] };
  expect(report.status).toBe('refused');
  expect(report.issues).toHaveLength(1);
  const refusal = report.issues[0]!;
  expect(refusal.code).toBe(code);
  expect(refusal.where.sheet).toBe(PILLAR);
  expect(refusal.where.cell).toMatch(cell);
  expect(refusal.message).toContain(PILLAR);
});

test('rollup of 20 good ledgers and both hostile files under a 512 MB heap: every good file is in the summary', () => {
  const output = path.join(dir, '汇总.xlsx');
  const run = cli(['rollup', inbox, '-o', output, '--json', '--as-of', '2024-09-01']);
  expect(run.signal).toBeNull();
  expect(run.status).toBe(1); // refused files make exit 1, not a crash (134) or a fault (2)
  expect(run.seconds).toBeLessThan(60);
  const result = JSON.parse(run.stdout) as {
    accounting: { filesFound: number; filesRead: number; filesRefused: number; balanced: boolean; refusals: { file: string; code: string }[] };
    schools: { name: string; status: string; files: { file: string; outcome: string }[] }[];
  };
  const { accounting } = result;
  expect(accounting).toMatchObject({ filesFound: GOOD + 2, filesRead: GOOD, filesRefused: 2, balanced: true });
  expect(accounting.refusals.map((r) => [r.file, r.code]).sort()).toEqual([
    ['共享字符串.xlsx', 'XLSX_READ_TOO_MUCH_TEXT'],
    ['合并单元格.xlsx', 'LEDGER_TOO_MUCH_TEXT'],
  ]);
  const adopted = result.schools.flatMap((s) => s.files.filter((f) => f.outcome === '采用').map((f) => f.file)).sort();
  expect(adopted).toEqual(Array.from({ length: GOOD }, (_, i) => `学校${i + 1}.xlsx`).sort());
  for (let i = 1; i <= GOOD; i++) expect(result.schools.find((s) => s.name === `仪征市第${i}小学`)?.status).toBe('已报送');
  expect(fs.statSync(output).size).toBeGreaterThan(0);
}, 130_000);

describe('the text budget counts what cells show, against what the file holds', () => {
  const repeated = (cells: number, text: string) =>
    editedLedger({
      strings: [text],
      *rows(first) {
        for (let r = 7; r < 7 + cells; r++) yield `<row r="${r}"><c r="D${r}" t="s"><v>${first}</v></c></row>`;
      },
    });

  test('one string shown by many cells is refused at the cell that passes the budget', async () => {
    // What the template's own cells show before row 7 of the first pillar sheet (填报说明 comes first).
    const blank = readWorkbook(await editedLedger({}));
    if (!blank.ok) throw new Error(blank.issue.code);
    const [info, pillar] = blank.workbook.sheets;
    const shown = [...info!.cells, ...pillar!.cells].reduce((n, c) => n + (typeof c.value === 'string' ? c.value.length : 0), 0);
    // The parts are far smaller than 1,000,000 bytes, so the floor is the budget.
    const firstOver = 7 + Math.floor((1_000_000 - shown) / 1_000);
    const read = readWorkbook(await repeated(2_000, '举'.repeat(1_000)), { fileName: 'a.xlsx', limits: { maxTextChars: 1_000_000 } });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issue).toMatchObject({ code: 'XLSX_READ_TOO_MUCH_TEXT', where: { file: 'a.xlsx', sheet: PILLAR, cell: `D${firstOver}` } });
  });

  test('a file that holds its text (no repeats) is never refused by the budget, however low the floor', async () => {
    const bytes = await editedLedger({
      strings: Array.from({ length: 500 }, (_, i) => `第${i}条举措：${'认真落实'.repeat(20)}`),
      *rows(first) {
        for (let i = 0; i < 500; i++) yield `<row r="${7 + i}"><c r="D${7 + i}" t="s"><v>${first + i}</v></c></row>`;
      },
    });
    const read = readWorkbook(bytes, { fileName: 'a.xlsx', limits: { maxTextChars: 1 } });
    expect(read.ok).toBe(true);
  });

  test('a value merged down many rows is shared, not copied, and refused past the limit with the merge named', async () => {
    const small = readWorkbook(await mergeBomb(1_000, 10), { fileName: 'b.xlsx' });
    if (!small.ok) throw new Error(small.issue.code);
    const extracted = extractLedger(small.workbook, seedIndex, 'b.xlsx');
    if (!extracted.ok) throw new Error(extracted.issue.code);
    const filled = extracted.ledger.rows.filter((r) => r.row > 7 && r.cells.unit);
    expect(filled).toHaveLength(999);
    // One object for every row under the merge: what the merge shows is held once.
    expect(new Set(filled.map((r) => r.cells.unit)).size).toBe(1);
    expect(filled[0]!.cells.unit).toMatchObject({ address: 'E7', text: '单'.repeat(10) });

    const big = readWorkbook(await mergeBomb(20_000, 1_000), { fileName: 'c.xlsx' });
    if (!big.ok) throw new Error(big.issue.code);
    const refused = extractLedger(big.workbook, seedIndex, 'c.xlsx');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.issue).toMatchObject({
      code: 'LEDGER_TOO_MUCH_TEXT',
      where: { file: 'c.xlsx', sheet: PILLAR, cell: 'E7' },
      params: { range: 'E7:E20006' },
    });
  });
});

describe('a check thread that dies costs only its file', () => {
  // The compiled modules: worker threads need JavaScript.
  const lib = {
    ...(require(path.join(ROOT, 'lib', 'cli', 'check-files.js')) as typeof import('../src/cli/check-files')),
    ...(require(path.join(ROOT, 'lib', 'cli', 'check-pool.js')) as typeof import('../src/cli/check-pool')),
  };
  const job = { plan: seedPlan, asOf: '2024-09-01' };

  test('a thread that runs out of memory (a capped heap) on one file: that file is refused, the others are checked', async () => {
    // The real check worker, behind a listener that, for one file name, allocates until the capped heap is exhausted.
    const script = path.join(dir, 'dies-on-one-file.js');
    fs.writeFileSync(
      script,
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', (m) => {
         if (m.kind === 'file' && m.file.name === '学校3.xlsx') { const hog = []; for (;;) hog.push(new Array(100000).fill(hog.length)); }
       });
       require(${JSON.stringify(path.join(ROOT, 'lib', 'cli', 'check-worker.js'))});\n`,
    );
    const names = Array.from({ length: GOOD }, (_, i) => `学校${i + 1}.xlsx`);
    const files = names.map((name) => ({ path: path.join(inbox, name), name, mtime: '2024-08-30T00:00:00.000Z', size: fs.statSync(path.join(inbox, name)).size }));
    const pool = lib.startCheckPool(2, { script, resourceLimits: { maxOldGenerationSizeMb: 64 } })!;
    const first = pool.workers.slice();
    const started = Date.now();
    const results = await lib.checkFiles(files, job, () => undefined, pool);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(results.map((r) => r.file)).toEqual(names);
    const dead = results[2]!.result;
    expect(dead.status).toBe('refused');
    if (dead.status === 'refused') {
      expect(dead.issue).toMatchObject({ code: 'CLI_CHECK_THREAD_DIED', where: { file: '学校3.xlsx' } });
      expect(dead.issue.params.detail).toContain('ERR_WORKER_OUT_OF_MEMORY');
    }
    for (const [i, r] of results.entries()) if (i !== 2) expect(r.result.status).toBe('checked');
    // The dead thread was replaced: the pool is not the one it started with.
    expect(pool.workers.some((w) => !first.includes(w))).toBe(true);
  }, 90_000);
});
