/**
 * PDF plans in the built page (dist/), in Debian's Chromium: pdfjs is loaded
 * from the page's own origin (dist/pdfjs/, with its worker and the CMaps), only
 * when a PDF is picked; the seed's PDF gives the same ledger as the seed; a
 * Chinese PDF whose font is not embedded reads through the CMaps; a scan and
 * an old .doc get their codes and messages. No request leaves the origin.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Download, type Page } from 'playwright-core';
import { messageFor } from '../src/core/issues';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { readWorkbook } from '../src/xlsx/read/index';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { DIST, ensureDist } from './helpers/build-dist';
import { craftPdf } from './helpers/pdf-craft';
import { PLANS } from './helpers/plan-fixtures';
import { serveDirectory, type StaticServer } from './helpers/static-server';
import { seedPlan } from './helpers/validate-fixture';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'];

let server: StaticServer;
let context: BrowserContext;
let page: Page;
let work: string;
const requests: string[] = [];
const pageErrors: string[] = [];

function cells(bytes: Uint8Array) {
  const read = readWorkbook(bytes, { fileName: 'x.xlsx' });
  if (!read.ok) throw new Error(`unreadable: ${read.issue.code}`);
  return read.workbook.sheets.map((s) => ({ name: s.name, cells: s.cells.map((c) => `${c.address}=${String(c.value)}`) }));
}

async function pickPlan(name: string, bytes: Uint8Array): Promise<void> {
  await page.check('#plan-source-file');
  await page.setInputFiles('#plan-file', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
}

async function generate(): Promise<Uint8Array> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#run-generate')]);
  const saved = path.join(work, (download as Download).suggestedFilename());
  await (download as Download).saveAs(saved);
  return new Uint8Array(fs.readFileSync(saved));
}

beforeAll(async () => {
  ensureDist();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-e2e-pdf-'));
  server = await serveDirectory(DIST);
  context = await chromium.launchPersistentContext(path.join(work, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS, acceptDownloads: true, locale: 'zh-CN' });
  context.on('request', (request) => requests.push(request.url()));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.origin}/taskpane.html`);
  await page.locator('#host-note').waitFor({ state: 'visible' });
}, 240_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the build puts pdfjs, its worker and the CMaps beside the page', () => {
  for (const file of ['pdf.min.js', 'pdf.worker.min.js', 'cmaps/GBK-EUC-H.bcmap', 'cmaps/UniGB-UCS2-H.bcmap', 'standard_fonts/FoxitSerif.pfb', 'web.config']) {
    expect(fs.existsSync(path.join(DIST, 'pdfjs', file))).toBe(true);
  }
});

test('the seed’s PDF gives the same ledger as the seed, and pdfjs comes from the page’s origin only then', async () => {
  expect(requests.some((url) => url.includes('/pdfjs/'))).toBe(false);
  await page.fill('#unit', '仪征市实验小学');
  await pickPlan('工作要点.pdf', new Uint8Array(fs.readFileSync(path.join(PLANS, 'yizheng-2024.pdf'))));
  const ledger = await generate();
  await expect(page.locator('#result .summary').textContent()).resolves.toContain('4 个大项，14 项任务');
  expect(cells(ledger)).toEqual(cells(await renderWorkbook(buildTemplateSpec(seedPlan, { unit: '仪征市实验小学' }))));
  const pdfjs = requests.filter((url) => url.includes('/pdfjs/'));
  expect(pdfjs.some((url) => url.endsWith('/pdfjs/pdf.min.js'))).toBe(true);
  expect(pdfjs.some((url) => url.endsWith('/pdfjs/pdf.worker.min.js'))).toBe(true);
});

test('Chinese in a font that is not embedded reads through the CMaps fetched from the page’s origin', async () => {
  const lines = [
    { text: '某某学校2025年德育工作要点', x: 150, y: 760, size: 18 },
    { text: '一、加强思想引领', x: 72, y: 700 },
    { text: '1. 开展主题班会。每月一次。', x: 72, y: 680 },
    { text: '2. 办好升旗仪式。每周一次。', x: 72, y: 660 },
  ];
  await pickPlan('德育.pdf', craftPdf([lines], { encoding: 'GBK-EUC-H' }));
  await generate();
  await expect(page.locator('#result .summary').textContent()).resolves.toContain('1 个大项，2 项任务');
  expect(requests.some((url) => url.endsWith('/pdfjs/cmaps/GBK-EUC-H.bcmap'))).toBe(true);
});

test('a scan and an old .doc say what to do, with their codes', async () => {
  await pickPlan('扫描件.pdf', new Uint8Array(fs.readFileSync(path.join(PLANS, 'yizheng-2024.scan.pdf'))));
  await page.click('#run-generate');
  await page.locator('#result .issue[data-code="PLAN_PDF_NO_TEXT"]').waitFor();
  await expect(page.locator('#result .issue[data-code="PLAN_PDF_NO_TEXT"]').textContent()).resolves.toContain(messageFor('PLAN_PDF_NO_TEXT', {}));
  await pickPlan('要点.doc', new Uint8Array(fs.readFileSync(path.join(PLANS, 'yizheng-2024.doc'))));
  await page.click('#run-generate');
  await page.locator('#error .code', { hasText: 'FAULT_PLAN_LEGACY_WORD' }).waitFor();
  await expect(page.locator('#error').textContent()).resolves.toContain(messageFor('FAULT_PLAN_LEGACY_WORD', { file: '要点.doc' }));
});

test('every request stayed on the page origin, and the page threw nothing', () => {
  expect(requests.filter((url) => new URL(url).origin !== server.origin)).toEqual([]);
  expect(pageErrors).toEqual([]);
});
