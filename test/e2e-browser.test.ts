/**
 * End to end in a real browser: the production build of the page (dist/),
 * served from 127.0.0.1 like any static intranet server, driven in Debian's
 * Chromium through playwright-core. A clerk's three jobs on files, with the
 * downloads read back and compared with what the CLI's code makes for the same
 * inputs; a broken upload; the IE11 fallback; and proof that no request left
 * the page's own origin. The page's Content-Security-Policy: strict, active,
 * and never in the way (no violation during the three jobs, over http and from
 * file://, nor while the real office.js loads its Excel scripts).
 * Screenshots go to .tmp/screenshots/ (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as zlib from 'node:zlib';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { CHROMIUM, launchProfile } from './helpers/chromium-profile';
import { indexTemplate } from '../src/core/ledger/template-index';
import { messageFor } from '../src/core/issues';
import { ACCOUNTING_SHEET_NAME, accountingLines, buildSummarySpec, DETAIL_SHEET_NAME } from '../src/core/summary/build-summary';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { readWorkbook } from '../src/xlsx/read/index';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { checkSubmission } from '../src/app/check-submission';
import { carryForwardLedger } from '../src/app/carry-forward-ledger';
import { DIST, ensureDist, ROOT } from './helpers/build-dist';
import { fillLedger, loadWorkbook } from './helpers/fill-ledger';
import { serveDirectory, type StaticServer } from './helpers/static-server';
import { AS_OF, SHEET, seedPlan, withChanges } from './helpers/validate-fixture';
import { rollupScenario } from './helpers/e2e-rollup';
import { parsePolicy, sourcesFor, watchCsp, type CspWatch } from './helpers/csp-watch';

// Every run saves its screenshots; UPDATE_SCREENSHOTS=1 saves them over the README's copies in docs/screenshots
// (otherwise a plain `npm test` would leave the working tree changed).
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : path.join(ROOT, '.tmp', 'screenshots');
const META_CSP = 'meta[http-equiv="Content-Security-Policy"]';

let server: StaticServer;
let context: BrowserContext;
let page: Page;
let work: string;
let csp: CspWatch;
const requests: string[] = [];
const pageErrors: string[] = [];
const firstLoad: Promise<number>[] = [];

function snapshotCells(bytes: Uint8Array) {
  const read = readWorkbook(bytes, { fileName: 'x.xlsx' });
  if (!read.ok) throw new Error(`unreadable: ${read.issue.code}`);
  return read.workbook.sheets.map((s) => ({ name: s.name, state: s.state, cells: s.cells.map((c) => `${c.address}=${String(c.value)}`) }));
}

async function downloadOf(action: () => Promise<unknown>, on: Page = page): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([on.waitForEvent('download'), action()]);
  const saved = path.join(work, (download as Download).suggestedFilename());
  await (download as Download).saveAs(saved);
  return { name: (download as Download).suggestedFilename(), bytes: new Uint8Array(fs.readFileSync(saved)) };
}

/** 校验 on a picked file, until the report shows. */
async function validateOn(on: Page, name: string, bytes: Uint8Array): Promise<void> {
  await on.click('#tab-validate');
  await on.fill('#as-of', AS_OF);
  await on.setInputFiles('#validate-file', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  await on.click('#run-validate');
  await on.locator('#result .report').waitFor();
}

/** 生成标注副本 after a validation, and its download. */
async function annotatedCopyOn(on: Page): Promise<{ name: string; bytes: Uint8Array }> {
  await on.click('#make-annotated');
  return downloadOf(() => on.click('#result a.button'), on);
}

/** 汇总 of the scenario's files and roster, and the summary's download. */
async function rollUpOn(on: Page, scenario: Awaited<ReturnType<typeof rollupScenario>>): Promise<{ name: string; bytes: Uint8Array }> {
  await on.click('#tab-rollup');
  await on.fill('#as-of', AS_OF);
  await on.setInputFiles('#rollup-files', scenario.files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
  await on.setInputFiles('#rollup-roster', { name: '名单.txt', mimeType: 'text/plain', buffer: Buffer.from(scenario.roster) });
  return downloadOf(() => on.click('#run-rollup'), on);
}

/** The page's meta policy, or '' (at once, without waiting for the element). */
const policyOf = (on: Page): Promise<string> => on.evaluate((selector) => document.querySelector(selector)?.getAttribute('content') ?? '', META_CSP);

async function shot(name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  expect(fs.existsSync(CHROMIUM)).toBe(true);
  ensureDist();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-e2e-'));
  server = await serveDirectory(DIST);
  context = await launchProfile(work, { width: 460, height: 860 });
  csp = await watchCsp(context);
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
  // Named with the plan and, where known, the unit.
  expect(file.name).toBe(`${seedPlan.title}-仪征市实验小学-台账.xlsx`);
  await expect(page.locator('#result .summary').textContent()).resolves.toContain('4 个大项，14 项任务');
  const expected = await renderWorkbook(buildTemplateSpec(seedPlan, { unit: '仪征市实验小学' }));
  const got = snapshotCells(file.bytes);
  expect(got.map((s) => s.name)).toEqual(['填报说明', SHEET.p1, SHEET.p2, SHEET.p3, SHEET.p4, expect.any(String)]);
  expect(got).toEqual(snapshotCells(expected));
  await shot('generate');
});

test('用上期台账生成本期台账 downloads the ledger `generate --from` makes, named for the school', async () => {
  const previous = await fillLedger(seedPlan, withChanges({}));
  await page.fill('#unit', '');
  await page.setInputFiles('#previous-ledger', { name: '上期报送.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(previous) });
  const file = await downloadOf(() => page.click('#run-generate'));
  const expected = await carryForwardLedger(seedPlan, { name: '上期报送.xlsx', bytes: previous });
  if (!expected.ok) throw new Error(expected.issue.code);
  expect(file.name).toBe(expected.ledger.fileName);
  expect(snapshotCells(file.bytes)).toEqual(snapshotCells(expected.ledger.bytes));
  await expect(page.locator('#result .summary').textContent()).resolves.toContain('带入上期所填内容：14 项任务');
  await shot('generate-carried');
  // The later jobs generate blank ledgers again.
  await page.setInputFiles('#previous-ledger', []);
  await page.fill('#unit', '仪征市实验小学');
});

test('校验 shows the report by sheet, and the annotated copy marks the cells', async () => {
  const bytes = await fillLedger(seedPlan, withChanges({ tasks: { P1T2: { owner: null } }, info: { phone: '12345' } }));
  const expected = checkSubmission(bytes, '实验小学.xlsx', indexTemplate(seedPlan), { asOf: AS_OF });
  if (expected.status !== 'checked') throw new Error('fixture refused');
  await validateOn(page, '实验小学.xlsx', bytes);
  const shown = await page.$$eval('#result .issue', (items) => items.map((li) => `${li.getAttribute('data-code')} ${li.getAttribute('data-cell') ?? ''}`));
  expect(shown).toEqual(expected.issues.map((i) => `${i.code} ${i.where.cell ?? ''}`));
  expect(shown).toEqual(expect.arrayContaining([expect.stringMatching(/^VALIDATE_OWNER_MISSING /), expect.stringMatching(/^VALIDATE_INFO_PHONE_INVALID /)]));
  const groups = await page.$$eval('#result .sheet-group', (s) => s.map((g) => g.getAttribute('data-sheet')));
  expect(groups).toEqual([...new Set(expected.issues.map((i) => i.where.sheet ?? ''))]);
  await shot('validate');

  const copy = await annotatedCopyOn(page);
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
  const summary = await rollUpOn(page, scenario);
  const a = scenario.expected.accounting;
  expect(a).toMatchObject({ filesFound: 4, filesRefused: 1, filesSuperseded: 1, schoolsMissing: 1, balanced: true });
  // The page shows the CLI's 数据核对 lines, number for number.
  const shown = await page.$$eval('#result table.accounting tr', (rows) => rows.map((r) => `${r.getAttribute('data-item')} ${r.querySelector('td')?.textContent}`));
  expect(shown).toEqual([...accountingLines(a).map(([label, count]) => `${label.trim()} ${count}`), '核对结果 相符']);
  const errors = scenario.expected.problems.filter((p) => p.severity === 'error').length;
  await expect(page.locator('#problem-counts').textContent()).resolves.toContain(`${errors} 个错误`);
  // The refused file under 未能计入的文件, with its code (the missing school's list comes first).
  await expect(page.getAttribute('#refused-files + ul .issue', 'data-code')).resolves.toBe('XLSX_READ_NOT_ZIP');
  // The downloaded summary: same sheets as the CLI's, and its 数据核对 the same cells.
  // Named with the plan and the day it judges by.
  expect(summary.name).toBe(`${seedPlan.title}-汇总-${AS_OF}.xlsx`);
  // It leads with what matters: a school missing and a file refused, amber, each a link to its list; the bookkeeping folds.
  const head = page.locator('#result .summary').first();
  await expect(head.getAttribute('class')).resolves.toContain('warn');
  await expect(head.textContent()).resolves.toMatch(/1 所学校未报送，1 个文件无法读取/);
  await expect(page.$$eval('#result .gap-links a', (links) => links.map((a) => a.getAttribute('href')))).resolves.toEqual(expect.arrayContaining(['#missing-schools', '#refused-files']));
  await expect(page.locator('#missing-schools + ul li').allTextContents()).resolves.toEqual(['仪征市真州小学']);
  await expect(page.locator('#result details.accounting-details table.accounting').count()).resolves.toBe(1);
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

test('the real office.js, told it is in Excel, loads its host and locale scripts under the policy', async () => {
  for (const [platform, hostFile] of [['Win32$16.01', 'excel-win32-16.01.js'], ['Mac$16.00', 'excel-mac-16.00.js']] as const) {
    const pane = await context.newPage();
    const loaded: string[] = [];
    pane.on('requestfinished', (r) => loaded.push(new URL(r.url()).pathname));
    await pane.goto(`${server.origin}/taskpane.html?_host_Info=Excel$${platform}$zh-CN$$$$0`);
    // Outside a real Excel office.js finds no host: the page carries on with files while it waits for Excel.
    await pane.waitForFunction(() => document.body.dataset.host !== undefined);
    expect(loaded).toEqual(expect.arrayContaining(['/office/office.js', `/office/${hostFile}`, '/office/zh-cn/office_strings.js']));
    await csp.settle(pane);
    expect(csp.of(pane)).toEqual([]);
    await pane.close();
  }
});

test('every request stayed on the page origin, the page threw nothing and broke no policy rule', async () => {
  expect(requests.length).toBeGreaterThan(5);
  expect(requests.filter((url) => new URL(url).origin !== server.origin)).toEqual([]);
  expect(pageErrors).toEqual([]);
  await csp.settle(page);
  // 生成台账, 校验 with its annotated copy, 汇总, the IE11 message and office.js: not one violation.
  expect(csp.allBut()).toEqual([]);
});

describe('Content-Security-Policy', () => {

  test('the page and commands.html carry one strict policy, first in <head>, the one docs/deploy.md shows', async () => {
    const text = await policyOf(page);
    expect(text).not.toBe('');
    const policy = parsePolicy(text);
    const scripts = sourcesFor(policy, 'script-src') ?? [];
    expect(scripts).toEqual(["'self'"]);
    expect(sourcesFor(policy, 'connect-src')).toEqual(["'self'"]);
    expect(sourcesFor(policy, 'object-src')).toEqual(["'none'"]);
    expect(sourcesFor(policy, 'default-src')).toEqual(["'none'"]);
    expect(["'none'", "'self'"]).toContain(policy.get('base-uri')?.join(' '));
    expect(policy.get('form-action')).toEqual(["'none'"]);
    // Nothing inline or evaluated anywhere, no wildcard or scheme that would let other code in.
    for (const sources of policy.values()) {
      expect(sources.filter((v) => /unsafe|^\*$|^(https?|data|blob|filesystem):?$/i.test(v))).toEqual([]);
    }
    // Ignored in a <meta> (and reported as such by Chromium): only a header can say who may frame the page.
    expect(policy.has('frame-ancestors')).toBe(false);
    // Before anything it governs: the stylesheet, the icon and every script come after it.
    const order = await page.$$eval('head > *', (nodes) => nodes.map((n) => (n.matches('meta[http-equiv="Content-Security-Policy"]') ? 'csp' : n.tagName.toLowerCase())));
    expect(order.indexOf('csp')).toBeLessThan(order.indexOf('link'));
    expect(order.indexOf('csp')).toBeLessThan(order.indexOf('script'));
    // The add-in's pages load office.js from Microsoft's CDN: the same policy, with that one origin added to script-src only.
    const addinPolicy = text.replace("script-src 'self'", "script-src 'self' https://officeapis.public.onecdn.static.microsoft");
    for (const file of ['commands.html', 'addin.html']) expect(fs.readFileSync(path.join(DIST, file), 'utf8')).toContain(`content="${addinPolicy}"`);
    expect(fs.readFileSync(path.join(ROOT, 'docs', 'deploy.md'), 'utf8')).toContain(text);
  });

  test('the policy is active: an injected inline script, eval, a plugin and a request elsewhere are blocked and reported', async () => {
    const probe = await context.newPage();
    // A script of our own origin that tries eval: only a file the policy lets in can show that eval is refused.
    await probe.route('**/csp-probe.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'try { eval("window.__evaled = 1") } catch (e) { window.__evalRefused = e.name }' }),
    );
    await probe.goto(`${server.origin}/taskpane.html`);
    await probe.locator('#host-note').waitFor({ state: 'visible' });
    const outcome = await probe.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = 1';
      document.body.append(inline);
      await new Promise<void>((resolve) => {
        const own = document.createElement('script');
        own.src = 'csp-probe.js';
        own.onload = own.onerror = () => resolve();
        document.body.append(own);
      });
      const plugin = document.createElement('embed');
      plugin.src = 'assets/icon-32.png';
      document.body.append(plugin);
      const fetched = await fetch('https://example.invalid/upload').then(() => 'sent', (e: Error) => e.name);
      return { inline: w.__inlineRan ?? null, evaled: w.__evaled ?? null, evalRefused: w.__evalRefused ?? null, fetched };
    });
    expect(outcome).toEqual({ inline: null, evaled: null, evalRefused: 'EvalError', fetched: 'TypeError' });
    const wanted = [/^script-src-elem blocked inline/, /^script-src blocked eval/, /^object-src blocked /, /^connect-src blocked https:\/\/example\.invalid/];
    const reported = (await csp.waitFor(probe, wanted)).filter((v) => !v.startsWith('console:'));
    for (const pattern of wanted) expect(reported).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
    await probe.close();
  });
});

describe('from file:// (the dist folder on a USB stick)', () => {
  test('生成台账, 校验 with its annotated copy and 汇总 work under the same policy, reading nothing but the folder', async () => {
    const local = await context.newPage();
    const seen: string[] = [];
    const errors: string[] = [];
    local.on('request', (r) => seen.push(r.url()));
    local.on('pageerror', (e) => errors.push(e.message));
    await local.goto(pathToFileURL(path.join(DIST, 'taskpane.html')).href);
    await local.locator('#host-note').waitFor({ state: 'visible' });
    // The policy is the same one, and active here too.
    expect(await policyOf(local)).toBe(await policyOf(page));

    const ledger = await downloadOf(() => local.click('#run-generate'), local);
    expect(ledger.name).toBe(`${seedPlan.title}-台账.xlsx`);
    expect(snapshotCells(ledger.bytes)).toEqual(snapshotCells(await renderWorkbook(buildTemplateSpec(seedPlan))));

    const bytes = await fillLedger(seedPlan, withChanges({ tasks: { P1T2: { owner: null } } }));
    await validateOn(local, '实验小学.xlsx', bytes);
    await expect(local.$$eval('#result .issue', (items) => items.map((li) => li.getAttribute('data-code')))).resolves.toContain('VALIDATE_OWNER_MISSING');
    const copy = await annotatedCopyOn(local);
    expect(copy.name).toBe('实验小学-校验标注.xlsx');
    expect((await loadWorkbook(copy.bytes)).worksheets[0]!.name).toBe('校验结果');

    const scenario = await rollupScenario();
    const summary = await rollUpOn(local, scenario);
    expect(summary.name).toBe(`${seedPlan.title}-汇总-${AS_OF}.xlsx`);
    await expect(local.locator('#result table.accounting tr[data-item="核对结果"] td.good').textContent()).resolves.toBe('相符');

    const dist = `${pathToFileURL(DIST).href}/`;
    expect(seen.filter((url) => !url.startsWith(dist) && !url.startsWith('blob:null/'))).toEqual([]);
    expect(seen.some((url) => /\/work\.[0-9a-f]+\.js$/.test(url))).toBe(true);
    expect(errors).toEqual([]);
    await csp.settle(local);
    expect(csp.of(local)).toEqual([]);
    await local.close();
  });
});
