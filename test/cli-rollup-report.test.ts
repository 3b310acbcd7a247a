/**
 * `taizhang rollup --report 通报.docx`: the 通报 draft written beside the summary from the same roll-up,
 * naming the school that sent nothing and the lowest-ranked one; refused when it would replace an input.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './helpers/run-cli';

const run = runCli;

/** The text of a .docx's document part, read by Python's zipfile (not our reader). */
function documentText(file: string): string {
  const xml = execFileSync('/usr/bin/python3', ['-c', 'import sys,zipfile;sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode("utf-8"))', file], { encoding: 'utf8' });
  return xml.replace(/<[^>]+>/g, '');
}

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-report-'));
  expect((await run(['demo', '--out', 'demo', '--as-of', '2024-09-01'], dir)).code).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('--report writes the draft from the same figures as the summary', async () => {
  const result = await run(['rollup', 'demo/第2期/各校报送', '--roster', 'demo/学校名单.txt', '--as-of', '2024-09-01', '-o', 'out/汇总.xlsx', '--report', 'out/通报.docx', '--jobs', '1', '--json'], dir);
  const json = JSON.parse(result.out) as { schools: { name: string; status: string; rank?: number }[] };
  expect(fs.existsSync(path.join(dir, 'out', '汇总.xlsx'))).toBe(true);
  const text = documentText(path.join(dir, 'out', '通报.docx'));
  const missing = json.schools.filter((s) => s.status === '未报送').map((s) => s.name);
  expect(missing).toEqual(['仪征市月塘小学']);
  for (const name of missing) expect(text).toContain(name);
  const ranked = json.schools.filter((s) => s.rank !== undefined);
  const lowest = ranked.reduce((a, b) => (b.rank! > a.rank! ? b : a));
  expect(text).toContain(lowest.name);
  expect(text).toContain('落实情况的通报');
  expect(text).toContain('【请填写');
});

test('--report onto an input is refused before any work', async () => {
  const result = await run(['rollup', 'demo/第2期/各校报送', '--roster', 'demo/学校名单.txt', '-o', 'out2/汇总.xlsx', '--report', 'demo/学校名单.txt', '--jobs', '1'], dir);
  expect(result.code).toBe(2);
  expect(result.err).toMatch(/FAULT_OUTPUT_IS_INPUT|FAULT_OUTPUT_IN_INPUT_FOLDER/);
  expect(fs.existsSync(path.join(dir, 'out2', '汇总.xlsx'))).toBe(false);
});

test('--report onto the summary itself is a usage fault, not a clash with itself', async () => {
  const result = await run(['rollup', 'demo/第2期/各校报送', '-o', 'out3/x.xlsx', '--report', 'out3/x.xlsx', '--jobs', '1'], dir);
  expect(result.code).toBe(2);
  expect(result.err).toContain('FAULT_USAGE');
  expect(result.err).toContain('--report 和 -o 指向了同一个文件');
  expect(fs.existsSync(path.join(dir, 'out3', 'x.xlsx'))).toBe(false);
});
