/**
 * The page's own code path (src/taskpane/work: what 校验 and 汇总 run in the
 * browser, here in Node) on hostile files: a download cut in half, a zip
 * bomb, a forged size, an XML bomb behind a DOCTYPE, a CSV and a Word document
 * renamed .xlsx, alone and mixed into a batch of good ledgers. Each bad file
 * is refused with its own code at once; it costs the batch nothing but its own
 * row; the bytes the page was given are never changed.
 */
import { createHash } from 'node:crypto';
import { describeIssue } from '../src/core/issues';
import { validateFile } from '../src/taskpane/work/validate';
import { rollUpFiles } from '../src/taskpane/work/rollup';
import type { PickedFile } from '../src/taskpane/work/plan';
import { readWorkbook } from '../src/xlsx/read';
import { DETAIL_SHEET_NAME } from '../src/core/summary/build-summary';
import { fillLedger, type RowValues } from './helpers/fill-ledger';
import { hostileSubmissions, type HostileFile } from './helpers/hostile-files';
import { AS_OF, seedPlan, withChanges } from './helpers/validate-fixture';

// The page bundles the seed plan as text (webpack asset/source); jest reads the file.
jest.mock('../seeds/yizheng-2024-party-building-plan.txt', () => ({
  __esModule: true,
  default: require('node:fs').readFileSync(require('node:path').join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8'),
}));

/** Generous for a loaded 2-core machine: a refusal is milliseconds, reading a bomb would be minutes. */
const REFUSAL_MS = 2000;
const BATCH_MS = 20_000;

const SCHOOLS = ['仪征市实验小学', '仪征市新城中学', '仪征市真州中学', '仪征市第二中学', '仪征市城南小学'];
let good: PickedFile[];
let hostile: HostileFile[];

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const hashes = (files: readonly PickedFile[]): string[] => files.map((f) => sha256(f.bytes));

beforeAll(async () => {
  good = [];
  for (const [i, unit] of SCHOOLS.entries()) {
    // Not all alike: one school left an owner out, one set a task to 未开始.
    const tasks: Record<string, RowValues> = i === 1 ? { P1T2: { owner: null } } : i === 2 ? { P2T6: { status: '未开始' } } : {};
    good.push({ name: `${unit}.xlsx`, bytes: await fillLedger(seedPlan, withChanges({ info: { unit }, tasks })), lastModified: Date.UTC(2024, 7, 1 + i) });
  }
  hostile = hostileSubmissions(good[0]!.bytes);
});

describe('校验 (validateFile)', () => {
  test.each(['下载中断.xlsx', '压缩炸弹.xlsx', '伪造大小.xlsx', 'XML炸弹.xlsx', '名单.xlsx', '通知.xlsx'])('refuses %s with its code, at once, leaving its bytes as they were', async (name) => {
    const file = hostile.find((h) => h.name === name)!;
    const before = sha256(file.bytes);
    const started = performance.now();
    const result = await validateFile(undefined, file, AS_OF);
    expect(performance.now() - started).toBeLessThan(REFUSAL_MS);
    if (!result.ok || result.status !== 'refused') throw new Error(`${name}: not refused`);
    expect(result.issue).toMatchObject({ code: file.code, severity: 'error', where: { file: name } });
    // The clerk reads a whole Chinese sentence naming the file, every placeholder filled.
    expect(describeIssue(result.issue)).toContain(name);
    expect(describeIssue(result.issue)).not.toMatch(/\{\w+\}/);
    expect(sha256(file.bytes)).toBe(before);
  });

  test('the good ledger the hostile ones were made from is checked, not refused', async () => {
    await expect(validateFile(undefined, good[0]!, AS_OF)).resolves.toMatchObject({ ok: true, status: 'checked' });
  });
});

describe('汇总 (rollUpFiles) of good ledgers with every hostile file among them', () => {
  test('each bad file is one refusal with its code; every good one is in the summary as if the bad ones were not there', async () => {
    // Bad files between the good ones, not after them: none may disturb the files that follow it.
    const batch: PickedFile[] = good.flatMap((g, i) => [g, ...hostile.slice(i * 2, i * 2 + 2)]);
    expect(batch).toHaveLength(good.length + hostile.length);
    const before = hashes(batch);
    const progress: number[] = [];
    const started = performance.now();
    const ran = await rollUpFiles(undefined, batch, undefined, AS_OF, (done) => progress.push(done));
    expect(performance.now() - started).toBeLessThan(BATCH_MS);
    const alone = await rollUpFiles(undefined, good, undefined, AS_OF, () => undefined);
    if (!ran.ok || !alone.ok) throw new Error('plan errors');
    const { rollup } = ran;

    // The accounting balances and counts every file.
    expect(rollup.accounting).toMatchObject({ filesFound: batch.length, filesRead: good.length, filesRefused: hostile.length, balanced: true });
    expect(Object.fromEntries(rollup.accounting.refusals.map((r) => [r.file, r.code]))).toEqual(Object.fromEntries(hostile.map((h) => [h.name, h.code])));
    // Told before the first file and at the end; in between, once per 50 ms slice, in order.
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(batch.length);
    expect(progress.every((done, k) => k === 0 || done > progress[k - 1]!)).toBe(true);

    // Every good school is in, exactly as in a roll-up of the good files alone.
    const bad = new Set(hostile.map((h) => h.name));
    expect(rollup.schools.filter((s) => s.status === '已报送').map((s) => s.name).sort()).toEqual([...SCHOOLS].sort());
    expect(rollup.schools.filter((s) => s.status !== '无法读取')).toEqual(alone.rollup.schools);
    expect(rollup.details).toEqual(alone.rollup.details);
    expect(rollup.taskStats).toEqual(alone.rollup.taskStats);
    expect(rollup.overall).toEqual(alone.rollup.overall);
    // A bad file's only traces: its own 无法读取 row, and one problem naming its code.
    expect(rollup.schools.filter((s) => s.status === '无法读取').flatMap((s) => s.files.map((f) => f.file)).sort()).toEqual([...bad].sort());
    expect(rollup.problems.filter((p) => !bad.has(p.file))).toEqual(alone.rollup.problems);
    expect(rollup.problems.filter((p) => bad.has(p.file)).map((p) => `${p.file} ${p.code}`).sort()).toEqual(hostile.map((h) => `${h.name} ${h.code}`).sort());

    // The summary the page downloads: its 明细 cell for cell that of the good files alone.
    const detailOf = async (run: typeof ran) => {
      const read = readWorkbook(await run.renderSummary());
      if (!read.ok) throw new Error(read.issue.code);
      return read.workbook.sheets.find((s) => s.name === DETAIL_SHEET_NAME)!.cells.map((c) => `${c.address}=${String(c.value)}`);
    };
    const detail = await detailOf(ran);
    expect(detail.length).toBeGreaterThan(alone.rollup.details.length * 10);
    expect(detail).toEqual(await detailOf(alone));

    // Nothing the page was given has changed.
    expect(hashes(batch)).toEqual(before);
  });
});
