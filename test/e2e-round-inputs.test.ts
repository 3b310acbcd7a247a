/**
 * End to end in Chromium, the production build (dist/index.html): 汇总's 本期名称 and
 * 重新报送截止日期. The name's placeholder follows the as-of date; a deadline before that date
 * is refused in the page's words; the name reaches the downloaded summary's title and the date
 * the feedback messages; the date is not remembered. At 350 px (a task pane) the inputs, the
 * messages and their 复制 buttons fit. And the message for an engine too old for the page speaks
 * of the program it is in: Excel, WPS 表格 or a browser. Screenshots go to .tmp/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { saveScreenshot, startPageSession, type PageSession } from './helpers/chromium-profile';
import { rollupScenario } from './helpers/e2e-rollup';
import { PYTHON } from './helpers/openpyxl';
import type { StaticServer } from './helpers/static-server';
import { AS_OF, seedPlan } from './helpers/validate-fixture';


let server: StaticServer;
let context: BrowserContext;
let page: Page;
let work: string;
let files: string[];
let roster: string;
let pageErrors: string[];
let session: PageSession | undefined;

async function open(on: Page): Promise<void> {
  await on.goto(`${server.origin}/index.html`);
  await on.locator('#host-note').waitFor({ state: 'visible' });
  await on.click('#tab-rollup');
}


/** Every text of the .xlsx's XML, tags dropped. */
function xlsxText(file: string): string {
  const script = 'import sys, zipfile, re\nz = zipfile.ZipFile(sys.argv[1])\nsys.stdout.write("".join(re.sub(r"<[^>]+>", "", z.read(n).decode("utf-8")) for n in z.namelist() if n.endswith(".xml")))';
  return execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' });
}

/** Boxes of what must fit the pane's width, and the page's own scroll width. */
const overflow = (on: Page) =>
  on.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll<HTMLElement>('#panel-rollup input, #panel-rollup label, .feedback-message, .feedback-message textarea, .feedback-message button, #error')]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 || el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName}#${el.id}.${el.className}`);
    return { width, scrollWidth: document.documentElement.scrollWidth, wide };
  });

beforeAll(async () => {
  session = await startPageSession('taizhang-round-', { width: 1280, height: 900 });
  ({ work, server, context, page, pageErrors } = session);
  const scenario = await rollupScenario();
  files = scenario.files.map((f) => {
    const file = path.join(work, f.name);
    fs.writeFileSync(file, f.bytes);
    return file;
  });
  roster = path.join(work, '名单.txt');
  fs.writeFileSync(roster, scenario.roster);
  await open(page);
}, 180_000);

afterAll(() => session?.close());

test('本期名称’s placeholder follows the as-of date; the deadline picker starts there', async () => {
  await page.fill('#as-of', '2024-12-31');
  await expect(page.getAttribute('#rollup-round', 'placeholder')).resolves.toBe('不填则为“2024年12月”');
  await page.fill('#as-of', AS_OF);
  await expect(page.getAttribute('#rollup-round', 'placeholder')).resolves.toBe('不填则为“2024年9月”');
  await expect(page.getAttribute('#rollup-resubmit-by', 'min')).resolves.toBe(AS_OF);
  await expect(page.locator('#rollup-round').isVisible()).resolves.toBe(true);
  await expect(page.locator('#rollup-resubmit-by').isVisible()).resolves.toBe(true);
});

test('a deadline before the as-of date is refused with the page’s words, and nothing is rolled up', async () => {
  await page.setInputFiles('#rollup-files', files);
  await page.fill('#rollup-resubmit-by', '2024-08-20');
  await page.click('#run-rollup');
  const error = page.locator('#error');
  await error.waitFor({ state: 'visible' });
  const text = await error.textContent();
  expect(text).toContain('重新报送截止日期（2024年8月20日）早于判断逾期的日期（2024年9月1日）');
  expect(text).not.toMatch(/--[a-z]/);
  await expect(page.locator('#summary-downloads').count()).resolves.toBe(0);
  await page.setViewportSize({ width: 350, height: 800 });
  expect(await overflow(page)).toEqual({ width: 350, scrollWidth: 350, wide: [] });
  await saveScreenshot(page, 'round-refused-350');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('the name is the downloaded summary’s title, the date is in each message; all fits at 350 px', async () => {
  await page.fill('#rollup-round', '2024年第三季度');
  await page.fill('#rollup-resubmit-by', '2024-09-10');
  await page.setInputFiles('#rollup-roster', roster);
  const [summary] = await Promise.all([page.waitForEvent('download'), page.click('#run-rollup')]);
  const saved = path.join(work, 'summary.xlsx');
  await (summary as Download).saveAs(saved);
  expect(xlsxText(saved)).toContain(`${seedPlan.title} 汇总（2024年第三季度）`);
  const [zip] = await Promise.all([page.waitForEvent('download'), page.click('#make-feedback')]);
  expect((zip as Download).suggestedFilename()).toBe(`${seedPlan.title}-各校反馈-${AS_OF}.zip`);
  const messages = await page.$$eval('.feedback-message textarea', (areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
  expect(messages.length).toBeGreaterThan(1);
  for (const text of messages) expect(text).toContain('请于9月10日前');
  await expect(page.locator('.feedback-message button.copy').count()).resolves.toBe(messages.length);
  await saveScreenshot(page, 'round-feedback-1280');
  await page.setViewportSize({ width: 350, height: 800 });
  expect(await overflow(page)).toEqual({ width: 350, scrollWidth: 350, wide: [] });
  for (const button of await page.locator('.feedback-message button.copy').all()) {
    const box = (await button.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(40); // a real button, not squeezed to nothing
    expect(box.x + box.width).toBeLessThanOrEqual(350);
  }
  await saveScreenshot(page, 'round-feedback-350');
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(pageErrors).toEqual([]);
});

test('after a reload the as-of date is kept, the deadline and the name are not', async () => {
  await open(page);
  await expect(page.inputValue('#as-of')).resolves.toBe(AS_OF);
  await expect(page.inputValue('#rollup-resubmit-by')).resolves.toBe('');
  await expect(page.inputValue('#rollup-round')).resolves.toBe('');
});

test.each([
  ['a plain browser', '', undefined, 'legacy-browser', /Edge、Chrome 或 Firefox.*极速模式/],
  ['Excel', '?_host_Info=Excel$Win32$16.01$zh-CN', undefined, 'legacy-excel', /这个版本的 Excel/],
  ['WPS 表格', '', 'wps', 'legacy-wps', /这个版本的 WPS 表格/],
])('an engine too old for the page, in %s, is told what to do there', async (_host, query, global, shown, wording) => {
  const old = await context.newPage();
  await old.addInitScript((name) => {
    delete (Array.prototype as { flatMap?: unknown }).flatMap;
    if (name) (window as unknown as Record<string, unknown>)[name] = {};
  }, global ?? '');
  await old.goto(`${server.origin}/taskpane.html${query}`);
  await expect(old.isVisible('#legacy')).resolves.toBe(true);
  await expect(old.isVisible('#app')).resolves.toBe(false);
  const visible = await old.$$eval('#legacy p[id^="legacy-"]:not([hidden])', (ps) => ps.map((p) => p.id));
  expect(visible).toEqual([shown, 'legacy-url']);
  await expect(old.locator(`#${shown}`).textContent()).resolves.toMatch(wording);
  await expect(old.locator('#legacy-url').textContent()).resolves.toBe(`${server.origin}/taskpane.html`);
  await old.setViewportSize({ width: 350, height: 700 });
  await saveScreenshot(old, `legacy-${shown.slice(7)}-350`);
  await old.close();
});
