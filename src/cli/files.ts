/**
 * The CLI's file system access: reading inputs (never modified, and only
 * regular files of bounded size, see safe-read.ts) and writing outputs
 * atomically, so an existing file is either left as it was or fully
 * replaced — never half-written, even if the process dies mid-write.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { TaizhangError } from '../core/issues.js';
import { removeOnExit } from './cleanup.js';
import { tempName } from './leftovers.js';
import { faultFor, readRegularFile } from './safe-read.js';

/** Plans, rosters and rules are small; anything larger is not the file the user meant. */
export const INPUT_LIMIT_BYTES = 64 * 1024 * 1024;

export async function readInputFile(file: string, limit = INPUT_LIMIT_BYTES): Promise<Uint8Array> {
  const read = readRegularFile(file, limit);
  if (read.ok) return read.bytes;
  throw faultFor(read, file, limit);
}

/** A write may take fewer bytes than given; the rest follows until all are written. */
async function writeAll(handle: fs.FileHandle, piece: Uint8Array): Promise<void> {
  for (let at = 0; at < piece.length; ) at += (await handle.write(piece, at, piece.length - at)).bytesWritten;
}

/** `bytes` may come in pieces, written one after another (a province's summary is never joined in memory). */
export async function writeFileAtomic(file: string, bytes: Uint8Array | string | readonly Uint8Array[]): Promise<void> {
  const dir = path.dirname(file);
  // In the target's directory so the final rename never crosses file systems; short, so a target whose
  // name is near the 255-byte limit still has room for it (see leftovers.ts).
  const temp = path.join(dir, tempName());
  const forget = removeOnExit(temp);
  try {
    await fs.mkdir(dir, { recursive: true });
    const handle = await fs.open(temp, 'wx');
    try {
      if (typeof bytes === 'string' || bytes instanceof Uint8Array) await handle.writeFile(bytes);
      else for (const piece of bytes) await writeAll(handle, piece);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const detail =
      code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'EBUSY' ? '文件正被其他程序占用' : code === 'ENAMETOOLONG' ? '文件名过长' : String(code ?? error);
    throw new TaizhangError('FAULT_OUTPUT_WRITE', { file, detail }, { cause: error });
  } finally {
    forget();
  }
}

/** Resolves a user-given path against the CLI's working directory. */
export function resolvePath(cwd: string, file: string): string {
  return path.resolve(cwd, file);
}
