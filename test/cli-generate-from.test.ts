/** `taizhang generate --from 上期报送.xlsx`: the carried ledger is written beside, never onto, the previous file; counts in Chinese. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fillLedger } from './helpers/fill-ledger';
import { runCli } from './helpers/run-cli';
import { SEED_PLAN_FILE } from './helpers/seed-plan';
import { goodFill, seedPlan } from './helpers/validate-fixture';
import { readWorkbook } from '../src/xlsx/read/index';

const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const OUT = `${seedPlan.title}-仪征市实验小学-台账.xlsx`;

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-carry-cli-'));
  fs.writeFileSync(path.join(dir, '上期报送.xlsx'), await fillLedger(seedPlan, goodFill()));
  // Next year's plan: one task renamed, so its row cannot be carried.
  const next = fs.readFileSync(SEED_PLAN_FILE, 'utf8').replace('在教育系统内大兴调查研究', '在教育系统内深入开展调查研究');
  fs.writeFileSync(path.join(dir, '新要点.txt'), next);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('same plan: named for the school, everything carried, the previous file untouched', async () => {
  const before = sha(path.join(dir, '上期报送.xlsx'));
  const run = await runCli(['generate', '--from', '上期报送.xlsx'], dir);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  expect(run.out).toContain(`生成本期台账：${OUT}`);
  expect(run.out).toContain('带入上期所填内容：14 项任务，另有插入的 9 行；上期所填内容已全部带入');
  expect(sha(path.join(dir, '上期报送.xlsx'))).toBe(before);
  expect(readWorkbook(new Uint8Array(fs.readFileSync(path.join(dir, OUT))), { fileName: OUT }).ok).toBe(true);
});

test('carrying the carried file again steps aside from its name instead of replacing it', async () => {
  const before = sha(path.join(dir, OUT));
  const run = await runCli(['generate', '--from', OUT], dir);
  expect(run.code).toBe(0);
  expect(run.out).toContain(`生成本期台账：${OUT.replace('.xlsx', '-本期.xlsx')}`);
  expect(sha(path.join(dir, OUT))).toBe(before);
  const onto = await runCli(['generate', '--from', OUT, '-o', OUT], dir);
  expect(onto.code).toBe(2);
  expect(onto.err).toContain('FAULT_OUTPUT_IS_INPUT');
  expect(sha(path.join(dir, OUT))).toBe(before);
});

test('changed plan: the renamed task is listed, the rest carried, exit 1', async () => {
  const run = await runCli(['generate', '新要点.txt', '--from', '上期报送.xlsx', '-o', '本期.xlsx'], dir);
  expect(run.code).toBe(1);
  expect(run.err).toContain('CARRY_OTHER_PLAN');
  expect(run.err).toMatch(/CARRY_TASK_GONE.*在教育系统内大兴调查研究/);
  expect(run.out).toContain('带入上期所填内容：13 项任务');
  expect(run.out).toContain('1 处未能带入，请在本期台账中补填');
  expect(fs.existsSync(path.join(dir, '本期.xlsx'))).toBe(true);
});

test('a file that is no ledger: refused, nothing written', async () => {
  fs.writeFileSync(path.join(dir, 'notes.txt'), '不是台账');
  const run = await runCli(['generate', '--from', 'notes.txt', '-o', 'x.xlsx'], dir);
  expect(run.code).toBe(1);
  expect(run.err).toContain('未生成本期台账');
  expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
});
