/**
 * End to end in Chromium, the production build: a bureau clerk rolls up a
 * whole folder in the page by picking it (webkitdirectory) or dropping files
 * on the page; dist/index.html is the page; the last plan, as-of date and unit
 * survive a reload; the unit input keeps its style after the minifier dropped
 * type="text"; the ledger's download name carries the unit; and in a
 * 350-pixel-wide pane the outcome of an action is scrolled into view.
 * Screenshots at 1280 and 350 px go to .tmp/screenshots/.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { saveScreenshot, startPageSession, type PageSession } from './helpers/chromium-profile';
import { parsePlan } from '../src/core/plan/index';
import { DIST, ROOT } from './helpers/build-dist';
import { fillLedger } from './helpers/fill-ledger';
import type { StaticServer } from './helpers/static-server';
import { AS_OF, seedPlan, withChanges } from './helpers/validate-fixture';

const LEGACY_XLS = path.join(__dirname, 'fixtures', 'xlsx', 'legacy.xls');

let server: StaticServer;
let context: BrowserContext;
let page: Page;
let work: string;
let inbox: string;
let pageErrors: string[];
let session: PageSession | undefined;
const hashes = new Map<string, string>();

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The folder a bureau receives: schools in subfolders, one old .xls and one .et, and the debris of Office, macOS and Windows. */
async function makeInbox(root: string): Promise<void> {
  const put = (rel: string, bytes: Uint8Array | string): void => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  };
  put('实验小学/台账.xlsx', await fillLedger(seedPlan, withChanges({})));
  put('实验小学/~$台账.xlsx', 'lock');
  put('新城中学/仪征市新城中学-台账.xlsx', await fillLedger(seedPlan, withChanges({ info: { unit: '仪征市新城中学' } })));
  put('新城中学/Thumbs.db', 'thumbs');
  put('仪征市第二中学.xls', fs.readFileSync(LEGACY_XLS));
  put('仪征市第三中学.et', fs.readFileSync(LEGACY_XLS));
  put('.DS_Store', 'mac');
  put('名单.txt', '仪征市实验小学\n仪征市新城中学\n仪征市第二中学\n仪征市第三中学\n仪征市真州小学\n');
  for (const file of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(root, file);
    if (fs.statSync(full).isFile()) hashes.set(full, sha(full));
  }
}

async function open(on: Page, file = 'index.html'): Promise<void> {
  await on.goto(`${server.origin}/${file}`);
  await on.locator('#host-note').waitFor({ state: 'visible' });
}

async function downloadOf(action: () => Promise<unknown>, on: Page = page): Promise<{ name: string }> {
  const [download] = await Promise.all([on.waitForEvent('download'), action()]);
  return { name: (download as Download).suggestedFilename() };
}


/** The school table as `name status` lines. */
const schoolRows = (on: Page): Promise<string[]> =>
  on.$$eval('#result table.schools tbody tr', (rows) => rows.map((r) => `${r.children[0]!.textContent} ${r.children[1]!.textContent}`));

beforeAll(async () => {
  session = await startPageSession('taizhang-inbox-', { width: 1280, height: 900 });
  ({ work, server, context, page, pageErrors } = session);
  inbox = path.join(work, '报送');
  await makeInbox(inbox);
  await open(page);
}, 180_000);

afterAll(() => session?.close());

test('dist/index.html is the browser page, over http and from file://', async () => {
  expect(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')).toBe(fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8'));
  await expect(page.locator('#run-rollup').isVisible()).resolves.toBe(false); // on its tab, but there
  await expect(page.locator('#run-generate').isVisible()).resolves.toBe(true);
  const local = await context.newPage();
  await local.goto(pathToFileURL(path.join(DIST, 'index.html')).href);
  await expect(local.locator('#host-note').textContent()).resolves.toContain('在浏览器中运行');
  await local.close();
});

test('a whole folder picked: every file accounted for, .xls/.et 无法读取 with the reason, lock and system files skipped', async () => {
  await page.click('#tab-rollup');
  await page.fill('#as-of', AS_OF);
  await page.setInputFiles('#rollup-folder', inbox);
  const picked = page.locator('#rollup-picked');
  await picked.waitFor({ state: 'visible' });
  // 5 files (名单.txt among them: the roll-up lists it apart, as the CLI does); 3 left out.
  await expect(picked.textContent()).resolves.toMatch(/已选 5 个文件（在 2 个子文件夹中）。另跳过 3 个系统或临时文件/);
  await expect(picked.textContent()).resolves.toContain('其中 2 个是旧版 .xls/.et 文件');
  await page.setInputFiles('#rollup-roster', path.join(inbox, '名单.txt'));
  await page.click('#run-rollup');
  await page.locator('#summary-downloads').waitFor();
  const accounting = Object.fromEntries(
    await page.$$eval('#result table.accounting tr', (rows) => rows.map((r) => [r.getAttribute('data-item'), r.querySelector('td')?.textContent ?? ''])),
  );
  expect(accounting['核对结果']).toBe('相符');
  const refused = await page.$$eval('#refused-files + ul .issue', (items) => items.map((li) => [li.querySelector('.cell')!.textContent, li.getAttribute('data-code'), li.querySelector('.message')!.textContent]));
  expect(refused.map(([file, code]) => [file, code])).toEqual([
    ['仪征市第三中学.et', 'XLSX_READ_LEGACY_XLS'],
    ['仪征市第二中学.xls', 'XLSX_READ_LEGACY_XLS'],
  ].sort());
  for (const [, , message] of refused) expect(message).toMatch(/另存为.*\.xlsx/);
  const rows = await schoolRows(page);
  expect(rows).toEqual(expect.arrayContaining(['仪征市实验小学 已报送', '仪征市新城中学 已报送', '仪征市第二中学 无法读取', '仪征市第三中学 无法读取', '仪征市真州小学 未报送']));
  // The school that sent 台账.xlsx in its own folder is known by the folder: no stray "台账" school.
  expect(rows.filter((r) => r.startsWith('台账'))).toEqual([]);
  await expect(page.locator('#missing-schools + ul li').allTextContents()).resolves.toEqual(['仪征市真州小学']);
  await saveScreenshot(page, 'inbox-rollup-1280');
  for (const [file, hash] of hashes) expect([file, sha(file)]).toEqual([file, hash]);
});

test('files dropped on the page (from another tab) open 汇总 and are rolled up; a drop onto a file input is left to it', async () => {
  await page.click('#tab-generate');
  const ontoPlanInput = await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['一、x'], '要点.txt'));
    const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
    document.querySelector('#plan-file')!.dispatchEvent(drop);
    return drop.defaultPrevented;
  });
  expect(ontoPlanInput).toBe(false);
  await expect(page.getAttribute('#tab-generate', 'aria-selected')).resolves.toBe('true');
  const files = [
    { name: '实验小学.xlsx', b64: Buffer.from(fs.readFileSync(path.join(inbox, '实验小学/台账.xlsx'))).toString('base64') },
    { name: '仪征市第二中学.xls', b64: fs.readFileSync(LEGACY_XLS).toString('base64') },
    { name: '~$实验小学.xlsx', b64: Buffer.from('lock').toString('base64') },
  ];
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    const target = document.querySelector('#plan-heading')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
  await expect(page.getAttribute('#tab-rollup', 'aria-selected')).resolves.toBe('true');
  await expect(page.locator('#rollup-picked').textContent()).resolves.toMatch(/已选 2 个文件。另跳过 1 个系统或临时文件.*~\$实验小学\.xlsx.*其中 1 个是旧版/);
  // The folder picked before no longer counts: only what was dropped is rolled up.
  await page.click('#run-rollup');
  await page.locator('#summary-downloads').waitFor();
  await expect(page.$$eval('#refused-files + ul .issue .cell', (cells) => cells.map((c) => c.textContent))).resolves.toEqual(['仪征市第二中学.xls']);
  await expect(schoolRows(page)).resolves.toEqual(expect.arrayContaining(['仪征市实验小学 已报送', '仪征市第二中学 无法读取']));
});

test('the plan file is one step, the unit box keeps its style, and the ledger download carries the unit', async () => {
  await page.click('#tab-generate');
  // The file input is never disabled behind the 内置示例 choice.
  await expect(page.locator('#plan-file').isDisabled()).resolves.toBe(false);
  const style = (id: string) => page.$eval(id, (el) => { const s = getComputedStyle(el); return [s.borderTopWidth, s.borderTopStyle, s.minHeight, s.width, s.display].join(' '); });
  // The minifier dropped type="text": the unit box still looks like the other text box.
  expect(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')).toMatch(/<input id=unit /);
  const unitStyle = await style('#unit');
  expect(unitStyle).toBe(await style('#plan-columns'));
  expect(unitStyle).toMatch(/^1px solid 32px /);
  await page.fill('#unit', '仪征市第二中学');
  const ledger = await downloadOf(() => page.click('#run-generate'));
  expect(ledger.name).toBe(`${seedPlan.title}-仪征市第二中学-台账.xlsx`);
});

test('the last plan, as-of date and unit survive a reload, until the plan is forgotten', async () => {
  const text = fs.readFileSync(path.join(ROOT, 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8').replaceAll('2024 年党建统群', '2025 年党建统群');
  const title = parsePlan(text).plan.title;
  expect(title).not.toBe(seedPlan.title);
  await page.click('#tab-generate');
  await page.setInputFiles('#plan-file', { name: '我的工作要点.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  // Kept once the file is read (a moment after the pick).
  await page.locator('#plan-remembered-text', { hasText: '已记住上次的工作要点“我的工作要点.txt”' }).waitFor();
  await page.fill('#unit', '仪征市新城中学');
  await page.locator('#unit').dispatchEvent('change');
  await page.fill('#as-of', '2025-03-15');
  await page.locator('#as-of').dispatchEvent('change');

  await page.reload();
  await page.locator('#host-note').waitFor({ state: 'visible' });
  await expect(page.inputValue('#unit')).resolves.toBe('仪征市新城中学');
  await expect(page.inputValue('#as-of')).resolves.toBe('2025-03-15');
  await expect(page.locator('#plan-remembered').isVisible()).resolves.toBe(true);
  await expect(page.locator('#plan-remembered-text').textContent()).resolves.toContain('我的工作要点.txt');
  await expect(page.isChecked('#plan-source-file')).resolves.toBe(true);
  // The remembered plan is the one used, with no file picked this time.
  const ledger = await downloadOf(() => page.click('#run-generate'));
  expect(ledger.name).toBe(`${title}-仪征市新城中学-台账.xlsx`);

  await page.click('#plan-forget');
  await expect(page.locator('#plan-remembered').isVisible()).resolves.toBe(false);
  await expect(page.isChecked('#plan-source-seed')).resolves.toBe(true);
  await page.reload();
  await page.locator('#host-note').waitFor({ state: 'visible' });
  await expect(page.locator('#plan-remembered').isVisible()).resolves.toBe(false);
  await expect(downloadOf(() => page.click('#run-generate')).then((d) => d.name)).resolves.toBe(`${seedPlan.title}-仪征市新城中学-台账.xlsx`);
});

test('a browser that refuses storage (some embedded ones throw on localStorage) still runs the page, remembering nothing', async () => {
  const refusing = await context.newPage();
  const errors: string[] = [];
  refusing.on('pageerror', (e) => errors.push(e.message));
  await refusing.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('denied', 'SecurityError'); } });
  });
  await open(refusing);
  await refusing.fill('#unit', '仪征市实验小学');
  await refusing.setInputFiles('#plan-file', { name: '要点.txt', mimeType: 'text/plain', buffer: fs.readFileSync(path.join(ROOT, 'seeds', 'yizheng-2024-party-building-plan.txt')) });
  const ledger = await downloadOf(() => refusing.click('#run-generate'), refusing);
  expect(ledger.name).toBe(`${seedPlan.title}-仪征市实验小学-台账.xlsx`);
  await expect(refusing.locator('#plan-remembered').isVisible()).resolves.toBe(false);
  expect(errors).toEqual([]);
  await refusing.close();
});

test('in a 350-pixel task pane the outcome of an action is scrolled into view', async () => {
  const pane = await context.newPage();
  await pane.setViewportSize({ width: 350, height: 640 });
  await open(pane);
  await pane.click('#tab-rollup');
  await pane.fill('#as-of', AS_OF);
  await pane.setInputFiles('#rollup-folder', inbox);
  await pane.click('#run-rollup');
  await pane.locator('#summary-downloads').waitFor();
  const seen = await pane.$eval('#result', (el) => ({ top: el.getBoundingClientRect().top, height: window.innerHeight, scrolled: window.scrollY }));
  expect(seen.scrolled).toBeGreaterThan(0);
  expect(seen.top).toBeGreaterThanOrEqual(0);
  expect(seen.top).toBeLessThan(seen.height / 2);
  // A fault too: 校验 with no file chosen.
  await pane.click('#tab-validate');
  await pane.evaluate(() => window.scrollTo(0, 0));
  await pane.click('#run-validate');
  await pane.locator('#error').waitFor({ state: 'visible' });
  const fault = await pane.$eval('#error', (el) => el.getBoundingClientRect().top);
  expect(fault).toBeGreaterThanOrEqual(0);
  expect(fault).toBeLessThan(640);
  await pane.click('#tab-rollup');
  await pane.click('#run-rollup');
  await pane.locator('#summary-downloads').waitFor();
  await saveScreenshot(pane, 'inbox-rollup-350');
  await pane.close();
  expect(pageErrors).toEqual([]);
});
