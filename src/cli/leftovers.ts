/**
 * Names of our temporary files, and the sweep that removes those of runs that
 * were killed (SIGKILL, a power cut) before they could clean up. Every name
 * carries the pid of the run that made it, so a live run's files are never
 * touched: only those whose pid no longer runs are removed.
 *
 * Names are short on purpose: `.tz-<pid>-<4 random>.tmp` beside an output whose
 * own name may already be near the 255-byte limit of a file name.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeadPid, killGroup } from './cleanup.js';

const PID36 = process.pid.toString(36);
const TEMP = /^\.tz-([0-9a-z]{1,8})-[0-9a-z]{4,8}\.tmp$/;
const LOCK = /^\.tz-[0-9a-f]{10}\.lock$/;
/** The names earlier versions used: `.<output name>.<pid>.<8 hex>.tmp`. */
const OLD_TEMP = /^\..+\.(\d{1,10})\.[0-9a-f]{8}\.tmp$/;
const CONVERT = /^taizhang-convert-([0-9a-z]{1,8})-/;
/** Inside a conversion folder: the process group of its LibreOffice, so a later sweep can stop it. */
export const PGID_FILE = 'soffice.pgid';

function random36(length: number): string {
  return Array.from(randomBytes(length), (b) => (b % 36).toString(36)).join('');
}

/** A temporary file's name, in the directory of the file it will become. */
export function tempName(): string {
  return `.tz-${PID36}-${random36(4)}.tmp`;
}

/** The prefix for `fs.mkdtemp` of a LibreOffice conversion folder. */
export function convertFolderPrefix(): string {
  return path.join(os.tmpdir(), `taizhang-convert-${PID36}-`);
}

export function readPid(file: string): number | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8').slice(0, 32);
    const pid = Number.parseInt(text, 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function listNames(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** Removes leftovers of dead runs beside outputs in `dir`; returns the names removed. */
export function sweepOutputDir(dir: string): string[] {
  const removed: string[] = [];
  for (const name of listNames(dir)) {
    const full = path.join(dir, name);
    const temp = TEMP.exec(name);
    const old = temp ? undefined : OLD_TEMP.exec(name);
    const pid = temp ? Number.parseInt(temp[1]!, 36) : old ? Number(old[1]) : LOCK.test(name) ? readPid(full) : undefined;
    if (pid === undefined || !isDeadPid(pid)) continue;
    fs.rmSync(full, { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Removes the conversion folders of dead runs, first stopping their LibreOffice if it still runs: its
 * process group is recorded in the folder, and is killed only if its command line names that folder
 * (so a pid reused by an unrelated process is never touched).
 */
export function sweepConvertFolders(tmp = os.tmpdir()): string[] {
  const removed: string[] = [];
  for (const name of listNames(tmp)) {
    const match = CONVERT.exec(name);
    if (!match || !isDeadPid(Number.parseInt(match[1]!, 36))) continue;
    const folder = path.join(tmp, name);
    const pgid = readPid(path.join(folder, PGID_FILE));
    if (pgid !== undefined && commandLineOf(pgid).includes(folder)) killGroup(pgid);
    for (const pid of processesNaming(folder)) killGroup(pid);
    fs.rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
    removed.push(name);
  }
  return removed;
}

/** Linux only (elsewhere /proc is missing and nothing is found): processes whose command line names `folder`. */
function processesNaming(folder: string): number[] {
  return listNames('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => pid !== process.pid && commandLineOf(pid).includes(folder));
}

function commandLineOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}
