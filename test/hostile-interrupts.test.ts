/**
 * Hostile inputs, part 3 (issue 12, class 9): runs that are stopped. SIGINT
 * and SIGTERM during a roll-up that is converting an .xls with LibreOffice
 * remove our temporary files and stop LibreOffice; what a run killed outright
 * (SIGKILL) leaves behind is removed by the next run, and nothing of a live
 * run is touched. Each run gets its own TMPDIR, so the checks see only its files.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertBytes, hasCommand } from './helpers/libreoffice';
import { deadPid, ledger, leftovers, runCli, startCli, tempDir, type Run } from './helpers/hostile';

const AS_OF = ['--as-of', '2024-09-01'];
let dir: string;
let xls: Uint8Array;
const soffice = hasCommand('soffice');

beforeAll(async () => {
  dir = tempDir('taizhang-hostile-stop-');
  const bytes = await ledger('仪征市新城中学');
  fs.mkdirSync(path.join(dir, '报送'));
  fs.writeFileSync(path.join(dir, '报送', '实验小学.xlsx'), await ledger('仪征市实验小学'));
  xls = soffice ? new Uint8Array(fs.readFileSync(convertBytes(bytes, 'xls'))) : bytes;
  fs.writeFileSync(path.join(dir, '报送', '新城中学.xls'), xls);
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Processes whose command line names `text` (Linux /proc). */
function processesNaming(text: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .filter((n) => {
      try {
        return fs.readFileSync(`/proc/${n}/cmdline`, 'utf8').includes(text) && !fs.readFileSync(`/proc/${n}/stat`, 'utf8').includes(') Z ');
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function until<T>(probe: () => T | undefined, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const convertFolder = (tmp: string): string | undefined => fs.readdirSync(tmp).find((n) => n.startsWith('taizhang-convert-'));

/** Starts a roll-up and waits until LibreOffice is converting in its own TMPDIR. */
async function rollupConverting(tmp: string, output: string): Promise<{ stop: (signal: NodeJS.Signals) => Promise<Run>; folder: string }> {
  const { child, done } = startCli(['rollup', '报送', '-o', output, '--jobs', '1', ...AS_OF], { cwd: dir, env: { ...process.env, TMPDIR: tmp } });
  const folder = path.join(tmp, await until(() => convertFolder(tmp), 60_000));
  await until(() => (processesNaming(folder).length > 0 ? true : undefined), 60_000);
  return { folder, stop: (signal) => (child.kill(signal), done) };
}

(soffice ? describe : describe.skip)('stopped while LibreOffice converts an .xls', () => {
  test.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s: temporary files removed, LibreOffice stopped, the existing output untouched', async (signal, code) => {
    const tmp = tempDir('taizhang-hostile-tmp-');
    const output = path.join(dir, `${signal}.xlsx`);
    fs.writeFileSync(output, 'last week’s summary');
    const { folder, stop } = await rollupConverting(tmp, output);
    const started = Date.now();
    const run = await stop(signal);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(run.code).toBe(code);
    expect(run.err).toContain('[FAULT_INTERRUPTED]');
    expect(fs.existsSync(folder)).toBe(false);
    expect(processesNaming(folder)).toEqual([]);
    expect(leftovers(dir)).toEqual([]);
    expect(fs.readFileSync(output, 'utf8')).toBe('last week’s summary');
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(Buffer.from(fs.readFileSync(path.join(dir, '报送', '新城中学.xls'))).equals(Buffer.from(xls))).toBe(true);
  }, 120_000);

  test('SIGKILL: the next run removes the copies and stops the LibreOffice left running', async () => {
    const tmp = tempDir('taizhang-hostile-tmp-');
    const { folder, stop } = await rollupConverting(tmp, path.join(dir, 'killed.xlsx'));
    await stop('SIGKILL');
    expect(processesNaming(folder).length).toBeGreaterThan(0); // LibreOffice outlives a run killed outright
    const next = runCli(['generate', '-o', path.join(dir, 'next.xlsx')], { cwd: dir, env: { ...process.env, TMPDIR: tmp } });
    expect(next.code).toBe(0);
    expect(fs.existsSync(folder)).toBe(false);
    expect(processesNaming(folder)).toEqual([]);
    expect(leftovers(dir)).toEqual([]);
  }, 120_000);
});

test('leftovers of killed runs (temporary files, locks, conversion folders and their process) go; a live run’s stay', async () => {
  const tmp = tempDir('taizhang-hostile-tmp-');
  const out = tempDir('taizhang-hostile-out-');
  const dead = deadPid();
  const dead36 = dead.toString(36);
  const folder = path.join(tmp, `taizhang-convert-${dead36}-AbCdEf`);
  fs.mkdirSync(path.join(folder, 'profile'), { recursive: true });
  fs.writeFileSync(path.join(folder, '000000.xls'), 'a copy of a school’s file');
  // Stands in for a LibreOffice left running: its command line names the folder, as soffice's profile argument does.
  const orphan = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', '--', `-env:UserInstallation=file://${folder}/profile`], { detached: true, stdio: 'ignore' });
  const live = spawn('sleep', ['60']);
  try {
    const liveTemp = `.tz-${live.pid!.toString(36)}-wxyz.tmp`;
    const planted = [`.tz-${dead36}-abcd.tmp`, `.汇总.xlsx.${dead}.0123abcd.tmp`, '.tz-0123456789.lock', liveTemp];
    for (const name of planted) fs.writeFileSync(path.join(out, name), name.endsWith('.lock') ? `${dead}\n` : 'partial');
    const r = runCli(['generate', '-o', path.join(out, '台账.xlsx')], { cwd: out, env: { ...process.env, TMPDIR: tmp } });
    expect(r.code).toBe(0);
    expect(leftovers(out)).toEqual([liveTemp]);
    expect(fs.existsSync(folder)).toBe(false);
    await until(() => (orphan.signalCode !== null || orphan.exitCode !== null ? true : undefined), 5_000);
    expect(orphan.signalCode).toBe('SIGKILL');
  } finally {
    live.kill();
    try {
      process.kill(orphan.pid!, 'SIGKILL');
    } catch {
      // already killed by the sweep
    }
    fs.rmSync(out, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
