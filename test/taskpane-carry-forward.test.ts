/** The file page's 用上期台账生成本期台账: the same carried ledger and the same counts as `generate --from`. */
import { carryForwardLedger } from '../src/app/carry-forward-ledger';
import { FileController, type FileView } from '../src/taskpane/browser/controller';
import type { PaneInputs } from '../src/taskpane/pane-inputs';
import * as work from '../src/taskpane/work/index';
import { fillLedger } from './helpers/fill-ledger';
import { AS_OF, goodFill, seedPlan } from './helpers/validate-fixture';

jest.mock('../seeds/yizheng-2024-party-building-plan.txt', () => ({
  __esModule: true,
  default: require('node:fs').readFileSync(require('node:path').join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8'),
}));

/** Runs 生成台账 with `previous` picked; returns what reached the view, by method. */
async function generateWith(previous: { name: string; bytes: Uint8Array }): Promise<Record<string, unknown[][]>> {
  const calls: Record<string, unknown[][]> = {};
  const view = new Proxy({} as FileView, { get: (_t, name: string) => (...args: unknown[]) => void (calls[name] ??= []).push(args) });
  const none = () => Promise.reject(new Error('not used'));
  const inputs: PaneInputs = { plan: async () => undefined, unit: () => '', asOf: () => AS_OF, submission: none, schoolFiles: none, roster: async () => undefined, previousLedger: async () => previous };
  await new FileController(async () => work, inputs, view).generate();
  return calls;
}

test('offers the carried ledger, named for the school, with what was carried in the headline', async () => {
  const previous = { name: '上期报送.xlsx', bytes: await fillLedger(seedPlan, goodFill()) };
  const calls = await generateWith(previous);
  const [[made]] = calls.generated as [[{ headline: string; file: { fileName: string; bytes: Uint8Array }; planIssues: unknown[] }]];
  const cli = await carryForwardLedger(seedPlan, previous);
  if (!cli.ok) throw new Error(cli.issue.code);
  expect(made.file.fileName).toBe(cli.ledger.fileName);
  expect(made.file.bytes).toEqual(cli.ledger.bytes);
  expect(made.headline).toBe(
    `已用上期台账“上期报送.xlsx”生成本期台账：${seedPlan.title}-仪征市实验小学-台账.xlsx（4 个大项，14 项任务）。` +
      '带入上期所填内容：14 项任务，另有插入的 9 行；上期所填内容已全部带入。填报日期已清空，请只修改本期有变化的内容。',
  );
});

test('a previous file that is no ledger: said so, no ledger offered', async () => {
  const calls = await generateWith({ name: '通知.txt', bytes: new TextEncoder().encode('不是台账') });
  expect(calls.generated).toBeUndefined();
  const [[view]] = calls.checked as [[{ headline: string; issues: { code: string }[] }]];
  expect(view.headline).toBe('上期台账“通知.txt”无法读取，未生成本期台账。');
  expect(view.issues).toHaveLength(1);
});
