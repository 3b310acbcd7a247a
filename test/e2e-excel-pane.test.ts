/**
 * The pane inside Excel, in Chromium: office.js is replaced by a fake that
 * says "Excel, ExcelApi up to 1.7" (Excel 2019) and whose Excel.run rejects
 * with a protected-sheet error before running the batch. Checks the DOM side the node tests cannot: the
 * capability line, the Excel controls, the Office error in the page, and that
 * the Excel chunk is fetched only on the first action, all without a
 * Content-Security-Policy violation.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { DIST, ensureDist } from './helpers/build-dist';
import { serveDirectory, type StaticServer } from './helpers/static-server';
import { watchCsp, type CspWatch } from './helpers/csp-watch';
import { FEATURES } from '../src/office/capabilities';

const FAKE_OFFICE = `
window.Office = { onReady: function () { return Promise.resolve({ host: 'Excel' }); },
  context: { requirements: { isSetSupported: function (name, v) { return name === 'ExcelApi' && Number(String(v).split('.')[1]) <= 7; } } } };
window.Excel = { run: function () { var e = new Error('The sheet is protected.'); e.code = 'InvalidOperation'; return Promise.reject(e); } };
`;

let server: StaticServer;
let browser: Browser;
let page: Page;
let csp: CspWatch;
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureDist();
  server = await serveDirectory(DIST);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  page = await browser.newPage({ viewport: { width: 460, height: 900 }, locale: 'zh-CN' });
  csp = await watchCsp(page.context());
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.route('**/office/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: FAKE_OFFICE }));
  // Office marks the pages it hosts with _host_Info: the page loads office.js only then.
  await page.goto(`${server.origin}/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
  await page.locator('#capability-text').waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the capability line names what is missing (下拉选项、打印设置…), ExcelApi 1.7 only in its details, and the browser page without the Office query', async () => {
  await expect(page.locator('#capability-text').textContent()).resolves.not.toContain('ExcelApi');
  const missing = await page.$$eval('#host-note .missing li', (items) => items.map((li) => li.textContent ?? ''));
  expect(missing).toEqual(expect.arrayContaining([FEATURES.dataValidation.zh, FEATURES.pageLayout.zh, FEATURES.comments.zh]));
  expect(missing.join('')).not.toContain('ExcelApi');
  await expect(page.locator('#host-note details.capability-details').textContent()).resolves.toMatch(/支持到 ExcelApi 1\.7。.*需要 ExcelApi 1\.8/);
  await expect(page.locator('#browser-url').textContent()).resolves.toBe(`${server.origin}/taskpane.html`);
  expect(requests.some((url) => /\/excel\.[0-9a-f]+\.js$/.test(url))).toBe(false);
});

test('Excel controls replace the file ones', async () => {
  await expect(page.locator('#run-generate').innerText()).resolves.toBe('在当前工作簿中生成');
  await expect(page.isVisible('#download-generate')).resolves.toBe(true);
  await page.click('#tab-validate');
  await expect(page.isVisible('#validate-file')).resolves.toBe(false);
  await expect(page.locator('#run-validate').innerText()).resolves.toBe('校验当前工作簿');
});

test('an Office error from 校验 is shown with our code, Excel’s code and what to do', async () => {
  await page.click('#run-validate');
  await page.locator('#error').waitFor({ state: 'visible' });
  const text = await page.locator('#error').innerText();
  expect(text).toContain('OFFICE_PROTECTED');
  expect(text).toContain('InvalidOperation');
  expect(text).toContain('撤消工作表保护');
  expect(requests.some((url) => /\/excel\.[0-9a-f]+\.js$/.test(url))).toBe(true);
  expect(pageErrors).toEqual([]);
  // Excel mode and its chunk run under the page's policy as they are.
  await csp.settle(page);
  expect(csp.of(page)).toEqual([]);
});
