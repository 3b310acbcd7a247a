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
 *       (extraction, rules, roll-up, summary), in a child process too;
 *   (d) a peer: SheetJS (`xlsx` 0.18.5) `XLSX.read` of every file, reading
 *       only, nothing checked or written, in a child process.
 * Prints ms per workbook, the ratios a/b, c/a and d/a, and peak memory: the
 * child's max RSS, which covers its threads (check threads, deflate thread:
 * threads, not processes, so the process tree is that one process).
 * `--n 20000` also runs (a) on the first 2,000 files, for the memory target
 * (20,000 within 20 % of 2,000); `--no-peers` leaves (c) and (d) out.
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
import * as XLSX from 'xlsx';
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

/** The peer: SheetJS reading every file into its workbook model, nothing more. */
function sheetjsRead(files: string[]): void {
  let sheets = 0;
  for (const file of files) sheets += XLSX.read(fs.readFileSync(file), { type: 'buffer' }).SheetNames.length;
  if (sheets === 0) throw new Error('SheetJS read no sheet');
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

type Run = { ms: number; maxRssMb: number };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { n: { type: 'string' }, jobs: { type: 'string' }, 'exceljs-child': { type: 'string' }, 'sheetjs-child': { type: 'string' }, 'no-peers': { type: 'boolean' } },
  });
  if (values['exceljs-child']) return exceljsBaseline(JSON.parse(fs.readFileSync(values['exceljs-child'], 'utf8')));
  if (values['sheetjs-child']) return sheetjsRead(JSON.parse(fs.readFileSync(values['sheetjs-child'], 'utf8')));
  const n = Number(values.n ?? 2000);
  const peers = !values['no-peers'];
  const jobs = Number(values.jobs ?? Math.min(os.availableParallelism(), 8));
  const dir = path.join(ROOT, '.tmp', 'bench-data', String(n), 'files');
  if (filesIn(dir, n).length < n) {
    const started = Date.now();
    await generate(dir, n);
    console.log(`生成 ${n} 份填好的台账：${((Date.now() - started) / 1000).toFixed(1)} 秒（${dir}）`);
  }
  const all = filesIn(dir, n);
  const perBook = (ms: number, count: number): string => `${(ms / count).toFixed(2)} ms/份`;
  const list = path.join(dir, '..', 'peer-files.json');
  fs.writeFileSync(list, JSON.stringify(all));
  // This VM's speed drifts by a third within minutes, so (b), (a), (c) and (d) are taken in rounds, one of each per
  // round: a slow patch then touches all of them, and each ratio is the median of the rounds' own ratios.
  const rounds: { floor: number; full: Run; baseline?: Run; sheetjs?: Run }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const floorMs = floor(all);
    const full = rollupChild(dir, all, jobs);
    rounds.push({
      floor: floorMs,
      full,
      ...(peers ? { baseline: child([__filename, '--exceljs-child', list]), sheetjs: child([__filename, '--sheetjs-child', list]) } : {}),
    });
  }
  const runsOf = (values: number[]): string => `${RUNS} 次：${values.map((ms) => (ms / n).toFixed(2)).join(' / ')}`;
  const floorMs = median(rounds.map((r) => r.floor));
  console.log(`(b) 下限：读文件 + node:zlib 解压全部条目 ${String(n).padStart(5)} 份 ${perBook(floorMs, n)}（${runsOf(rounds.map((r) => r.floor))}）`);
  const sizes = [...new Set([...(n > 2000 ? [2000] : []), Math.max(1, Math.floor(n / 4)), Math.max(1, Math.floor(n / 2))])].sort((a, b) => a - b);
  const peakAt = new Map<number, number>();
  for (const count of sizes) {
    const runs = Array.from({ length: RUNS }, () => rollupChild(dir, all.slice(0, count), jobs));
    peakAt.set(count, Math.max(...runs.map((r) => r.maxRssMb)));
    console.log(`(a) taizhang rollup ${String(count).padStart(5)} 份（--jobs ${jobs}）       ${perBook(median(runs.map((r) => r.ms)), count)}，峰值内存 ${peakAt.get(count)!.toFixed(0)} MB`);
  }
  const fullMs = median(rounds.map((r) => r.full.ms));
  const fullRss = Math.max(...rounds.map((r) => r.full.maxRssMb));
  console.log(`(a) taizhang rollup ${String(n).padStart(5)} 份（--jobs ${jobs}）       ${perBook(fullMs, n)}（${runsOf(rounds.map((r) => r.full.ms))}），峰值内存 ${fullRss.toFixed(0)} MB`);
  const each = (values: number[]): string => values.map((v) => v.toFixed(1)).join(' / ');
  const ab = rounds.map((r) => r.full.ms / r.floor);
  const targets = [`a/b = ${median(ab).toFixed(1)}（每轮 ${each(ab)}；目标 ≤ 3）`];
  for (const [label, name, pick] of [
    ['(c) exceljs xlsx.load + 同一核心', 'c/a', (r: (typeof rounds)[number]) => r.baseline],
    ['(d) SheetJS XLSX.read（只读取）', 'd/a', (r: (typeof rounds)[number]) => r.sheetjs],
  ] as const) {
    const peer = rounds.map(pick).filter((r): r is Run => r !== undefined);
    if (peer.length === 0) continue;
    const ms = median(peer.map((r) => r.ms));
    console.log(`${label}  ${String(n).padStart(5)} 份  ${perBook(ms, n)}（${runsOf(peer.map((r) => r.ms))}），峰值内存 ${Math.max(...peer.map((r) => r.maxRssMb)).toFixed(0)} MB`);
    const ratio = rounds.map((r, i) => peer[i]!.ms / r.full.ms);
    targets.push(`${name} = ${median(ratio).toFixed(1)}（每轮 ${each(ratio)}${name === 'd/a' ? '；目标 ≥ 4' : ''}）`);
  }
  const at2000 = n > 2000 ? peakAt.get(2000) : undefined;
  targets.push(`峰值内存 ${fullRss.toFixed(0)} MB${n >= 20000 ? '（目标 < 400）' : ''}${at2000 ? `，为 2000 份时（${at2000.toFixed(0)} MB）的 ${(fullRss / at2000).toFixed(2)} 倍（目标 ≤ 1.2）` : ''}`);
  console.log(targets.join('；'));
}

void main().catch((error) => {
  console.error(error);
  process.exit(2);
});
