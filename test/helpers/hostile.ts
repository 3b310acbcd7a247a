/**
 * For the hostile-input battery (test/hostile-*.test.ts): good ledgers to mix
 * with the bad entries, hashes proving inputs are untouched, and runs of the
 * built CLI (npm run build:cli) in a child process that reports its peak
 * memory, so each case can assert its exit code, time and memory.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildTemplateSpec } from '../../src/core/template/build-spec';
import { renderWorkbook } from '../../src/xlsx/render-workbook';
import { seedPlan } from './validate-fixture';

const MAIN = path.join(__dirname, '..', '..', 'lib', 'cli', 'main.js');
/** Runs the CLI as bin/taizhang.js does, then prints its peak resident memory on stderr's last line. */
const WRAPPER = `require(${JSON.stringify(MAIN)}).main(process.argv.slice(2)).then((code) => {
  process.stderr.write('\\n@@maxrss ' + process.resourceUsage().maxRSS + '\\n');
  process.exitCode = code;
});`;

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

let wrapperFile: string | undefined;
function wrapper(): string {
  if (!fs.existsSync(MAIN)) throw new Error('lib/cli/main.js is missing: run `npm run build:cli` first');
  wrapperFile ??= path.join(tempDir('taizhang-hostile-bin-'), 'run.js');
  fs.chmodSync(path.dirname(wrapperFile), 0o755);
  fs.writeFileSync(wrapperFile, WRAPPER, { mode: 0o644 });
  return wrapperFile;
}

/** A blank ledger of the bundled plan with 填报单位 filled in: read (with errors for the blanks) as that school. */
export async function ledger(unit: string): Promise<Uint8Array> {
  return renderWorkbook(buildTemplateSpec(seedPlan, unit ? { unit } : {}));
}

export function sha256(file: string | Buffer): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Hash of every regular file under `dir` (links and special files by what they are, never opened). */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string): void => {
    for (const name of fs.readdirSync(at)) {
      const full = path.join(at, name);
      const stat = fs.lstatSync(full);
      if (stat.isDirectory() && (stat.mode & 0o500) === 0o500) walk(full);
      else if (stat.isSymbolicLink()) out[path.relative(dir, full)] = `link→${fs.readlinkSync(full)}`;
      else if (stat.isFile()) out[path.relative(dir, full)] = `${stat.size}:${stat.size > 50e6 ? 'sparse' : sha256(full)}`;
      else out[path.relative(dir, full)] = `special:${stat.mode}`;
    }
  };
  walk(dir);
  return out;
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  ms: number;
  maxRssMb: number;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Run as this user (tests run as root, where permission errors do not happen). */
  user?: string;
}

function command(args: string[], options: RunOptions): [string, string[]] {
  const node = [wrapper(), ...args];
  return options.user ? ['runuser', ['-u', options.user, '--', process.execPath, ...node]] : [process.execPath, node];
}

function finish(code: number | null, signal: NodeJS.Signals | null, out: string, rawErr: string, started: number): Run {
  const rss = /\n@@maxrss (\d+)\n$/.exec(rawErr);
  return { code, signal, out, err: rss ? rawErr.slice(0, rss.index) : rawErr, ms: Date.now() - started, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

export function runCli(args: string[], options: RunOptions): Run {
  const started = Date.now();
  const [cmd, argv] = command(args, options);
  const r = spawnSync(cmd, argv, { cwd: options.cwd, encoding: 'utf8', timeout: options.timeoutMs ?? 60_000, env: options.env ?? process.env });
  return finish(r.status, r.signal, r.stdout, r.stderr, started);
}

/** Started, not awaited: for the cases that stop the run from outside. */
export function startCli(args: string[], options: RunOptions): { child: ChildProcess; done: Promise<Run> } {
  const started = Date.now();
  const [cmd, argv] = command(args, options);
  const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve(finish(code, signal, out, err, started))));
  return { child, done };
}

export interface RollupJson {
  output: string | null;
  accounting: {
    filesFound: number;
    filesRead: number;
    filesRefused: number;
    filesOther: number;
    balanced: boolean;
    refusals: { file: string; code: string }[];
    others: { file: string; code: string; severity: string }[];
  };
  schools: { name: string; status: string; files: { file: string; outcome: string }[] }[];
}

/** The schools whose file was read (采用 or 已替代), by file name. */
export function readFiles(report: RollupJson): string[] {
  return report.schools.flatMap((s) => s.files.filter((f) => f.outcome === '采用' || f.outcome === '已替代').map((f) => f.file)).sort();
}

export function othersByFile(report: RollupJson): Record<string, string> {
  return Object.fromEntries(report.accounting.others.map((o) => [o.file, o.code]));
}

/** A pid that ran and has exited (so no process has it, barring reuse within the test). */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

export function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => n.startsWith('.tz-') || /\.tmp$/.test(n));
}
