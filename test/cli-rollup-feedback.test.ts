/**
 * `taizhang rollup --feedback 反馈/ --resubmit-by …` on the demo's batch (a clean school, one with errors, a
 * duplicate, a LibreOffice-saved one, a broken file, and a roster school that sent nothing): the annotated
 * copy only for the school with problems, 反馈清单.xlsx and the two message files, inputs untouched; a
 * feedback folder among the inputs, or an existing file, is refused before any work.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readWorkbook } from '../src/xlsx/read/index';
import { runCli } from './helpers/run-cli';

let dir: string;
const BATCH = 'demo/第2期/各校报送';
const hashes = (): Record<string, string> =>
  Object.fromEntries(fs.readdirSync(path.join(dir, BATCH)).sort().map((f) => [f, createHash('sha256').update(fs.readFileSync(path.join(dir, BATCH, f))).digest('hex')]));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-feedback-cli-'));
  expect((await runCli(['demo', '--out', 'demo', '--as-of', '2024-09-01'], dir)).code).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const base = [BATCH, '--roster', 'demo/学校名单.txt', '--as-of', '2024-09-01', '--jobs', '1'];

test('one command writes every wrong school its annotated copy, the list and the messages, into a new folder', async () => {
  const before = hashes();
  const result = await runCli(['rollup', ...base, '-o', 'out/汇总.xlsx', '--feedback', 'out/反馈/第一轮', '--resubmit-by', '2024-09-10', '--json'], dir);
  expect(result.code).toBe(1);
  const json = JSON.parse(result.out) as { feedback: { files: string[]; copies: number; messages: { school: string; text: string }[]; chase: string } };
  const folder = path.join(dir, 'out', '反馈', '第一轮');
  expect(fs.readdirSync(folder).sort()).toEqual(['仪征市第二中学-校验标注.xlsx', '催报消息.txt', '反馈清单.xlsx', '各校反馈消息.txt'].sort());
  expect(json.feedback.copies).toBe(1);
  expect(json.feedback.messages.map((m) => m.school).sort()).toEqual(['仪征市第二中学', '城东小学'].sort());
  const text = fs.readFileSync(path.join(folder, '各校反馈消息.txt'), 'utf8');
  expect(text.startsWith('\uFEFF仪征市第二中学：请于9月10日前修改后重新报送。1. ')).toBe(true);
  expect(text).toContain('一、加强政治建设 F3 责任人未填');
  expect(text.split('\r\n').join('')).not.toContain('\n');
  expect(fs.readFileSync(path.join(folder, '催报消息.txt'), 'utf8')).toContain('仪征市月塘小学');
  // The copy has the 校验结果 sheet in front, as `validate -o` makes it.
  const copy = readWorkbook(fs.readFileSync(path.join(folder, '仪征市第二中学-校验标注.xlsx')), { fileName: 'copy.xlsx' });
  expect(copy.ok && copy.workbook.sheets[0]!.name).toBe('校验结果');
  expect(hashes()).toEqual(before);
}, 60_000);

test.each([
  ['the input folder itself', BATCH],
  ['a folder inside it', `${BATCH}/反馈`],
])('--feedback onto %s is refused before any work, nothing written', async (_what, feedback) => {
  const before = hashes();
  const result = await runCli(['rollup', ...base, '-o', 'out2/汇总.xlsx', '--feedback', feedback], dir);
  expect(result.code).toBe(2);
  expect(result.err).toContain('FAULT_FEEDBACK_IN_INPUT_FOLDER');
  expect(fs.existsSync(path.join(dir, 'out2', '汇总.xlsx'))).toBe(false);
  expect(fs.existsSync(path.join(dir, BATCH, '反馈'))).toBe(false);
  expect(hashes()).toEqual(before);
});

test('--feedback onto an existing file, --resubmit-by alone or before the as-of day: refused, nothing written', async () => {
  const asFile = await runCli(['rollup', ...base, '-o', 'out3/汇总.xlsx', '--feedback', 'demo/学校名单.txt'], dir);
  expect([asFile.code, asFile.err.includes('FAULT_FEEDBACK_NOT_FOLDER')]).toEqual([2, true]);
  const alone = await runCli(['rollup', ...base, '-o', 'out3/汇总.xlsx', '--resubmit-by', '2024-09-10'], dir);
  expect([alone.code, alone.err.includes('--resubmit-by 要和 --feedback 一起使用')]).toEqual([2, true]);
  const early = await runCli(['rollup', ...base, '-o', 'out3/汇总.xlsx', '--feedback', 'out3/反馈', '--resubmit-by', '2024-08-01'], dir);
  expect([early.code, early.err.includes('FAULT_RESUBMIT_BEFORE_AS_OF')]).toEqual([2, true]);
  const bad = await runCli(['rollup', ...base, '-o', 'out3/汇总.xlsx', '--feedback', 'out3/反馈', '--resubmit-by', '九月十日'], dir);
  expect([bad.code, bad.err.includes('FAULT_RESUBMIT_INVALID')]).toEqual([2, true]);
  expect(fs.existsSync(path.join(dir, 'out3'))).toBe(false);
});
