/**
 * The built page in headless Chromium, served from dist/ as an intranet server would, for the e2e
 * tests of a hosted pane: `prepare` sets up what the host would (globals, routes) before the page
 * loads; requests, page errors and Content-Security-Policy reports are collected.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { DIST, ensureDist } from './build-dist';
import { watchCsp, type CspWatch } from './csp-watch';
import { serveDirectory, type StaticServer } from './static-server';

export interface PanePage {
  server: StaticServer;
  browser: Browser;
  page: Page;
  csp: CspWatch;
  requests: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openPanePage(prepare: (page: Page) => Promise<unknown>, path: string, ready = '#capability-text'): Promise<PanePage> {
  ensureDist();
  const server = await serveDirectory(DIST);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 460, height: 900 }, locale: 'zh-CN' });
  const csp = await watchCsp(page.context());
  const requests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await prepare(page);
  await page.goto(`${server.origin}${path}`);
  await page.locator(ready).waitFor();
  const close = async () => {
    await browser.close();
    await server.close();
  };
  return { server, browser, page, csp, requests, pageErrors, close };
}
