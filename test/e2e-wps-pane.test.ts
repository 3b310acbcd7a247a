/**
 * The built page inside WPS 表格, in Chromium: the ET mock (test/helpers/wps-mock.ts, bundled for the
 * page) is put on the globals as WPS's embedded browser does (`wps`, `window.Application`) before the
 * page's scripts run, and the page is opened as the ribbon's main.js opens it (`taskpane.html#validate`).
 * The three actions run end to end against the mock: 生成台账 adds the ledger's sheets beside the user's
 * (untouched), 校验当前工作簿 lists the problems, a click selects the cell, marks are set and cleared,
 * 汇总 writes the summary sheets; the text a clerk typed that reads as a formula stays text. The page
 * runs with the APIs newer than its floor engine removed (OLD_ENGINE), as in an old WPS. The offline package's
 * page, opened from file://, generates the ledger and reads a Chinese PDF plan (pdfjs and its CMaps from the folder).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import webpack from 'webpack';
import { MARK_COLOR } from '../src/core/workbook/marks-store';
import { bgr } from '../src/wps/et-types';
import { DIST, ROOT } from './helpers/build-dist';
import { rollupScenario } from './helpers/e2e-rollup';
import { craftPdf } from './helpers/pdf-craft';
import { openPanePage, type PanePage } from './helpers/pane-page';
import { AS_OF } from './helpers/validate-fixture';

type Cells = [string, unknown, string | null, string, number][];

/**
 * An embedded Chromium as old as the page's floor (Chrome 73, docs/wps-support.md): what is newer is
 * taken away before the page runs, so a use of it fails here as it would in WPS.
 */
const OLD_ENGINE = `
delete Element.prototype.replaceChildren; delete Blob.prototype.arrayBuffer;
if (window.Crypto) delete Crypto.prototype.randomUUID; delete window.structuredClone; delete Object.hasOwn;
delete String.prototype.replaceAll; delete Array.prototype.at; delete String.prototype.at; delete Array.prototype.findLast;
delete Promise.allSettled; delete Promise.any;
`;

/** The mock for the page: one script, built from the same TypeScript the node tests use. */
async function bundleMock(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-wps-mock-'));
  const compiler = webpack({
    mode: 'development', devtool: false, target: 'web', context: ROOT,
    entry: path.join(ROOT, 'test', 'helpers', 'wps-mock-page.ts'),
    output: { path: out, filename: 'mock.js' },
    resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
    module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json' } }] },
  });
  await new Promise<void>((resolve, reject) => compiler.run((error, stats) => (error || stats?.hasErrors() ? reject(error ?? new Error(stats!.toString())) : resolve())));
  const script = fs.readFileSync(path.join(out, 'mock.js'), 'utf8');
  fs.rmSync(out, { recursive: true, force: true });
  return script;
}

let pane: PanePage;
let page: Page;
const names = () => page.evaluate(() => (window as any).__wpsMock.names() as string[]);
const cells = (sheet: string) => page.evaluate((name) => (window as any).__wpsMock.cells(name) as Cells, sheet);

beforeAll(async () => {
  const mock = await bundleMock();
  pane = await openPanePage((on) => on.addInitScript({ content: `${mock}\n${OLD_ENGINE}` }), '/taskpane.html#validate');
  page = pane.page;
}, 180_000);

afterAll(async () => {
  await pane?.close();
});

test('the host line says 运行于 WPS 表格 and what differs; the workbook controls and the ribbon’s tab are shown; no Office, no chunk yet', async () => {
  await expect(page.locator('#capability-text').textContent()).resolves.toContain('运行于 WPS 表格');
  const missing = await page.$$eval('#host-note .missing li', (items) => items.map((li) => li.textContent ?? ''));
  expect(missing.length).toBeGreaterThan(0);
  await expect(page.evaluate(() => document.body.dataset.host)).resolves.toBe('wps');
  await expect(page.locator('#tab-validate').getAttribute('aria-selected')).resolves.toBe('true');
  await expect(page.locator('#run-validate').innerText()).resolves.toBe('校验当前工作簿');
  await expect(page.isVisible('#validate-file')).resolves.toBe(false);
  expect(pane.requests.some((url) => /office\.js|\/wps\.[0-9a-f]+\.js$/.test(url))).toBe(false);
  // The old engine is in force: the page runs on its own replaceChildren (compat.ts), not the browser's.
  await expect(page.evaluate(() => [String(Element.prototype.replaceChildren).includes('[native code]'), typeof (window as any).structuredClone])).resolves.toEqual([false, 'undefined']);
});

test('生成台账 adds the ledger’s sheets after the user’s, which stays as it was; a unit typed as a formula stays text', async () => {
  const before = await cells('我的表');
  await page.click('#tab-generate');
  await page.fill('#unit', '=SUM(1,2)');
  await page.click('#run-generate');
  await page.locator('#result .summary.good').waitFor();
  await expect(page.locator('#result .summary').innerText()).resolves.toContain('已在当前工作簿中添加');
  const sheets = await names();
  expect(sheets[0]).toBe('我的表');
  expect(sheets).toContain('填报说明');
  expect(sheets.length).toBeGreaterThan(3);
  expect(sheets.some((n) => n.startsWith('~tz'))).toBe(false);
  await expect(cells('我的表')).resolves.toEqual(before);
  const unitCells = (await Promise.all(sheets.slice(1).map(cells))).flat().filter((c) => String(c[1]).includes('=SUM(1,2)'));
  expect(unitCells.length).toBeGreaterThan(0);
  for (const [, value, formula, format] of unitCells) {
    expect(typeof value).toBe('string');
    expect(formula === null || !String(formula).startsWith('=') || format === '@').toBe(true);
    expect(format).toBe('@');
  }
  expect(pane.requests.some((url) => /\/wps\.[0-9a-f]+\.js$/.test(url))).toBe(true);
});

test('校验当前工作簿 lists the blank ledger’s problems; a click selects the cell; marks are set and cleared back', async () => {
  await page.fill('#as-of', AS_OF);
  await page.click('#tab-validate');
  await page.click('#run-validate');
  await page.locator('#result .summary').waitFor();
  await expect(page.locator('#result .summary').innerText()).resolves.toContain('当前工作簿');
  const first = page.locator('#result [data-cell]').first();
  await first.waitFor();
  const sheet = await first.evaluate((el) => el.closest('[data-sheet]')!.getAttribute('data-sheet'));
  const cell = await first.getAttribute('data-cell');
  await first.click();
  await page.waitForFunction(() => (window as any).__wpsMock.selected() !== null);
  await expect(page.evaluate(() => (window as any).__wpsMock.selected())).resolves.toEqual({ sheet, address: cell });
  const fillOf = async () => (await cells(sheet!)).find((c) => c[0] === cell)?.[4];
  const fillBefore = await fillOf();
  await page.click('#mark-problems');
  await page.locator('#excel-status .summary').waitFor();
  await expect(page.locator('#excel-status').innerText()).resolves.toContain('已用橙色标出');
  expect(await fillOf()).toBe(bgr(MARK_COLOR.slice(1)));
  await page.click('#clear-marks');
  await page.waitForFunction(() => document.getElementById('excel-status')!.textContent!.includes('已清除'));
  expect(await fillOf()).toBe(fillBefore);
  expect(await page.evaluate(() => (window as any).__wpsMock.prompts())).toBe(0);
});

test('汇总 checks the picked files and writes the summary sheets into the open workbook; the file is offered too', async () => {
  const scenario = await rollupScenario();
  const before = await names();
  await page.click('#tab-rollup');
  await page.setInputFiles('#rollup-files', scenario.files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
  await page.setInputFiles('#rollup-roster', { name: '名单.txt', mimeType: 'text/plain', buffer: Buffer.from(scenario.roster) });
  await page.click('#run-rollup');
  await page.locator('#summary-written').waitFor();
  const written = await page.locator('#summary-written').innerText();
  const after = await names();
  const added = after.slice(before.length);
  expect(after.slice(0, before.length)).toEqual(before);
  expect(added.length).toBeGreaterThan(0);
  // Every sheet the clerk can open is named; the very hidden round record is written but not named.
  expect(added).toContain('_taizhang_summary');
  for (const name of added.filter((n) => n !== '_taizhang_summary')) expect(written).toContain(name);
  expect(written).not.toContain('_taizhang_summary');
  expect(added.some((n) => n.startsWith('~tz'))).toBe(false);
  await page.locator('#summary-slot a[download]').waitFor();
  expect(pane.pageErrors).toEqual([]);
  await pane.csp.settle(page);
  expect(pane.csp.of(page)).toEqual([]);
});

describe('the offline package (dist/wps-offline/taizhang_<version>/), opened from its folder as WPS does', () => {
  let offline: Page;
  const offlineErrors: string[] = [];

  beforeAll(async () => {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    offline = await pane.browser.newPage({ viewport: { width: 460, height: 900 }, locale: 'zh-CN' });
    offline.on('pageerror', (e) => offlineErrors.push(e.message));
    await offline.addInitScript({ content: await bundleMock() });
    await offline.goto(`file://${path.join(DIST, 'wps-offline', `taizhang_${version}`, 'taskpane.html')}#generate`);
    await offline.locator('#capability-text').waitFor();
  }, 120_000);

  test('生成台账 works without any server: the page and its chunks load from the folder', async () => {
    await offline.click('#run-generate');
    await offline.locator('#result .summary.good').waitFor();
    const sheets = await offline.evaluate(() => (window as any).__wpsMock.names() as string[]);
    expect(sheets[0]).toBe('我的表');
    expect(sheets).toContain('填报说明');
    expect(offlineErrors).toEqual([]);
  });

  test('a PDF plan (Chinese in a font not embedded, read through its CMap) is read from the folder too', async () => {
    const plan = craftPdf([[{ text: '某某学校2025年德育工作要点', x: 150, y: 760, size: 18 }, { text: '一、加强思想引领', x: 72, y: 700 }, { text: '1. 开展主题班会。每月一次。', x: 72, y: 680 }]], { encoding: 'UniGB-UCS2-H' });
    await offline.check('#plan-source-file');
    await offline.setInputFiles('#plan-file', { name: '德育.pdf', mimeType: 'application/octet-stream', buffer: Buffer.from(plan) });
    await offline.click('#run-generate');
    await offline.locator('#result .summary.good').waitFor();
    await expect(offline.locator('#result .summary').innerText()).resolves.toContain('（1 个大项，1 项任务）');
    // The task's text, decoded through the CMap, is in the sheets written into the workbook.
    const texts = await offline.evaluate(() => {
      const mock = (window as any).__wpsMock;
      return (mock.names() as string[]).flatMap((name) => (mock.cells(name) as Cells).map((cell) => String(cell[1])));
    });
    expect(texts.some((text) => text.includes('开展主题班会'))).toBe(true);
    expect(offlineErrors).toEqual([]);
  });
});
