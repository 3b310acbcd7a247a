/**
 * Roll-up benchmark: `npm run bench [-- --n 2000 --jobs 2]`.
 *
 * Generates N filled school workbooks once (the demo's realistic fills), then
 * measures in the same run:
 *   (a) taizhang rollup end to end (the CLI in a child process: reading,
 *       checking, rolling up and writing the summary), at N/4, N/2 and N files
 *       to show how time grows;
 *   (b) the floor: reading every file and inflating every zip entry with
 *       node:zlib, nothing else;
 *   (c) a baseline: exceljs `xlsx.load` per file feeding the same core
 *       (extraction, rules, roll-up, summary), in a child process too.
 * Prints ms per workbook, the ratios a/b and c/a, and peak memory (max RSS).
 * Every figure is the median of three runs. (b), (a) and (c) at N are taken in
 * rounds, one of each per round, and the ratios are the medians of each
 * round's own ratios, so a slow patch of the machine touches all three.
 * (c) takes ~10 s a run for 2,000.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { fillSchool } from '../src/cli/demo/fill-school.js';
import { sampleSchoolFill } from '../src/cli/demo/sample-schools.js';
import { extractLedger } from '../src/core/ledger/extract-ledger.js';
import { indexTemplate } from '../src/core/ledger/template-index.js';
import { parsePlan } from '../src/core/plan/index.js';
import { rollUp, type SubmissionInput } from '../src/core/rollup/roll-up.js';
import { buildSummarySpec } from '../src/core/summary/build-summary.js';
import { buildTemplateSpec } from '../src/core/template/build-spec.js';
import { validateLedger } from '../src/core/validate/validate-ledger.js';
import { renderWorkbook } from '../src/xlsx/render-workbook.js';
import { nativeRender } from '../src/cli/native-deflate.js';
import { inflateAll, snapshotFromExcelJs } from './bench-support.js';

// Compiled to .tmp/scripts/scripts/: the repository is three levels up.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED = path.join(ROOT, 'seeds', 'yizheng-2024-party-building-plan.txt');
const AS_OF = '2024-09-01';
const plan = parsePlan(fs.readFileSync(SEED, 'utf8')).plan;

async function generate(dir: string, n: number): Promise<void> {
  const template = await renderWorkbook(buildTemplateSpec(plan));
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const school = `仪征市第${i + 1}学校`;
    const bytes = await fillSchool(template, sampleSchoolFill(plan, school, '2024-08-30'));
    fs.writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}-${school}.xlsx`), bytes);
  }
}

function filesIn(dir: string, n: number): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().slice(0, n).map((f) => path.join(dir, f));
}

/** Runs a piece of work in a fresh Node process and returns its wall time and max RSS. */
function child(args: string[]): { ms: number; maxRssMb: number } {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--max-old-space-size=4096', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = /MAXRSS (\d+)/.exec(result.stderr)?.[1];
  if (!rss) throw new Error(`child failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  return { ms, maxRssMb: Number(rss) / 1024 };
}

function rollupChild(dir: string, files: string[], jobs: number): { ms: number; maxRssMb: number } {
  const list = path.join(dir, `..`, `files-${files.length}.json`);
  fs.writeFileSync(list, JSON.stringify(files));
  const out = path.join(os.tmpdir(), `taizhang-bench-${files.length}.xlsx`);
  const script = `
    const files = require(${JSON.stringify(list)});
    require(${JSON.stringify(path.join(ROOT, 'lib', 'cli', 'main.js'))})
      .main(['rollup', ...files, '-o', ${JSON.stringify(out)}, '--as-of', '${AS_OF}', '--jobs', '${jobs}'],
            { stdout() {}, stderr: (t) => process.stderr.write(t), cwd: process.cwd(), interactive: false })
      .then((code) => { if (code === 2) process.exit(2); process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n'); });`;
  return child(['-e', script]);
}

async function exceljsBaseline(files: string[]): Promise<void> {
  const index = indexTemplate(plan);
  const inputs: SubmissionInput[] = [];
  for (const file of files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const extracted = extractLedger(snapshotFromExcelJs(workbook), index, path.basename(file));
    if (!extracted.ok) throw new Error(extracted.issue.code);
    const issues = validateLedger(extracted.ledger, index, { asOf: AS_OF });
    inputs.push({ file: path.basename(file), result: { status: 'checked', ledger: extracted.ledger, issues: [...extracted.issues, ...issues] } });
  }
  const rollup = rollUp(inputs, index, { asOf: AS_OF });
  // The same writer and native compression as the CLI: the baseline differs from (a) only in how files are read.
  await renderWorkbook(buildSummarySpec(rollup, index), nativeRender);
  process.stderr.write(`MAXRSS ${process.resourceUsage().maxRSS}\n`);
}

/** Runs of each measurement; the median is reported. */
const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function floor(files: string[]): number {
  const start = process.hrtime.bigint();
  let bytes = 0;
  for (const file of files) bytes += inflateAll(fs.readFileSync(file));
  if (bytes === 0) throw new Error('nothing inflated');
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { n: { type: 'string' }, jobs: { type: 'string' }, 'exceljs-child': { type: 'string' } } });
  if (values['exceljs-child']) return exceljsBaseline(JSON.parse(fs.readFileSync(values['exceljs-child'], 'utf8')));
  const n = Number(values.n ?? 200);
  const jobs = Number(values.jobs ?? Math.min(os.availableParallelism(), 8));
  const dir = path.join(ROOT, '.tmp', 'bench-data', String(n), 'files');
  if (filesIn(dir, n).length < n) {
    const started = Date.now();
    await generate(dir, n);
    console.log(`生成 ${n} 份填好的台账：${((Date.now() - started) / 1000).toFixed(1)} 秒（${dir}）`);
  }
  const all = filesIn(dir, n);
  const perBook = (ms: number, count: number): string => `${(ms / count).toFixed(2)} ms/份`;
  const list = path.join(dir, '..', 'exceljs-files.json');
  fs.writeFileSync(list, JSON.stringify(all));
  // This VM's speed drifts by a third within minutes, so (b), (a) and (c) are taken in rounds, one of each per
  // round: a slow patch then touches all three, and each ratio is the median of the rounds' own ratios.
  const rounds: { floor: number; full: { ms: number; maxRssMb: number }; baseline: { ms: number; maxRssMb: number } }[] = [];
  for (let run = 0; run < RUNS; run++) {
    rounds.push({ floor: floor(all), full: rollupChild(dir, all, jobs), baseline: child([__filename, '--exceljs-child', list]) });
  }
  const runsOf = (values: number[]): string => `${RUNS} 次：${values.map((ms) => (ms / n).toFixed(2)).join(' / ')}`;
  const floorMs = median(rounds.map((r) => r.floor));
  console.log(`(b) 下限：读文件 + node:zlib 解压全部条目 ${String(n).padStart(5)} 份 ${perBook(floorMs, n)}（${runsOf(rounds.map((r) => r.floor))}）`);
  const sizes = [Math.max(1, Math.floor(n / 4)), Math.max(1, Math.floor(n / 2))];
  for (const count of sizes) {
    const result = median(Array.from({ length: RUNS }, () => rollupChild(dir, all.slice(0, count), jobs).ms));
    console.log(`(a) taizhang rollup ${String(count).padStart(5)} 份（--jobs ${jobs}）       ${perBook(result, count)}`);
  }
  const fullMs = median(rounds.map((r) => r.full.ms));
  const fullRss = Math.max(...rounds.map((r) => r.full.maxRssMb));
  console.log(`(a) taizhang rollup ${String(n).padStart(5)} 份（--jobs ${jobs}）       ${perBook(fullMs, n)}（${runsOf(rounds.map((r) => r.full.ms))}），峰值内存 ${fullRss.toFixed(0)} MB`);
  const baselineMs = median(rounds.map((r) => r.baseline.ms));
  const baselineRss = Math.max(...rounds.map((r) => r.baseline.maxRssMb));
  console.log(`(c) exceljs xlsx.load + 同一核心  ${String(n).padStart(5)} 份         ${perBook(baselineMs, n)}（${runsOf(rounds.map((r) => r.baseline.ms))}），峰值内存 ${baselineRss.toFixed(0)} MB`);
  const ab = rounds.map((r) => r.full.ms / r.floor);
  const ca = rounds.map((r) => r.baseline.ms / r.full.ms);
  const each = (values: number[]): string => values.map((v) => v.toFixed(1)).join(' / ');
  console.log(
    `a/b = ${median(ab).toFixed(1)}（每轮 ${each(ab)}；目标 ≤ 3）；c/a = ${median(ca).toFixed(1)}（每轮 ${each(ca)}；目标 ≥ 4）；峰值内存 ${fullRss.toFixed(0)} MB（目标 < 250）`,
  );
}

void main().catch((error) => {
  console.error(error);
  process.exit(2);
});
