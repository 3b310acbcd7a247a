/**
 * How the add-in's page (addin.html) starts inside Office, in Chromium with
 * office.js faked: office.js from Microsoft's CDN and, where the CDN cannot
 * be reached (every request off this machine is refused here, as on an
 * intranet), our own copy in its place with a note saying so; an Office that
 * answers late still gets Excel mode; Excel for Mac gets the way to the
 * browser page instead of downloads that its webview ignores; and a portal
 * that frames the browser page is not taken for Office.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { DIST, ensureDist } from './helpers/build-dist';
import { serveDirectory, type StaticServer } from './helpers/static-server';
import { watchCsp, type CspWatch } from './helpers/csp-watch';

const CDN = 'https://officeapis.public.onecdn.static.microsoft/1/office.js';

/** A fake office.js: Excel with ExcelApi 1.13, answering onReady after `delayMs`, on `platform`; it records browser windows opened. */
function fakeOffice(delayMs: number, platform: string): string {
  return `
window.openedWindows = [];
window.Office = {
  onReady: function () { return new Promise(function (r) { setTimeout(function () { r({ host: 'Excel', platform: '${platform}' }); }, ${delayMs}); }); },
  context: {
    requirements: { isSetSupported: function (name, v) { return name === 'OpenBrowserWindowApi' || (name === 'ExcelApi' && Number(String(v).split('.')[1]) <= 13); } },
    ui: { openBrowserWindow: function (url) { window.openedWindows.push(url); } }
  }
};
window.Excel = { run: function () { return Promise.reject(new Error('not in these tests')); } };`;
}

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  ensureDist();
  server = await serveDirectory(DIST);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPane(fake: string): Promise<{ page: Page; requests: string[]; csp: CspWatch }> {
  const page = await browser.newPage({ viewport: { width: 350, height: 900 }, locale: 'zh-CN' });
  const csp = await watchCsp(page.context());
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  // Nothing leaves this machine: the CDN is unreachable, as on a school intranet.
  await page.route((url) => !url.href.startsWith(server.origin), (route) => route.abort('internetdisconnected'));
  await page.route('**/office/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: fake }));
  await page.goto(`${server.origin}/addin.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
  return { page, requests, csp };
}

test('office.js is asked of Microsoft’s CDN first, in <head>; unreachable, our copy takes its place and the pane says so', async () => {
  const { page, requests, csp } = await openPane(fakeOffice(0, 'PC'));
  await page.locator('#capability-text').waitFor();
  expect(requests.indexOf(CDN)).toBeGreaterThanOrEqual(0);
  expect(requests.indexOf(CDN)).toBeLessThan(requests.indexOf(`${server.origin}/office/office.js`));
  const head = await page.evaluate(() => [...document.head.querySelectorAll('script')].map((s) => s.getAttribute('src')));
  expect(head.slice(0, 3)).toEqual([CDN, 'office-fallback.js', 'office/office.js']);
  await expect(page.locator('#office-note').textContent()).resolves.toContain('已改用本站保存的 office.js 副本');
  await expect(page.locator('#run-generate').innerText()).resolves.toBe('在当前工作簿中生成');
  await csp.settle(page);
  expect(csp.of(page)).toEqual([]);
  await page.close();
});

test('an Office that answers after the old 3-second wait still gets Excel mode; the pane works on files meanwhile', async () => {
  const { page } = await openPane(fakeOffice(4500, 'PC'));
  await expect(page.locator('#host-note').textContent()).resolves.toContain('正在连接 Excel');
  await expect(page.locator('#run-generate').innerText()).resolves.toBe('生成台账');
  await page.waitForTimeout(3500);
  await expect(page.locator('#run-generate').innerText()).resolves.toBe('生成台账');
  await page.locator('#capability-text').waitFor({ timeout: 10_000 });
  await expect(page.locator('#run-generate').innerText()).resolves.toBe('在当前工作簿中生成');
  await expect(page.evaluate(() => document.body.dataset.host)).resolves.toBe('excel');
  await page.close();
});

test('Excel for Mac: a file is offered through the browser page, which the pane opens with Office’s own call', async () => {
  const { page } = await openPane(fakeOffice(0, 'Mac'));
  await page.locator('#capability-text').waitFor();
  await page.click('#download-generate');
  const note = page.locator('#result .no-download');
  await note.waitFor();
  await expect(note.textContent()).resolves.toContain('Excel for Mac 的加载项窗口不能保存文件');
  expect(await page.locator('#result a[download]').count()).toBe(0);
  await page.click('#result .no-download button');
  await expect(page.evaluate(() => (window as unknown as { openedWindows: string[] }).openedWindows)).resolves.toEqual([`${server.origin}/taskpane.html`]);
  await page.close();
});

test('the browser page framed by a portal is not taken for Office: no office.js, and it works on files', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.route(`${server.origin}/portal.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>门户</title><iframe src="${server.origin}/taskpane.html" width="900" height="700"></iframe>` }),
  );
  await page.goto(`${server.origin}/portal.html`);
  const pane = page.frames().find((f) => f.url().endsWith('/taskpane.html'))!;
  await pane.locator('#host-note').waitFor({ state: 'visible' });
  await expect(pane.locator('#host-note').textContent()).resolves.toContain('在浏览器中运行');
  expect(requests.some((url) => url.includes('office.js'))).toBe(false);
  await page.close();
});
