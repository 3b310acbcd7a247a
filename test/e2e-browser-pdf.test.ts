/**
 * PDF plans in the built page (dist/), in Debian's Chromium, over http and
 * from file:// (the dist folder on a USB stick, and the same page inside the
 * WPS offline package), where Chromium refuses module scripts, module workers
 * and fetch(): pdfjs, its worker code and its data (the CMaps, the standard
 * fonts) are classic scripts from the page's own folder (dist/pdfjs/), loaded
 * only when a PDF is picked. In each place the seed's PDF gives the same ledger
 * as the seed, a Chinese PDF whose font is not embedded reads through the CMaps
 * and gives the same ledger as over http, with no page error and no violation
 * of the page's Content-Security-Policy. Over http: a scan and an old .doc get
 * their codes and messages. No request leaves the origin (the folder).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { launchProfile } from './helpers/chromium-profile';
import { messageFor } from '../src/core/issues';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { readWorkbook } from '../src/xlsx/read/index';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { DIST, ROOT, ensureDist } from './helpers/build-dist';
import { watchCsp, type CspWatch } from './helpers/csp-watch';
import { craftPdf, type CraftEncoding } from './helpers/pdf-craft';
import { PLANS } from './helpers/plan-fixtures';
import { serveDirectory, type StaticServer } from './helpers/static-server';
import { seedPlan } from './helpers/validate-fixture';

const version: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const OFFLINE = path.join(DIST, 'wps-offline', `taizhang_${version}`);

let server: StaticServer;
let context: BrowserContext;
let csp: CspWatch;
let work: string;

/** A Chinese plan in STSong-Light, not embedded: readable only through the CMap of its encoding. */
const chinesePlan = (encoding: CraftEncoding) =>
  craftPdf(
    [
      [
        { text: '某某学校2025年德育工作要点', x: 150, y: 760, size: 18 },
        { text: '一、加强思想引领', x: 72, y: 700 },
        { text: '1. 开展主题班会。每月一次。', x: 72, y: 680 },
        { text: '2. 办好升旗仪式。每周一次。', x: 72, y: 660 },
      ],
    ],
    { encoding },
  );

function cells(bytes: Uint8Array) {
  const read = readWorkbook(bytes, { fileName: 'x.xlsx' });
  if (!read.ok) throw new Error(`unreadable: ${read.issue.code}`);
  return read.workbook.sheets.map((s) => ({ name: s.name, cells: s.cells.map((c) => `${c.address}=${String(c.value)}`) }));
}

beforeAll(async () => {
  ensureDist();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-e2e-pdf-'));
  server = await serveDirectory(DIST);
  context = await launchProfile(work);
  csp = await watchCsp(context);
}, 240_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the build puts pdfjs, its worker code and its data beside the page, as scripts', () => {
  const files = fs.readdirSync(path.join(DIST, 'pdfjs'));
  expect(files.filter((f) => /^pdf\.[0-9a-f]+\.js$/.test(f))).toHaveLength(1);
  expect(files.filter((f) => /^pdf-worker\.[0-9a-f]+\.js$/.test(f))).toHaveLength(1);
  // No trace of the build machine (webpack writes import.meta.url as the module's own file:// path; scripts/pdfjs-loader.js).
  const buildPath = fs.realpathSync(path.join(ROOT, 'node_modules', 'pdfjs-dist'));
  const chunks = files.filter((f) => f.endsWith('.js'));
  expect(chunks.filter((chunk) => fs.readFileSync(path.join(DIST, 'pdfjs', chunk), 'utf8').includes(buildPath))).toEqual([]);
  for (const file of ['cmaps/GBK-EUC-H.bcmap', 'cmaps/UniGB-UCS2-H.bcmap', 'standard_fonts/FoxitSerif.pfb']) {
    const script = fs.readFileSync(path.join(DIST, 'pdfjs', 'data', `${file}.js`), 'utf8');
    const original = fs.readFileSync(path.join(ROOT, 'node_modules', 'pdfjs-dist', file));
    // The script carries the file's bytes, under its name.
    expect(script).toBe(`(self.taizhangPdfData=self.taizhangPdfData||{})["${file}"]="${original.toString('base64')}";\n`);
  }
});

/** Ledgers per place, for comparing file:// with http. */
const ledgers = new Map<string, Map<string, Uint8Array>>();

const PLACES: [string, () => string, () => string][] = [
  ['over http', () => `${server.origin}/taskpane.html`, () => server.origin],
  ['from file:// (the dist folder)', () => pathToFileURL(path.join(DIST, 'index.html')).href, () => `${pathToFileURL(DIST).href}/`],
  ['from file:// (the WPS offline package’s page)', () => pathToFileURL(path.join(OFFLINE, 'taskpane.html')).href, () => `${pathToFileURL(OFFLINE).href}/`],
];

describe.each(PLACES)('PDF plans %s', (place, address, within) => {
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const mine = new Map<string, Uint8Array>();
  ledgers.set(place, mine);

  async function pickPlan(name: string, bytes: Uint8Array): Promise<void> {
    await page.check('#plan-source-file');
    await page.setInputFiles('#plan-file', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  }

  async function generate(): Promise<Uint8Array> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#run-generate')]);
    const saved = path.join(work, `${ledgers.size}-${(download as Download).suggestedFilename()}`);
    await (download as Download).saveAs(saved);
    const bytes = new Uint8Array(fs.readFileSync(saved));
    fs.rmSync(saved);
    return bytes;
  }

  beforeAll(async () => {
    page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(address());
    await page.locator('#host-note').waitFor({ state: 'visible' });
  }, 60_000);

  afterAll(async () => {
    await page?.close();
  });

  test('the seed’s PDF gives the same ledger as the seed, and pdfjs is loaded only then', async () => {
    expect(requests.some((url) => url.includes('/pdfjs/'))).toBe(false);
    await page.fill('#unit', '仪征市实验小学');
    await pickPlan('工作要点.pdf', new Uint8Array(fs.readFileSync(path.join(PLANS, 'yizheng-2024.pdf'))));
    const ledger = await generate();
    await expect(page.locator('#result .summary').textContent()).resolves.toContain('4 个大项，14 项任务');
    expect(cells(ledger)).toEqual(cells(await renderWorkbook(buildTemplateSpec(seedPlan, { unit: '仪征市实验小学' }))));
    const pdfjs = requests.filter((url) => url.includes('/pdfjs/'));
    expect(pdfjs.some((url) => /\/pdfjs\/pdf\.[0-9a-f]+\.js$/.test(url))).toBe(true);
    expect(pdfjs.some((url) => /\/pdfjs\/pdf-worker\.[0-9a-f]+\.js$/.test(url))).toBe(true);
    mine.set('seed', ledger);
  }, 120_000);

  test.each(['UniGB-UCS2-H', 'GBK-EUC-H'] as const)('Chinese in a font that is not embedded (%s) reads through its CMap from the page’s folder', async (encoding) => {
    await pickPlan('德育.pdf', chinesePlan(encoding));
    const ledger = await generate();
    await expect(page.locator('#result .summary').textContent()).resolves.toContain('1 个大项，2 项任务');
    expect(requests.some((url) => url.endsWith(`/pdfjs/data/cmaps/${encoding}.bcmap.js`))).toBe(true);
    mine.set(encoding, ledger);
  }, 60_000);

  test('every request stayed within the page’s origin (folder), the page threw nothing, the policy was kept', async () => {
    expect(requests.filter((url) => !url.startsWith(within()) && !url.startsWith('blob:'))).toEqual([]);
    expect(pageErrors).toEqual([]);
    await csp.settle(page);
    expect(csp.of(page)).toEqual([]);
  });
});

test('from file:// the ledgers are the same as over http', () => {
  const http = ledgers.get(PLACES[0]![0])!;
  expect([...http.keys()].sort()).toEqual(['GBK-EUC-H', 'UniGB-UCS2-H', 'seed']);
  for (const [place] of PLACES.slice(1)) {
    const local = ledgers.get(place)!;
    expect([...local.keys()].sort()).toEqual([...http.keys()].sort());
    for (const [plan, bytes] of http) expect(cells(local.get(plan)!)).toEqual(cells(bytes));
  }
});

test('over http, a scan and an old .doc say what to do, with their codes', async () => {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.origin}/taskpane.html`);
  await page.locator('#host-note').waitFor({ state: 'visible' });
  const pick = async (name: string, file: string) => {
    await page.check('#plan-source-file');
    await page.setInputFiles('#plan-file', { name, mimeType: 'application/octet-stream', buffer: fs.readFileSync(path.join(PLANS, file)) });
    await page.click('#run-generate');
  };
  await pick('扫描件.pdf', 'yizheng-2024.scan.pdf');
  await page.locator('#result .issue[data-code="PLAN_PDF_NO_TEXT"]').waitFor();
  await expect(page.locator('#result .issue[data-code="PLAN_PDF_NO_TEXT"]').textContent()).resolves.toContain(messageFor('PLAN_PDF_NO_TEXT', {}));
  await pick('要点.doc', 'yizheng-2024.doc');
  await page.locator('#error .code', { hasText: 'FAULT_PLAN_LEGACY_WORD' }).waitFor();
  await expect(page.locator('#error').textContent()).resolves.toContain(messageFor('FAULT_PLAN_LEGACY_WORD', { file: '要点.doc' }));
  expect(pageErrors).toEqual([]);
  await page.close();
}, 60_000);
