/**
 * The CLI's file system access: reading inputs (never modified) and writing
 * outputs atomically, so an existing file is either left as it was or fully
 * replaced — never half-written, even if the process dies mid-write.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { TaizhangError } from '../core/issues.js';

export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new TaizhangError('FAULT_FILE_NOT_FOUND', { file }, { cause: error });
    const detail = code === 'EISDIR' ? '这是一个文件夹，不是文件' : code === 'EACCES' ? '没有读取权限' : String(code ?? error);
    throw new TaizhangError('FAULT_FILE_UNREADABLE', { file, detail }, { cause: error });
  }
}

export async function writeFileAtomic(file: string, bytes: Uint8Array | string): Promise<void> {
  const dir = path.dirname(file);
  // The temporary file sits in the target's directory so the final rename never crosses file systems.
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.mkdir(dir, { recursive: true });
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'EBUSY' ? '文件正被其他程序占用' : String(code ?? error);
    throw new TaizhangError('FAULT_OUTPUT_WRITE', { file, detail }, { cause: error });
  }
}

/** Resolves a user-given path against the CLI's working directory. */
export function resolvePath(cwd: string, file: string): string {
  return path.resolve(cwd, file);
}
