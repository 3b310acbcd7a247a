/**
 * End to end in a real browser: the production build of the page (dist/),
 * served from 127.0.0.1 like any static intranet server, driven in Debian's
 * Chromium through playwright-core. A clerk's three jobs on files, with the
 * downloads read back and compared with what the CLI's code makes for the same
 * inputs; a broken upload; the IE11 fallback; and proof that no request left
 * the page's own origin. Screenshots go to .tmp/screenshots/ (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { chromium, type BrowserContext, type Download, type Page } from 'playwright-core';
import { indexTemplate } from '../src/core/ledger/template-index';
import { messageFor } from '../src/core/issues';
import { ACCOUNTING_SHEET_NAME, accountingLines, buildSummarySpec, DETAIL_SHEET_NAME } from '../src/core/summary/build-summary';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { readWorkbook } from '../src/xlsx/read/index';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { checkSubmission } from '../src/app/check-submission';
import { DIST, ensureDist, ROOT } from './helpers/build-dist';
import { fillLedger, loadWorkbook } from './helpers/fill-ledger';
import { serveDirectory, type StaticServer } from './helpers/static-server';
import { AS_OF, SHEET, seedPlan, withChanges } from './helpers/validate-fixture';
import { rollupScenario } from './helpers/e2e-rollup';

const CHROMIUM = '/usr/bin/chromium';
// Every run saves its screenshots; UPDATE_SCREENSHOTS=1 saves them over the README's copies in docs/screenshots
// (otherwise a plain `npm test` would leave the working tree changed).
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : path.join(ROOT, '.tmp', 'screenshots');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'];

let server: StaticServer;
let context: BrowserContext;
let page: Page;
let work: string;
const requests: string[] = [];
const pageErrors: string[] = [];
const firstLoad: Promise<number>[] = [];

function snapshotCells(bytes: Uint8Array) {
  const read = readWorkbook(bytes, { fileName: 'x.xlsx' });
  if (!read.ok) throw new Error(`unreadable: ${read.issue.code}`);
  return read.workbook.sheets.map((s) => ({ name: s.name, state: s.state, cells: s.cells.map((c) => `${c.address}=${String(c.value)}`) }));
}

async function downloadOf(action: () => Promise<unknown>): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const saved = path.join(work, (download as Download).suggestedFilename());
  await (download as Download).saveAs(saved);
  return { name: (download as Download).suggestedFilename(), bytes: new Uint8Array(fs.readFileSync(saved)) };
}

async function shot(name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  expect(fs.existsSync(CHROMIUM)).toBe(true);
  ensureDist();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-e2e-'));
  server = await serveDirectory(DIST);
  context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    acceptDownloads: true,
    viewport: { width: 460, height: 860 },
    locale: 'zh-CN',
  });
  context.on('request', (request) => requests.push(request.url()));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('response', (response) => firstLoad.push(response.body().then((b) => zlib.gzipSync(b).length, () => 0)));
  await page.goto(`${server.origin}/taskpane.html`);
  await page.locator('#host-note').waitFor({ state: 'visible' });
  page.removeAllListeners('response');
}, 180_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the page starts in browser mode, and its first load is under 150 KB gzipped', async () => {
  await expect(page.locator('#host-note').textContent()).resolves.toContain('在浏览器中运行');
  const sizes = await Promise.all(firstLoad);
  expect(sizes.length).toBeGreaterThanOrEqual(3); // html, css, the entry chunk (and the icon)
  expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(150 * 1024);
  // exceljs is not part of it: the work chunk is fetched only when an action runs.
  expect(requests.some((url) => /\/work\.[0-9a-f]+\.js$/.test(url))).toBe(false);
  // Outside Office, office.js is not loaded at all (it would call Microsoft's telemetry).
  expect(requests.some((url) => url.includes('/office/'))).toBe(false);
  await shot('browser-start');
});

test('tabs move with the arrow keys and every control has a label', async () => {
  await page.focus('#tab-generate');
  await page.keyboard.press('ArrowRight');
  await expect(page.getAttribute('#tab-validate', 'aria-selected')).resolves.toBe('true');
  await expect(page.isVisible('#panel-validate')).resolves.toBe(true);
  await page.keyboard.press('End');
  await expect(page.isVisible('#panel-rollup')).resolves.toBe(true);
  await page.keyboard.press('Home');
  await expect(page.isVisible('#panel-generate')).resolves.toBe(true);
  const unlabelled = await page.$$eval('input', (inputs) =>
    inputs.filter((i) => i.type !== 'radio' && !document.querySelector(`label[for="${i.id}"]`)).map((i) => i.id),
  );
  expect(unlabelled).toEqual([]);
});

test('生成台账 downloads the same ledger the CLI makes', async () => {
  await page.fill('#unit', '仪征市实验小学');
  const file = await downloadOf(() => page.click('#run-generate'));
  expect(file.name).toBe(`${seedPlan.title}-台账.xlsx`);
  await expect(page.locator('#result .summary').textContent()).resolves.toContain('4 个大项，14 项任务');
  const expected = await renderWorkbook(buildTemplateSpec(seedPlan, { unit: '仪征市实验小学' }));
  const got = snapshotCells(file.bytes);
  expect(got.map((s) => s.name)).toEqual(['填报说明', SHEET.p1, SHEET.p2, SHEET.p3, SHEET.p4, expect.any(String)]);
  expect(got).toEqual(snapshotCells(expected));
  await shot('generate');
});

test('校验 shows the report by sheet, and the annotated copy marks the cells', async () => {
  const bytes = await fillLedger(seedPlan, withChanges({ tasks: { P1T2: { owner: null } }, info: { phone: '12345' } }));
  const expected = checkSubmission(bytes, '实验小学.xlsx', indexTemplate(seedPlan), { asOf: AS_OF });
  if (expected.status !== 'checked') throw new Error('fixture refused');
  await page.click('#tab-validate');
  await page.fill('#as-of', AS_OF);
  await page.setInputFiles('#validate-file', { name: '实验小学.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  await page.click('#run-validate');
  await page.locator('#result .report').waitFor();
  const shown = await page.$$eval('#result .issue', (items) => items.map((li) => `${li.getAttribute('data-code')} ${li.getAttribute('data-cell') ?? ''}`));
  expect(shown).toEqual(expected.issues.map((i) => `${i.code} ${i.where.cell ?? ''}`));
  expect(shown).toEqual(expect.arrayContaining([expect.stringMatching(/^VALIDATE_OWNER_MISSING /), expect.stringMatching(/^VALIDATE_INFO_PHONE_INVALID /)]));
  const groups = await page.$$eval('#result .sheet-group', (s) => s.map((g) => g.getAttribute('data-sheet')));
  expect(groups).toEqual([...new Set(expected.issues.map((i) => i.where.sheet ?? ''))]);
  await shot('validate');

  await page.click('#make-annotated');
  const copy = await downloadOf(() => page.click('#result a.button'));
  expect(copy.name).toBe('实验小学-校验标注.xlsx');
  const owner = expected.issues.find((i) => i.code === 'VALIDATE_OWNER_MISSING')!;
  const book = await loadWorkbook(copy.bytes);
  expect(book.worksheets[0]!.name).toBe('校验结果');
  const cell = book.getWorksheet(owner.where.sheet!)!.getCell(owner.where.cell!);
  expect((cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFC7CE');
  expect(JSON.stringify(cell.note)).toContain(messageFor(owner.code, owner.params).slice(0, 10));
});

test('a broken upload shows its code and message in the page', async () => {
  await page.click('#tab-validate');
  await page.setInputFiles('#validate-file', { name: '坏文件.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('学校,任务\n实验小学,1\n') });
  await page.click('#run-validate');
  await page.locator('#result .issue').waitFor();
  await expect(page.getAttribute('#result .issue', 'data-code')).resolves.toBe('XLSX_READ_TEXT_FILE');
  await expect(page.locator('#result .issue .message').textContent()).resolves.toContain('坏文件.xlsx');
  // A fault (nothing picked) is shown in the page with its code too.
  await page.setInputFiles('#validate-file', []);
  await page.click('#run-validate');
  await expect(page.locator('#error').textContent()).resolves.toContain('FAULT_NO_FILE_CHOSEN');
  await shot('validate-refused');
});

test('汇总 shows the CLI accounting and problem counts, and downloads the same summary', async () => {
  const scenario = await rollupScenario();
  await page.click('#tab-rollup');
  await page.fill('#as-of', AS_OF);
  await page.setInputFiles('#rollup-files', scenario.files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
  await page.setInputFiles('#rollup-roster', { name: '名单.txt', mimeType: 'text/plain', buffer: Buffer.from(scenario.roster) });
  const summary = await downloadOf(() => page.click('#run-rollup'));
  const a = scenario.expected.accounting;
  expect(a).toMatchObject({ filesFound: 4, filesRefused: 1, filesSuperseded: 1, schoolsMissing: 1, balanced: true });
  // The page shows the CLI's 数据核对 lines, number for number.
  const shown = await page.$$eval('#result table.accounting tr', (rows) => rows.map((r) => `${r.getAttribute('data-item')} ${r.querySelector('td')?.textContent}`));
  expect(shown).toEqual([...accountingLines(a).map(([label, count]) => `${label.trim()} ${count}`), '核对结果 相符']);
  const errors = scenario.expected.problems.filter((p) => p.severity === 'error').length;
  await expect(page.locator('#problem-counts').textContent()).resolves.toContain(`${errors} 个错误`);
  await expect(page.getAttribute('#result .problems .issue', 'data-code')).resolves.toBe('XLSX_READ_NOT_ZIP');
  // The downloaded summary: same sheets as the CLI's, and its 数据核对 the same cells.
  expect(summary.name).toBe(`${seedPlan.title}-汇总.xlsx`);
  const cli = snapshotCells(await renderWorkbook(buildSummarySpec(scenario.expected, indexTemplate(seedPlan))));
  const got = snapshotCells(summary.bytes);
  expect(got.map((s) => s.name)).toEqual(cli.map((s) => s.name));
  expect(got.find((s) => s.name === ACCOUNTING_SHEET_NAME)).toEqual(cli.find((s) => s.name === ACCOUNTING_SHEET_NAME));
  expect(got.find((s) => s.name === DETAIL_SHEET_NAME)?.cells.length).toBe(cli.find((s) => s.name === DETAIL_SHEET_NAME)?.cells.length);
  await shot('rollup');
});

test('an engine that cannot run the page (IE11) gets a message pointing to the browser page', async () => {
  const old = await context.newPage();
  await old.addInitScript(() => {
    delete (Array.prototype as { flatMap?: unknown }).flatMap;
  });
  await old.goto(`${server.origin}/taskpane.html`);
  await expect(old.isVisible('#legacy')).resolves.toBe(true);
  await expect(old.isVisible('#app')).resolves.toBe(false);
  await expect(old.locator('#legacy-url').textContent()).resolves.toBe(`${server.origin}/taskpane.html`);
  fs.mkdirSync(SHOTS, { recursive: true });
  await old.screenshot({ path: path.join(SHOTS, 'legacy-engine.png') });
  await old.close();
});

test('every request stayed on the page origin, and the page threw nothing', () => {
  expect(requests.length).toBeGreaterThan(5);
  expect(requests.filter((url) => new URL(url).origin !== server.origin)).toEqual([]);
  expect(pageErrors).toEqual([]);
});
