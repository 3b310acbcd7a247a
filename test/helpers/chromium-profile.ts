/**
 * Debian's Chromium (never a downloaded browser) as the browser-page e2e suites
 * launch it: headless, offline-quiet, Chinese, downloads accepted, in a
 * persistent profile under the suite's own temporary folder (the page's
 * localStorage lives there, so a reload keeps what the page remembered).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DIST, ensureDist, ROOT } from './build-dist';
import { serveDirectory, type StaticServer } from './static-server';

const SHOTS = path.join(ROOT, '.tmp', 'screenshots');

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=zh-CN',
];

/** `viewport` undefined: Playwright's default size. */
export function launchProfile(work: string, viewport?: { width: number; height: number }): Promise<BrowserContext> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/install-system-deps.sh`);
  return chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    ...(viewport ? { viewport } : {}),
    locale: 'zh-CN',
  });
}

/** A browser-page suite's Chromium: its own temporary folder, dist/ served over http, one persistent profile. */
export interface PageSession {
  work: string;
  server: StaticServer;
  context: BrowserContext;
  /** The profile's first tab, not yet navigated. */
  page: Page;
  /** Errors thrown in `page`. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Builds dist/ if it is stale (ensureDist) and serves it; `prefix` names the suite's temporary folder. */
export async function startPageSession(prefix: string, viewport: { width: number; height: number }): Promise<PageSession> {
  ensureDist();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const server = await serveDirectory(DIST);
  const context = await launchProfile(work, viewport);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    work,
    server,
    context,
    page,
    pageErrors,
    async close() {
      await context.close();
      await server.close();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

/** The whole page as `.tmp/screenshots/<name>.png`, to look at. */
export async function saveScreenshot(on: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await on.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}
