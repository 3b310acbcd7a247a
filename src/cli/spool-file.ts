/**
 * A temporary file for data a run keeps off the heap (result-spool.ts,
 * row-spool.ts): appended to, read back by offset. It is unlinked as soon as
 * it is opened, where the system allows it, so it goes with the process
 * however the process ends; elsewhere (Windows keeps an open file) it is
 * removed on close and by the signal handlers (cleanup.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TaizhangError } from '../core/issues.js';
import { removeOnExit } from './cleanup.js';

export class SpoolFile {
  /** Bytes written so far: the offset of the next append. */
  size = 0;
  private readonly fd: number;
  private readonly file: string | undefined;
  private readonly forget: (() => void) | undefined;

  constructor(dir: string, kind: string) {
    const file = path.join(dir, `taizhang-${kind}-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}.tmp`);
    this.fd = fs.openSync(file, 'wx+', 0o600);
    let kept: string | undefined;
    try {
      fs.unlinkSync(file);
    } catch {
      kept = file;
    }
    this.file = kept;
    this.forget = kept === undefined ? undefined : removeOnExit(kept);
  }

  /** Appends; returns the offset the bytes start at. */
  append(bytes: Uint8Array): number {
    const at = this.size;
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(this.fd, bytes, done, bytes.length - done, at + done);
    this.size += bytes.length;
    return at;
  }

  read(offset: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const got = fs.readSync(this.fd, bytes, done, length - done, offset + done);
      if (got === 0) throw new TaizhangError('FAULT_INTERNAL', { detail: `spool file cut short at ${offset + done}` });
      done += got;
    }
    return bytes;
  }

  close(): void {
    fs.closeSync(this.fd);
    if (this.file !== undefined) fs.rmSync(this.file, { force: true });
    this.forget?.();
  }
}
