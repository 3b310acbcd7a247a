/**
 * Old .xls and WPS .et submissions, converted to .xlsx through LibreOffice when
 * it is installed. The originals are copied first (inputs are never touched),
 * converted in one soffice run with a throw-away profile, and each result is
 * checked to exist: soffice exits 0 even when a conversion fails.
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

/** Converts the given files; returns, for each one that converted, the bytes of its .xlsx. */
export async function convertToXlsx(soffice: string, files: string[]): Promise<Map<string, Uint8Array>> {
  const converted = new Map<string, Uint8Array>();
  if (files.length === 0) return converted;
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'taizhang-convert-'));
  try {
    const inputs = await Promise.all(
      files.map(async (file, i) => {
        const copy = path.join(work, `${String(i).padStart(6, '0')}${path.extname(file).toLowerCase() || '.xls'}`);
        await fs.copyFile(file, copy);
        return copy;
      }),
    );
    const out = path.join(work, 'out');
    const args = [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, ...inputs];
    await run(soffice, args, (STARTUP_SECONDS + SECONDS_PER_FILE * files.length) * 1000);
    for (const [i, file] of files.entries()) {
      const result = path.join(out, `${path.parse(inputs[i]!).name}.xlsx`);
      const bytes = await fs.readFile(result).catch(() => undefined);
      if (bytes) converted.set(file, new Uint8Array(bytes));
    }
    return converted;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
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
