/**
 * The pane's controller in WPS 表格: the shared host controller over the real ET adapter, against the
 * ET mock, with the real plan and roll-up code and a recording view. Each action reaches the workbook
 * and its result the view; WPS's errors mid-way reach the view with WPS's words and leave the user's
 * workbook as it was; an error thrown past the adapter is shown as WPS's, a fault of ours is not.
 */
import { TaizhangError } from '../src/core/issues';
import * as heavy from '../src/taskpane/wps/heavy';
import { WpsController, type WpsDeps } from '../src/taskpane/wps/controller';
import type { PaneInputs } from '../src/taskpane/pane-inputs';
import { rollupScenario } from './helpers/e2e-rollup';
import { recordingView } from './helpers/recording-view';
import { AS_OF } from './helpers/validate-fixture';
import { wpsMock, type WpsMock } from './helpers/wps-mock';

jest.mock('../seeds/yizheng-2024-party-building-plan.txt', () => ({
  __esModule: true,
  default: require('node:fs').readFileSync(require('node:path').join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8'),
}));

function setUp(mock: WpsMock, deps: WpsDeps = heavy, picked: Partial<PaneInputs> = {}) {
  const { view, shownAs } = recordingView();
  const inputs: PaneInputs = {
    plan: async () => undefined, unit: () => '仪征市实验小学', asOf: () => AS_OF, submission: () => Promise.reject(new Error('no file page in WPS')),
    schoolFiles: async () => [], roster: async () => undefined, ...picked,
  };
  return { controller: new WpsController(deps, mock.app, inputs, view), shownAs };
}

test('生成台账 adds the sheets and says so in WPS’s name; an error mid-way is shown with WPS’s words and the workbook is as it was', async () => {
  const mock = wpsMock([{ name: '我的表' }]);
  const ok = setUp(mock);
  await ok.controller.generate();
  const [made] = ok.shownAs('generated');
  expect(made.headline).toContain(`已在当前工作簿中添加 ${made.sheets.length} 张工作表`);
  expect(mock.names()).toEqual(['我的表', ...made.sheets]);

  const broken = wpsMock([{ name: '我的表' }]);
  broken.failOn('Value2=', 3);
  const failed = setUp(broken);
  await failed.controller.generate();
  expect(failed.shownAs('generated')).toEqual([]);
  const [failure] = failed.shownAs('failure');
  expect(failure.code).toBe('WPS_FAILED');
  expect(failure.message).toContain('模拟的 WPS 错误（Value2= 第 3 次）');
  expect(broken.names()).toEqual(['我的表']);
});

test('校验 then 标出 marks the problems of that check, 清除 puts them back, a picked problem is selected', async () => {
  const mock = wpsMock([{ name: 'Sheet1' }]);
  const t = setUp(mock);
  await t.controller.generate();
  await t.controller.validate();
  const [checked] = t.shownAs('validated');
  expect(checked.markable).toBeGreaterThan(0);
  await t.controller.mark();
  await t.controller.clear();
  const [marked, cleared] = t.shownAs('status');
  expect(marked.text).toContain(`已用橙色标出 ${checked.markable} 个问题单元格（WPS 表格 支持时附批注）`);
  expect(cleared.text).toContain(`已清除 ${checked.markable} 个单元格的标记`);
  const item = checked.groups[0].items.find((i: { cell?: string }) => i.cell);
  await t.controller.select(checked.groups[0].sheet, item.cell);
  expect(mock.world.selected).toEqual({ sheet: checked.groups[0].sheet, address: item.cell });
  expect(t.shownAs('failure')).toEqual([]);
});

test('汇总 writes the summary sheets into the workbook and offers the file; with no workbook open the failure says so and the file is still offered', async () => {
  const scenario = await rollupScenario();
  const files = async () => scenario.files.map((f) => ({ ...f, lastModified: 0 }));
  const mock = wpsMock([{ name: 'Sheet1' }]);
  const t = setUp(mock, heavy, { schoolFiles: files });
  await t.controller.rollUp();
  const [written] = t.shownAs('summaryWritten');
  // The very hidden round record is written last, and not named to the clerk.
  expect(mock.names()).toEqual(['Sheet1', ...written.sheets, '_taizhang_summary']);
  expect(t.shownAs('summaryDownload')).toHaveLength(1);

  const empty = wpsMock([]);
  empty.app.ActiveWorkbook = null;
  const none = setUp(empty, heavy, { schoolFiles: files });
  await none.controller.rollUp();
  expect(none.shownAs('failure').map((f) => f.code)).toEqual(['WPS_NO_WORKBOOK']);
  expect(none.shownAs('summaryDownload')).toHaveLength(1);
});

test('an error thrown past the adapter is shown as WPS’s; a TaizhangError of ours still surfaces as a fault', async () => {
  const throwing = (error: unknown): WpsDeps => ({ ...heavy, generateInWps: () => { throw error; } });
  const t = setUp(wpsMock(), throwing(new Error('COM 对象已断开')));
  await t.controller.generate();
  expect(t.shownAs('failure')).toEqual([expect.objectContaining({ code: 'WPS_ACTION_FAILED', message: expect.stringContaining('COM 对象已断开') })]);
  const ours = setUp(wpsMock(), throwing(new TaizhangError('FAULT_INTERNAL', { detail: 'x' })));
  await expect(ours.controller.generate()).rejects.toBeInstanceOf(TaizhangError);
});
