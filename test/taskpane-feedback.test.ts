/**
 * 下载各校反馈 in the page (browser mode's controller with the real work chunk): after a roll-up, one
 * .zip with the annotated copy of the school with problems (none for the clean one), 反馈清单 and the
 * message files, and each school's message handed to the view to show and copy.
 */
import { execFileSync } from 'node:child_process';
import { FileController, type FileView } from '../src/taskpane/browser/controller';
import type { PageFeedback } from '../src/taskpane/work/feedback';
import type { PaneInputs } from '../src/taskpane/pane-inputs';
import * as work from '../src/taskpane/work/index';
import { rollupScenario } from './helpers/e2e-rollup';
import { PYTHON } from './helpers/openpyxl';
import { AS_OF, seedPlan } from './helpers/validate-fixture';

jest.mock('../seeds/yizheng-2024-party-building-plan.txt', () => ({
  __esModule: true,
  default: require('node:fs').readFileSync(require('node:path').join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8'),
}));

test('one button: the .zip of every wrong school’s copy, the list and the messages, and the messages to copy', async () => {
  const scenario = await rollupScenario();
  const shown: PageFeedback[] = [];
  const none = () => undefined;
  const view: FileView = {
    progress: none, planProblems: none, outline: none, generated: none, checked: none, annotated: none, rolledUp: none, summaryReady: none, reportReady: none,
    feedbackReady: (f) => void shown.push(f),
  };
  const noFile = () => Promise.reject(new Error('not picked in this test'));
  const inputs: PaneInputs = {
    plan: async () => undefined, unit: () => '', asOf: () => AS_OF, submission: noFile,
    schoolFiles: async () => scenario.files, roster: async () => ({ name: '名单.txt', bytes: new TextEncoder().encode(scenario.roster) }),
  };
  const controller = new FileController(async () => work, inputs, view);
  await controller.feedback();
  expect(shown).toEqual([]); // nothing to feed back before a roll-up
  await controller.rollUp();
  await controller.feedback();
  const [fed] = shown;
  expect(fed!.file.fileName).toBe(`${seedPlan.title}-各校反馈-${AS_OF}.zip`);
  const script = 'import sys, io, json, zipfile\njson.dump(sorted(zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())).namelist()), sys.stdout, ensure_ascii=False)';
  const names = JSON.parse(execFileSync(PYTHON, ['-c', script], { input: Buffer.from(fed!.file.bytes), encoding: 'utf8' })) as string[];
  // 新城中学 left an owner empty; 实验小学 is clean; 真州中学's file is broken; 真州小学 sent nothing.
  expect(names).toEqual(['催报消息.txt', '反馈清单.xlsx', '各校反馈消息.txt', '新城中学-校验标注.xlsx'].sort());
  expect(fed!.messages.map((m) => m.school)).toEqual(scenario.expected.schools.filter((s) => s.name !== '仪征市实验小学' && s.status !== '未报送').map((s) => s.name));
  expect(fed!.messages.find((m) => m.school === '仪征市新城中学')!.text).toMatch(/^仪征市新城中学：请尽快修改后重新报送。1\. 一、加强政治建设 F4 责任人未填/);
  expect(fed!.chase).toContain('仪征市真州小学');
});
