/**
 * An output must never destroy an input. Before any work a command claims its
 * output: refused if it is one of the inputs (the same real path, or the same
 * file by device and inode: a symbolic or hard link), if it would land inside
 * a folder being rolled up, or if it is a folder; and locked, so a second run
 * writing the same output at the same time stops instead of silently
 * replacing the first one's result. The lock is a small file beside the
 * output, created exclusively; one left by a dead run is taken over.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TaizhangError } from '../core/issues.js';
import { isDeadPid, removeOnExit } from './cleanup.js';
import { writeFileAtomic } from './files.js';
import { readPid, sweepConvertFolders, sweepOutputDir } from './leftovers.js';

export interface OutputInputs {
  /** Input files given by path (plan, rules, roster, the ledger); missing ones are ignored. */
  files: string[];
  /** Folders whose contents are inputs (rolled up). */
  folders?: string[];
  /** Device and inode of every file found in those folders. */
  found?: { dev: number; ino: number; name: string }[];
  /** What to call the suggested other output, e.g. `标注` → `台账-标注.xlsx`. */
  suffix: string;
  cwd: string;
}

export interface OutputClaim {
  file: string;
  write(bytes: Uint8Array | string | readonly Uint8Array[]): Promise<void>;
  release(): void;
}

/** The real path a file would have: the nearest existing ancestor resolved, the rest appended. */
export function realTarget(file: string): string {
  const rest: string[] = [];
  for (let dir = file; ; ) {
    try {
      return path.join(fs.realpathSync(dir), ...rest.reverse());
    } catch {
      const up = path.dirname(dir);
      if (up === dir) return file;
      rest.push(path.basename(dir));
      dir = up;
    }
  }
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

const shown = (cwd: string, file: string): string => {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
};

export function insideOf(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Throws the fault that says why `output` may not be written, and where to write instead. */
export function guardOutput(output: string, inputs: OutputInputs): void {
  const real = realTarget(output);
  const stat = statOf(output);
  const stem = path.parse(output).name;
  const beside = (dir: string): string => shown(inputs.cwd, path.join(dir, `${stem}-${inputs.suffix}.xlsx`));
  if (stat?.isDirectory()) {
    throw new TaizhangError('FAULT_OUTPUT_IS_FOLDER', { output: shown(inputs.cwd, output), suggestion: shown(inputs.cwd, path.join(output, `${inputs.suffix}.xlsx`)) });
  }
  for (const folder of inputs.folders ?? []) {
    const realFolder = realTarget(folder);
    if (insideOf(realFolder, real)) {
      const suggestion = shown(inputs.cwd, path.join(path.dirname(realFolder), path.basename(output)));
      throw new TaizhangError('FAULT_OUTPUT_IN_INPUT_FOLDER', { output: shown(inputs.cwd, output), folder: shown(inputs.cwd, folder), suggestion });
    }
  }
  for (const input of inputs.files) {
    const inputStat = statOf(input);
    const same = realTarget(input) === real || (stat && inputStat && stat.dev === inputStat.dev && stat.ino === inputStat.ino);
    if (same) throw new TaizhangError('FAULT_OUTPUT_IS_INPUT', { output: shown(inputs.cwd, output), input: shown(inputs.cwd, input), suggestion: beside(path.dirname(output)) });
  }
  const linked = stat && inputs.found?.find((f) => f.dev === stat.dev && f.ino === stat.ino);
  if (linked) throw new TaizhangError('FAULT_OUTPUT_IS_INPUT', { output: shown(inputs.cwd, output), input: linked.name, suggestion: beside(path.dirname(output)) });
}

function lockPath(output: string): string {
  // Named by a hash: the output's own name may leave no room for a suffix (255-byte file names).
  const hash = createHash('sha1').update(path.basename(output)).digest('hex').slice(0, 10);
  return path.join(path.dirname(output), `.tz-${hash}.lock`);
}

/** A lock without a pid is one being written this instant, unless it is older than this. */
const EMPTY_LOCK_GRACE_MS = 10_000;

function acquireLock(lock: string, output: string, cwd: string): void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lock, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') return; // a folder we cannot write to: writing the output will say so
    }
    const holder = readPid(lock);
    const stale = holder === undefined ? Date.now() - (statOf(lock)?.mtimeMs ?? 0) > EMPTY_LOCK_GRACE_MS : isDeadPid(holder);
    if (!stale) throw new TaizhangError('FAULT_OUTPUT_BUSY', { output: shown(cwd, output), pid: holder ?? '?' });
    takeOver(lock, holder);
  }
  throw new TaizhangError('FAULT_OUTPUT_BUSY', { output: shown(cwd, output), pid: readPid(lock) ?? '?' });
}

/**
 * Moves a dead run's lock aside (only one of two runs doing this at once succeeds) and deletes it; if what
 * was moved turns out to be a live run's new lock, it is put back.
 */
function takeOver(lock: string, deadPid: number | undefined): void {
  const aside = `${lock}.${process.pid}`;
  try {
    fs.renameSync(lock, aside);
  } catch {
    return; // someone else moved it first: try to create ours again
  }
  const moved = readPid(aside);
  if (moved !== deadPid && moved !== undefined && !isDeadPid(moved) && !fs.existsSync(lock)) fs.renameSync(aside, lock);
  else fs.rmSync(aside, { force: true });
}

/**
 * Guards and locks `output`, and first removes what killed runs left beside it and in the temporary folder.
 * The claim's `write` replaces the output atomically; `release` (call it in `finally`) drops the lock.
 */
export function claimOutput(output: string, inputs: OutputInputs): OutputClaim {
  guardOutput(output, inputs);
  try {
    fs.mkdirSync(path.dirname(output), { recursive: true });
  } catch {
    // writing the output will report it, with its reason
  }
  sweepOutputDir(path.dirname(output));
  sweepConvertFolders();
  const lock = lockPath(output);
  acquireLock(lock, output, inputs.cwd);
  const forget = removeOnExit(lock);
  return {
    file: output,
    write: (bytes) => writeFileAtomic(output, bytes),
    release() {
      forget();
      if (readPid(lock) === process.pid) fs.rmSync(lock, { force: true });
    },
  };
}
