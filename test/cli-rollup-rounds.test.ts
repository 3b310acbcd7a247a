/**
 * `taizhang rollup --round … --previous 上期汇总.xlsx`: round 2 of the demo's
 * files, a quarter after round 1, carries 本期变化 and 进度趋势 and the 通报 says
 * what changed; a previous file that is not our summary stops the run with its code.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fillLedger } from './helpers/fill-ledger';
import { SEED_FILE } from './helpers/plan-fixtures';
import { runCli } from './helpers/run-cli';
import { goodFill, seedPlan } from './helpers/validate-fixture';

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-rounds-cli-'));
  expect((await runCli(['demo', '--out', 'demo', '--as-of', '2024-06-01'], dir)).code).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sheetNames = (file: string): string[] =>
  JSON.parse(execFileSync('/usr/bin/python3', ['-c', 'import sys,json,openpyxl;print(json.dumps(openpyxl.load_workbook(sys.argv[1]).sheetnames,ensure_ascii=False))', file], { encoding: 'utf8' })) as string[];

const documentText = (file: string): string =>
  execFileSync('/usr/bin/python3', ['-c', 'import sys,zipfile;sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode("utf-8"))', file], { encoding: 'utf8' }).replace(/<[^>]+>/g, '');

test('round 2 against round 1: 本期变化, 进度趋势 and the 通报 paragraph; the previous summary is not changed', async () => {
  const common = ['demo/第2期/各校报送', '--roster', 'demo/学校名单.txt', '--jobs', '1'];
  const first = await runCli(['rollup', ...common, '--as-of', '2024-06-01', '--round', '第一期', '-o', 'r1/汇总.xlsx'], dir);
  expect(first.code).toBeLessThan(2);
  const r1 = path.join(dir, 'r1', '汇总.xlsx');
  expect(sheetNames(r1)).not.toContain('本期变化');
  const before = fs.readFileSync(r1);
  const second = await runCli(['rollup', ...common, '--as-of', '2024-12-31', '--round', '第二期', '--previous', 'r1/汇总.xlsx', '-o', 'r2/汇总.xlsx', '--report', 'r2/通报.docx'], dir);
  expect(second.code).toBeLessThan(2);
  expect(second.out).toMatch(/本期：第二期（截至 2024-12-31）；与上期（第一期）相比总体完成率(提高|下降) \d+\.\d 个百分点|持平/);
  const json = await runCli(['rollup', ...common, '--as-of', '2024-12-31', '--previous', 'r1/汇总.xlsx', '-o', 'r3/汇总.xlsx', '--json'], dir);
  const round = (JSON.parse(json.out) as { round: { label: string; sinceLast: { previous: { label: string }; tasks: unknown[] } } }).round;
  expect([round.label, round.sinceLast.previous.label]).toEqual(['2024年12月', '第一期']);
  expect(fs.readFileSync(r1).equals(before)).toBe(true);
  const names = sheetNames(path.join(dir, 'r2', '汇总.xlsx'));
  expect(names).toEqual(expect.arrayContaining(['本期变化', '进度趋势']));
  expect(documentText(path.join(dir, 'r2', '通报.docx'))).toContain('与上期（第一期，截至2024年6月1日）相比');
  // The previous summary is an input: -o onto it is refused before any work.
  const onto = await runCli(['rollup', ...common, '--previous', 'r1/汇总.xlsx', '-o', 'r1/汇总.xlsx'], dir);
  expect(onto.code).toBe(2);
  expect(onto.err).toContain('FAULT_OUTPUT_IS_INPUT');
  expect(fs.readFileSync(r1).equals(before)).toBe(true);
}, 120_000);

test('a previous file that is a school ledger, or not a workbook at all, stops the run with its code and writes nothing', async () => {
  const ledger = fs.readdirSync(path.join(dir, 'demo', '第2期', '各校报送')).find((f) => f.endsWith('.xlsx'))!;
  const asLedger = await runCli(['rollup', 'demo/第2期/各校报送', '--previous', `demo/第2期/各校报送/${ledger}`, '-o', 'x1/汇总.xlsx', '--jobs', '1'], dir);
  expect(asLedger.code).toBe(2);
  expect(asLedger.err).toContain('ROUND_PREVIOUS_NOT_SUMMARY');
  const asText = await runCli(['rollup', 'demo/第2期/各校报送', '--previous', 'demo/学校名单.txt', '-o', 'x2/汇总.xlsx', '--jobs', '1'], dir);
  expect(asText.code).toBe(2);
  expect(asText.err).toContain('ROUND_PREVIOUS_UNREADABLE');
  expect(fs.existsSync(path.join(dir, 'x1'))).toBe(false);
  expect(fs.existsSync(path.join(dir, 'x2'))).toBe(false);
}, 60_000);

test('through the CLI (its 明细 rows spooled to a temporary file), a changed 完成情况 is found and shown with its new text', async () => {
  // Round 1 and round 2 of one school: P1T1's 完成情况 rewritten, everything else the same.
  const round1 = goodFill();
  const round2 = goodFill();
  round2.tasks!.P1T1 = { ...round2.tasks!.P1T1, progress: '第二期：整改全部完成，已形成长效机制。' };
  for (const [folder, fill] of [['p1', round1], ['p2', round2]] as const) {
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
    fs.writeFileSync(path.join(dir, folder, '实验小学.xlsx'), await fillLedger(seedPlan, fill));
  }
  const plan = ['--plan', SEED_FILE, '--jobs', '1'];
  expect((await runCli(['rollup', 'p1', ...plan, '--as-of', '2024-09-01', '-o', 'p1-汇总.xlsx'], dir)).code).toBeLessThan(2);
  const second = await runCli(['rollup', 'p2', ...plan, '--as-of', '2024-12-01', '--previous', 'p1-汇总.xlsx', '-o', 'p2-汇总.xlsx', '--json'], dir);
  expect(second.code).toBeLessThan(2);
  const tasks = (JSON.parse(second.out) as { round: { sinceLast: { tasks: { taskId: string; kind: string }[] } } }).round.sinceLast.tasks;
  expect(tasks.filter((t) => t.kind === '完成情况有更新').map((t) => t.taskId)).toEqual(['P1T1']);
  const shown = execFileSync('/usr/bin/python3', ['-c', 'import sys,openpyxl;ws=openpyxl.load_workbook(sys.argv[1])["本期变化"];print("\\n".join(str(c.value) for r in ws.iter_rows() for c in r if c.value))', path.join(dir, 'p2-汇总.xlsx')], { encoding: 'utf8' });
  expect(shown).toContain('第二期：整改全部完成，已形成长效机制。');
}, 120_000);
