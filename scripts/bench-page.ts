/**
 * Page benchmark: `npm run bench:page [-- --n 500]`. A roll-up of the same N
 * filled workbooks (the ones `npm run bench` generated) in the page, in
 * Debian's Chromium (/usr/bin/chromium, driven by playwright-core), and in the
 * CLI (`taizhang rollup --jobs 2`, a child process), in rounds; prints ms per
 * workbook of each and the ratio page/CLI (target ≤ 2). The page is timed from
 * the click on 汇总 to the summary's download; handing the files to the page
 * (playwright's setInputFiles) is not timed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { DIST, ensureDist } from '../test/helpers/build-dist.js';
import { serveDirectory } from '../test/helpers/static-server.js';

// Compiled to .tmp/scripts/scripts/: the repository is three levels up.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const ROUNDS = 3;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'];

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function cliMs(files: string[], out: string): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'taizhang.js'), 'rollup', ...files, '-o', out, '--as-of', '2024-09-01', '--jobs', '2'], { encoding: 'utf8' });
  if (run.status === 2) throw new Error(run.stderr);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { n: { type: 'string' } } });
  const n = Number(values.n ?? 500);
  const dir = path.join(ROOT, '.tmp', 'bench-data', '2000', 'files');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().slice(0, n).map((f) => path.join(dir, f)) : [];
  if (files.length < n) throw new Error(`需要先运行 npm run bench 生成台账（${dir} 里只有 ${files.length} 份）`);
  ensureDist();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-bench-page-'));
  const server = await serveDirectory(DIST);
  const context = await chromium.launchPersistentContext(path.join(work, 'profile'), { executablePath: '/usr/bin/chromium', headless: true, args: ARGS, acceptDownloads: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const payload = files.map((file) => ({ name: path.basename(file), mimeType: 'application/octet-stream', buffer: fs.readFileSync(file) }));
    const rounds: { page: number; cli: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await page.goto(`${server.origin}/taskpane.html`);
      await page.click('#tab-rollup');
      await page.setInputFiles('#rollup-files', payload);
      const started = process.hrtime.bigint();
      await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.click('#run-rollup')]);
      const pageMs = Number(process.hrtime.bigint() - started) / 1e6;
      rounds.push({ page: pageMs, cli: cliMs(files, path.join(work, 'summary.xlsx')) });
    }
    const each = (pick: (r: (typeof rounds)[number]) => number): string => rounds.map((r) => (pick(r) / n).toFixed(2)).join(' / ');
    const ratios = rounds.map((r) => r.page / r.cli);
    console.log(`页面（Chromium）汇总 ${n} 份：${(median(rounds.map((r) => r.page)) / n).toFixed(2)} ms/份（${ROUNDS} 次：${each((r) => r.page)}）`);
    console.log(`CLI taizhang rollup --jobs 2，同样 ${n} 份：${(median(rounds.map((r) => r.cli)) / n).toFixed(2)} ms/份（${ROUNDS} 次：${each((r) => r.cli)}）`);
    console.log(`页面/CLI = ${median(ratios).toFixed(1)}（每轮 ${ratios.map((r) => r.toFixed(1)).join(' / ')}；目标 ≤ 2）`);
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(2);
});
