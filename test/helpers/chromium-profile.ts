/**
 * Debian's Chromium (never a downloaded browser) as the browser-page e2e suites
 * launch it: headless, offline-quiet, Chinese, downloads accepted, in a
 * persistent profile under the suite's own temporary folder (the page's
 * localStorage lives there, so a reload keeps what the page remembered).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

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
