/**
 * The page's 本期名称 and 重新报送截止日期 (browser mode's controller with the real work chunk, as
 * taskpane-feedback.test.ts runs it): the name reaches the summary's title, the date reaches every
 * school's message and the 反馈清单; a date before the as-of date is refused before any file is
 * read, in words that name the page's control, never a command-line option.
 */
import { execFileSync } from 'node:child_process';
import { FileController, type FileView } from '../src/taskpane/browser/controller';
import type { PageFeedback } from '../src/taskpane/work/feedback';
import type { PaneInputs } from '../src/taskpane/pane-inputs';
import * as work from '../src/taskpane/work/index';
import { useMessageVariants } from '../src/core/issues';
import { PAGE_MESSAGES_ZH_CN } from '../src/core/messages.page.zh-CN';
import { rollupScenario, type RollupScenario } from './helpers/e2e-rollup';
import { PYTHON } from './helpers/openpyxl';
import { AS_OF, seedPlan } from './helpers/validate-fixture';

jest.mock('../seeds/yizheng-2024-party-building-plan.txt', () => ({
  __esModule: true,
  default: require('node:fs').readFileSync(require('node:path').join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8'),
}));

let scenario: RollupScenario;
beforeAll(async () => {
  scenario = await rollupScenario();
  useMessageVariants(PAGE_MESSAGES_ZH_CN);
});
afterAll(() => useMessageVariants({}));

/** Every text of an .xlsx's (or a zip member .xlsx's) XML, tags dropped. */
function xlsxText(bytes: Uint8Array, member?: string): string {
  const script = [
    'import sys, io, zipfile, re',
    'z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))',
    `m = ${JSON.stringify(member ?? '')}`,
    'if m: z = zipfile.ZipFile(io.BytesIO(z.read(m)))',
    'sys.stdout.write("".join(re.sub(r"<[^>]+>", "", z.read(n).decode("utf-8")) for n in z.namelist() if n.endswith(".xml")))',
  ].join('\n');
  return execFileSync(PYTHON, ['-c', script], { input: Buffer.from(bytes), encoding: 'utf8' });
}

function pane(given: { round?: string; resubmitBy?: string }) {
  const state = { resubmitBy: given.resubmitBy ?? '', filesRead: 0 };
  const summaries: Uint8Array[] = [];
  const feedbacks: PageFeedback[] = [];
  const none = () => undefined;
  const view: FileView = {
    progress: none, planProblems: none, outline: none, generated: none, checked: none, annotated: none, rolledUp: none, reportReady: none,
    summaryReady: (_v, file) => void summaries.push(file.bytes),
    feedbackReady: (f) => void feedbacks.push(f),
  };
  const inputs: PaneInputs = {
    plan: async () => undefined, unit: () => '', asOf: () => AS_OF,
    submission: () => Promise.reject(new Error('not picked in this test')),
    schoolFiles: async () => (state.filesRead++, scenario.files),
    roster: async () => ({ name: '名单.txt', bytes: new TextEncoder().encode(scenario.roster) }),
    roundLabel: () => given.round ?? '',
    resubmitBy: () => state.resubmitBy,
  };
  return { controller: new FileController(async () => work, inputs, view), state, summaries, feedbacks };
}

test('本期名称 is the summary’s title; 重新报送截止日期 is in every message, the 催报 and the 反馈清单', async () => {
  const { controller, summaries, feedbacks } = pane({ round: ' 2024年第三季度 ', resubmitBy: '2024-09-10' });
  await controller.rollUp();
  const summary = xlsxText(summaries[0]!);
  expect(summary).toContain(`${seedPlan.title} 汇总（2024年第三季度）`);
  expect(summary).not.toContain('汇总（2024年9月）');
  await controller.feedback();
  const fed = feedbacks[0]!;
  expect(fed.messages.length).toBeGreaterThan(0);
  for (const m of fed.messages) expect(m.text).toContain('请于9月10日前');
  expect(fed.messages.map((m) => m.text).join('')).not.toContain('请尽快');
  expect(fed.chase).toContain('请于9月10日前');
  expect(xlsxText(fed.file.bytes, '反馈清单.xlsx')).toContain('新城中学-校验标注.xlsx9月10日前'); // 重新报送期限, after the copy's name
});

test('left blank: the title has the month of the as-of date and the messages say 请尽快', async () => {
  const { controller, summaries, feedbacks } = pane({});
  await controller.rollUp();
  expect(xlsxText(summaries[0]!)).toContain(`${seedPlan.title} 汇总（2024年9月）`);
  await controller.feedback();
  for (const m of feedbacks[0]!.messages) expect(m.text).toContain('请尽快');
});

test('the date as it is when 下载各校反馈 is clicked is the one written', async () => {
  const { controller, state, feedbacks } = pane({});
  await controller.rollUp();
  state.resubmitBy = '2024-10-08';
  await controller.feedback();
  expect(feedbacks[0]!.messages[0]!.text).toContain('请于10月8日前');
});

test('a deadline before the as-of date is refused before any school file is read, naming the page’s controls', async () => {
  const { controller, state, summaries } = pane({ resubmitBy: '2024-08-31' });
  const refused = controller.rollUp();
  await expect(refused).rejects.toMatchObject({ code: 'FAULT_RESUBMIT_BEFORE_AS_OF' });
  const message = await refused.catch((e: Error) => e.message);
  expect(message).toContain('重新报送截止日期（2024年8月31日）早于判断逾期的日期（2024年9月1日）');
  expect(message).not.toMatch(/--[a-z]/);
  expect(state.filesRead).toBe(0);
  expect(summaries).toEqual([]);
});

test('changed to a past day after the roll-up, 下载各校反馈 is refused and nothing is offered', async () => {
  const { controller, state, feedbacks } = pane({});
  await controller.rollUp();
  state.resubmitBy = '2024-01-05';
  await expect(controller.feedback()).rejects.toMatchObject({ code: 'FAULT_RESUBMIT_BEFORE_AS_OF' });
  state.resubmitBy = '2024-02-30';
  await expect(controller.feedback()).rejects.toMatchObject({ code: 'FAULT_RESUBMIT_INVALID' });
  expect(feedbacks).toEqual([]);
  state.resubmitBy = AS_OF; // the as-of day itself is a deadline
  await controller.feedback();
  expect(feedbacks[0]!.messages[0]!.text).toContain('请于9月1日前');
});
