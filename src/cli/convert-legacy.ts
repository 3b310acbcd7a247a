/**
 * Old .xls and WPS .et submissions, converted to .xlsx through LibreOffice when
 * it is installed, and old .doc / WPS .wps plans to .docx the same way. The
 * originals are copied first (inputs are never touched), converted in one
 * soffice run with a throw-away profile, and each result is checked to exist:
 * soffice exits 0 even when a conversion fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

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
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'taizhang-convert-'));
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
    await run(soffice, args, (STARTUP_SECONDS + SECONDS_PER_FILE * files.length) * 1000);
    for (const [i, file] of files.entries()) {
      const result = path.join(out, `${path.parse(inputs[i]!).name}.${target}`);
      const bytes = await fs.readFile(result).catch(() => undefined);
      if (bytes) converted.set(file, new Uint8Array(bytes));
    }
    return converted;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/**
 * Runs `command` in a process group of its own and, past the time limit, kills the whole group:
 * `soffice` is a script that starts soffice.bin, which killing the script alone would leave running.
 */
export function run(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: process.platform !== 'win32' });
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    // Whatever the exit status, the caller looks for the output files.
    child.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
    child.on('error', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
