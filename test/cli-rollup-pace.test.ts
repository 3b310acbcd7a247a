/** `taizhang rollup --sort rate --json` on the demo's files: ranks, lights and 逾期 rows in the JSON; 汇总 in rank order; a bad --sort refused. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './helpers/run-cli';
import { readWorkbook } from '../src/xlsx/read/index';

const run = runCli;

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-pace-'));
  expect((await run(['demo', '--out', 'demo', '--as-of', '2024-09-01'], dir)).code).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('--sort rate: 汇总 lists ranked schools first by place, then the rest; --json carries ranks, lights and 逾期 rows', async () => {
  const result = await run(['rollup', 'demo/第2期/各校报送', '--roster', 'demo/学校名单.txt', '--as-of', '2024-09-01', '--sort', 'rate', '-o', 'rate.xlsx', '--jobs', '1', '--json'], dir);
  const json = JSON.parse(result.out) as {
    schools: { name: string; rank?: number; lights: string[]; lightCounts: Record<string, number> }[];
    overdue: { school: string }[];
    paceRules: unknown;
  };
  expect(json.paceRules).toEqual({ dueSoonDays: 15, notStartedShare: 0.5, lowestCount: 3 });
  const reds = json.schools.reduce((n, s) => n + s.lightCounts['红']!, 0);
  expect(reds).toBeGreaterThan(0);
  expect(json.overdue).toHaveLength(reds);
  const read = readWorkbook(new Uint8Array(fs.readFileSync(path.join(dir, 'rate.xlsx'))));
  if (!read.ok) throw new Error(read.issue.code);
  const matrix = read.workbook.sheets.find((s) => s.name === '汇总')!;
  const header = matrix.cells.find((c) => c.value === '序号')!.row;
  const names = matrix.cells.filter((c) => c.col === 2 && c.row > header && json.schools.some((s) => s.name === c.value)).map((c) => String(c.value));
  expect(names).toHaveLength(json.schools.length);
  const places = names.map((n) => json.schools.find((s) => s.name === n)!.rank ?? Infinity);
  expect(places).toEqual([...places].sort((a, b) => a - b));
}, 120_000);

test('--sort with anything else is a usage error that names the choices', async () => {
  const result = await run(['rollup', 'demo/第2期/各校报送', '--sort', 'best', '-o', 'x.xlsx'], dir);
  expect(result.code).not.toBe(0);
  expect(result.err).toContain('roster');
  expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
});
