/**
 * Hostile inputs, part 1 (issue 12, classes 4, 5 and 10): outputs that would
 * destroy inputs, files that are not files or are far too large, and names
 * that are too long or carry control characters. Every case runs the built
 * CLI in a child process and asserts its code, a time bound, that inputs are
 * unchanged, and that the good files of the same batch are all in the summary.
 * Folders, other files and interrupted runs: hostile-folders / hostile-interrupts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { readRegularFile } from '../src/cli/safe-read';
import { deadPid, hashTree, ledger, leftovers, readFiles, runCli, sha256, tempDir, type RollupJson } from './helpers/hostile';

const AS_OF = ['--as-of', '2024-09-01'];
/** Generous for a loaded 2-core machine; the failures these guard against took 30 s or never ended. */
const QUICK_MS = 5_000;
let dir: string;
let inbox: string;
const GOOD = ['实验小学.xlsx', '第二中学.xlsx', '新城中学.xlsx'];

beforeAll(async () => {
  dir = tempDir('taizhang-hostile-files-');
  inbox = path.join(dir, '报送');
  fs.mkdirSync(inbox);
  for (const name of GOOD) fs.writeFileSync(path.join(inbox, name), await ledger(`仪征市${path.parse(name).name}`));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const lockName = (output: string): string =>
  `.tz-${require('node:crypto').createHash('sha1').update(path.basename(output)).digest('hex').slice(0, 10)}.lock`;

describe('class 4: an output never destroys an input', () => {
  test('validate a.xlsx -o a.xlsx, through a symlink, or a hard link, is refused before any work', () => {
    const input = path.join(inbox, GOOD[0]!);
    const before = sha256(input);
    fs.symlinkSync(input, path.join(dir, 'link.xlsx'));
    fs.linkSync(input, path.join(dir, 'hard.xlsx'));
    for (const output of [input, path.join(dir, 'link.xlsx'), path.join(dir, 'hard.xlsx')]) {
      const r = runCli(['validate', input, '-o', output, ...AS_OF], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.err).toContain('[FAULT_OUTPUT_IS_INPUT]');
      expect(r.err).toMatch(/例如“.*-标注\.xlsx”/);
      expect(r.ms).toBeLessThan(QUICK_MS);
      expect(sha256(input)).toBe(before);
    }
    expect(fs.lstatSync(path.join(dir, 'link.xlsx')).isSymbolicLink()).toBe(true);
    expect(leftovers(inbox)).toEqual([]);
    fs.rmSync(path.join(dir, 'link.xlsx'));
    fs.rmSync(path.join(dir, 'hard.xlsx'));
  });

  test('rollup folder -o folder/x.xlsx (or the default output, run inside the folder) is refused; nothing is written', () => {
    const before = hashTree(inbox);
    fs.mkdirSync(path.join(inbox, 'sub'));
    fs.symlinkSync(path.join(inbox, 'sub'), path.join(dir, 'into'));
    for (const [cwd, args] of [
      [dir, ['rollup', '报送', '-o', path.join('报送', GOOD[1]!)]],
      [dir, ['rollup', '报送', '-o', path.join('into', '汇总.xlsx')]],
      [inbox, ['rollup', '.']],
    ] as const) {
      const r = runCli([...args, ...AS_OF], { cwd });
      expect(r.code).toBe(2);
      expect(r.err).toContain('[FAULT_OUTPUT_IN_INPUT_FOLDER]');
      expect(r.err).toContain('请把汇总表写到这个文件夹以外');
      expect(r.ms).toBeLessThan(QUICK_MS);
    }
    fs.rmSync(path.join(dir, 'into'));
    fs.rmdirSync(path.join(inbox, 'sub'));
    expect(hashTree(inbox)).toEqual(before);
  });

  test('a second run writing the same output while the first holds it stops; a dead run’s lock is taken over', () => {
    const output = path.join(dir, '汇总.xlsx');
    fs.writeFileSync(output, 'the first run’s summary');
    const holder = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(path.join(dir, lockName(output)), `${holder.pid}\n`);
      const busy = runCli(['rollup', '报送', '-o', output, ...AS_OF], { cwd: dir });
      expect(busy.code).toBe(2);
      expect(busy.err).toContain(`[FAULT_OUTPUT_BUSY] 另一个 taizhang（进程号 ${holder.pid}）`);
      expect(fs.readFileSync(output, 'utf8')).toBe('the first run’s summary');
    } finally {
      holder.kill();
    }
    fs.writeFileSync(path.join(dir, lockName(output)), `${deadPid()}\n`);
    const ok = runCli(['rollup', '报送', '-o', output, '--json', ...AS_OF], { cwd: dir });
    expect(ok.code).toBe(1); // blank ledgers: errors for what the schools left empty
    expect(readFiles(JSON.parse(ok.out) as RollupJson)).toEqual([...GOOD].sort());
    expect(leftovers(dir)).toEqual([]);
  });

  test('two runs started together on one output: one writes it, any other says the output is busy', async () => {
    const output = path.join(dir, '同时.xlsx');
    const start = () =>
      new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(__dirname, '..', 'bin', 'taizhang.js'), 'rollup', '报送', '-o', output, ...AS_OF], { cwd: dir });
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('close', (code) => resolve({ code, err }));
      });
    const runs = await Promise.all([start(), start(), start()]);
    expect(runs.filter((r) => r.code === 1).length).toBeGreaterThanOrEqual(1);
    for (const r of runs.filter((r) => r.code !== 1)) expect(r.err).toContain('[FAULT_OUTPUT_BUSY]');
    expect(fs.readFileSync(output).subarray(0, 2).toString()).toBe('PK');
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('class 5: only regular files are read, and never more than the limit', () => {
  test('a FIFO and /dev/zero given to validate are refused at once, never opened for reading', () => {
    const fifo = path.join(dir, 'pipe.xlsx');
    spawnSync('mkfifo', [fifo]);
    for (const [file, kind] of [[fifo, '命名管道'], ['/dev/zero', '字符设备']] as const) {
      const r = runCli(['validate', file, ...AS_OF], { cwd: dir, timeoutMs: 20_000 });
      expect(r.code).toBe(2);
      expect(r.err).toContain(`[FAULT_FILE_NOT_REGULAR]`);
      expect(r.err).toContain(kind);
      expect(r.ms).toBeLessThan(QUICK_MS);
    }
  });

  test('a FIFO and /dev/zero among the files of a roll-up are listed, and the good files are all summed up', () => {
    const r = runCli(['rollup', path.join(dir, 'pipe.xlsx'), '/dev/zero', ...GOOD.map((g) => path.join('报送', g)), '-o', 'r5.xlsx', '--json', ...AS_OF], { cwd: dir, timeoutMs: 20_000 });
    expect(r.ms).toBeLessThan(QUICK_MS * 2);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as RollupJson;
    expect(report.accounting.others.map((o) => [o.file, o.code])).toEqual([['pipe.xlsx', 'CLI_NOT_A_FILE'], ['zero', 'CLI_NOT_A_FILE']]);
    expect(readFiles(report)).toEqual([...GOOD].sort());
    expect(report.accounting).toMatchObject({ filesFound: 5, filesRead: 3, filesOther: 2, balanced: true });
  });

  test('a sparse 1.9 GB file is refused by its size, without being read (time and memory)', () => {
    const big = path.join(dir, 'big', '大文件.xlsx');
    fs.mkdirSync(path.dirname(big));
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 1900 * 1024 * 1024);
    const one = runCli(['validate', big, ...AS_OF], { cwd: dir });
    expect(one.code).toBe(1);
    expect(one.out).toContain('XLSX_READ_FILE_TOO_LARGE');
    expect(one.ms).toBeLessThan(QUICK_MS);
    expect(one.maxRssMb).toBeLessThan(300);
    fs.symlinkSync(big, path.join(inbox, '大文件.xlsx'));
    try {
      const batch = runCli(['rollup', '报送', '-o', 'r5b.xlsx', '--json', '--jobs', '1', ...AS_OF], { cwd: dir });
      expect(batch.ms).toBeLessThan(QUICK_MS * 2);
      expect(batch.maxRssMb).toBeLessThan(400);
      const report = JSON.parse(batch.out) as RollupJson;
      expect(report.accounting.refusals).toEqual([expect.objectContaining({ file: '大文件.xlsx', code: 'XLSX_READ_FILE_TOO_LARGE' })]);
      expect(readFiles(report)).toEqual([...GOOD].sort());
    } finally {
      fs.rmSync(path.join(inbox, '大文件.xlsx'));
      fs.rmSync(path.dirname(big), { recursive: true });
    }
  });

  test('reads are bounded even when the size lies (/proc files say 0 bytes)', () => {
    const status = '/proc/self/status';
    expect(fs.statSync(status).size).toBe(0);
    expect(readRegularFile(status, 10)).toMatchObject({ ok: false, why: 'too-large' });
    const whole = readRegularFile(status, 1 << 20);
    expect(whole.ok && new TextDecoder().decode(whole.bytes)).toContain('Name:');
  });
});

describe('class 10: names', () => {
  test('an output name of 240 and of 255 bytes is written (the temporary name is short)', () => {
    for (const name of ['汇'.repeat(78) + '.xlsx', 'a'.repeat(250) + '.xlsx']) {
      expect(Buffer.byteLength(name)).toBeGreaterThanOrEqual(239);
      const r = runCli(['rollup', '报送', '-o', name, ...AS_OF], { cwd: dir });
      expect(r.err).not.toContain('FAULT');
      expect(r.code).toBe(1);
      expect(fs.readFileSync(path.join(dir, name)).subarray(0, 2).toString()).toBe('PK');
    }
    expect(leftovers(dir)).toEqual([]);
  });

  test('newlines and escape sequences in file names are printed escaped, everywhere', () => {
    const evil = `evil\n伪造的一行\x1b[2J\x1b]0;pwn\x07\u202e.xlsx`;
    const folder = path.join(dir, 'names');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, evil), 'a,b\n');
    fs.copyFileSync(path.join(inbox, GOOD[0]!), path.join(folder, GOOD[0]!));
    const rollup = runCli(['rollup', 'names', '-o', 'names.xlsx', ...AS_OF], { cwd: dir });
    const validate = runCli(['validate', path.join('names', evil), ...AS_OF], { cwd: dir });
    const missing = runCli(['validate', `nope\x1b[31m.xlsx`], { cwd: dir });
    for (const text of [rollup.out + rollup.err, validate.out + validate.err, missing.err]) {
      expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f\u202e]/);
      expect(text).not.toMatch(/^伪造的一行/m);
    }
    expect(rollup.out).toContain('evil\\n伪造的一行\\x1b[2J\\x1b]0;pwn\\x07\\u202e.xlsx');
    expect(validate.out).toContain('evil\\n伪造的一行');
    expect(missing.err).toContain('nope\\x1b[31m.xlsx');
  });
});
