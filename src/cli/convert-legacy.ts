/**
 * Old .xls and WPS .et submissions, converted to .xlsx through LibreOffice when
 * it is installed, and old .doc / WPS .wps plans to .docx the same way. The
 * originals are copied first (inputs are never touched), converted in one
 * soffice run with a throw-away profile, and each result is checked to exist:
 * soffice exits 0 even when a conversion fails.
 *
 * Nothing outlives the run: the work folder (copies, profile, LibreOffice's own
 * temporary files, via TMPDIR) is removed at the end or when the run is
 * stopped, and soffice runs in its own process group, which is killed as a
 * whole (see cleanup.ts; a killed run's folder and soffice are removed by the next run, see leftovers.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { promises as fs, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { killGroup, killOnExit, removeOnExit } from './cleanup.js';
import { convertFolderPrefix, PGID_FILE, sweepConvertFolders } from './leftovers.js';

const CANDIDATES = ['soffice', 'libreoffice'];

export function findSoffice(): string | undefined {
  return CANDIDATES.find((command) => spawnSync(command, ['--version'], { stdio: 'ignore', timeout: 30_000 }).status === 0);
}

/** Per-file budget on top of LibreOffice's start-up. */
const SECONDS_PER_FILE = 10;
const STARTUP_SECONDS = 60;

/** What each target is written as: Calc's and Writer's Office 2007 filters (soffice picks other defaults otherwise). */
const TARGETS = {
  xlsx: { filter: 'xlsx:Calc MS Excel 2007 XML', fallbackExtension: '.xls' },
  docx: { filter: 'docx:MS Word 2007 XML', fallbackExtension: '.doc' },
} as const;
export type ConversionTarget = keyof typeof TARGETS;

/** Converts the given files; returns, for each one that converted, the bytes of its .xlsx. */
export function convertToXlsx(soffice: string, files: string[]): Promise<Map<string, Uint8Array>> {
  return convertWithLibreOffice(soffice, files, 'xlsx');
}

/** Converts the given files to `target`; returns, for each one that converted, the bytes of the result. */
export async function convertWithLibreOffice(soffice: string, files: string[], target: ConversionTarget): Promise<Map<string, Uint8Array>> {
  const { filter, fallbackExtension } = TARGETS[target];
  const converted = new Map<string, Uint8Array>();
  if (files.length === 0) return converted;
  sweepConvertFolders();
  const work = await fs.mkdtemp(convertFolderPrefix());
  const forget = removeOnExit(work);
  try {
    const inputs = await Promise.all(
      files.map(async (file, i) => {
        const copy = path.join(work, `${String(i).padStart(6, '0')}${path.extname(file).toLowerCase() || fallbackExtension}`);
        await fs.copyFile(file, copy);
        return copy;
      }),
    );
    const out = path.join(work, 'out');
    const args = [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', out, ...inputs];
    await run(soffice, args, work, (STARTUP_SECONDS + SECONDS_PER_FILE * files.length) * 1000);
    for (const [i, file] of files.entries()) {
      const result = path.join(out, `${path.parse(inputs[i]!).name}.${target}`);
      const bytes = await fs.readFile(result).catch(() => undefined);
      if (bytes) converted.set(file, new Uint8Array(bytes));
    }
    return converted;
  } finally {
    await fs.rm(work, { recursive: true, force: true, maxRetries: 3 });
    forget();
  }
}

/**
 * Runs `command` in a process group of its own (detached) and, past the time limit or once it exits, kills the whole group:
 * `soffice` is a script that starts soffice.bin, which killing the script alone would leave running.
 */
export function run(command: string, args: string[], work: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    // Its own process group (detached), so the launcher script and soffice.bin die together.
    const child = spawn(command, args, { stdio: 'ignore', detached: true, env: { ...process.env, TMPDIR: work } });
    const pgid = child.pid;
    const forget = pgid === undefined ? () => undefined : killOnExit(pgid);
    if (pgid !== undefined) writeFileSync(path.join(work, PGID_FILE), `${pgid}\n`);
    const timer = setTimeout(() => pgid !== undefined && killGroup(pgid), timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      // soffice.bin may outlive the launcher's exit: nothing of the group stays behind.
      if (pgid !== undefined) killGroup(pgid);
      forget();
      resolve();
    };
    // Whatever the exit status, the caller looks for the output files.
    child.on('close', done);
    child.on('error', done);
  });
}
