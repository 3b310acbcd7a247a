/**
 * The page's 汇总 with a 上期汇总 file (rollUpFiles, as the browser controller
 * calls it): round 2 carries 本期变化 and the 通报 says what changed; a 上期
 * file that is not our summary is refused before any school file is checked.
 */
import { execFileSync } from 'node:child_process';
import { rollUpFiles } from '../src/taskpane/work/rollup';
import type { PickedFile } from '../src/taskpane/work/plan';
import { fillLedger } from './helpers/fill-ledger';
import { seedPlan, withChanges } from './helpers/validate-fixture';

jest.mock('../seeds/yizheng-2024-party-building-plan.txt', () => ({
  __esModule: true,
  default: require('node:fs').readFileSync(require('node:path').join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8'),
}));

const SCHOOLS = ['仪征市实验小学', '仪征市新城中学'];
let files: PickedFile[];
beforeAll(async () => {
  files = [];
  for (const unit of SCHOOLS) files.push({ name: `${unit}.xlsx`, bytes: await fillLedger(seedPlan, withChanges({ info: { unit } })) });
});

test('round 2 with the page’s 上期汇总: 本期变化 in the summary, 与上期相比 in the 通报', async () => {
  const first = await rollUpFiles(undefined, files, undefined, '2024-03-01', () => undefined);
  if (!first.ok) throw new Error('round 1 refused');
  const previous = { name: '上期汇总.xlsx', bytes: await first.renderSummary() };
  const progress: number[] = [];
  const second = await rollUpFiles(undefined, files, undefined, '2024-12-31', (done) => progress.push(done), undefined, previous);
  if (!second.ok) throw new Error('round 2 refused');
  expect(second.rounds.changes?.previous).toMatchObject({ label: '2024年3月', asOf: '2024-03-01' });
  expect(second.summarySpec().sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['本期变化', '进度趋势']));
  const docx = (await second.report()).bytes;
  const xml = execFileSync('/usr/bin/python3', ['-c', 'import sys,zipfile,io;sys.stdout.write(zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())).read("word/document.xml").decode("utf-8"))'], { input: docx, encoding: 'utf8' });
  expect(xml.replace(/<[^>]+>/g, '')).toContain('与上期（2024年3月，截至2024年3月1日）相比');
});

test('a 上期 file that is a school ledger is refused with its code before any file is checked', async () => {
  const progress: number[] = [];
  const ran = await rollUpFiles(undefined, files, undefined, '2024-12-31', (done) => progress.push(done), undefined, files[0]);
  expect(ran).toMatchObject({ ok: false, issues: [{ code: 'ROUND_PREVIOUS_NOT_SUMMARY', where: { file: files[0]!.name } }] });
  expect(progress).toEqual([]);
});
