/**
 * The checked results of a roll-up, kept off the heap: the first few
 * megabytes of results as the JSON text the check threads send, the rest in a
 * temporary file, each read back when the roll-up reaches its school (see
 * core/rollup/submission-source.ts). Only the small heads stay in memory, so
 * 20,000 files take little more memory than 2,000.
 *
 * The file is unlinked as soon as it is opened, where the system allows it
 * (it then goes with the process, however the process ends); elsewhere it is
 * removed on close and on a signal (cleanup.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { headOf, type SubmissionHead, type SubmissionSource } from '../core/rollup/submission-source.js';
import type { SubmissionInput } from '../core/rollup/types.js';
import { removeOnExit } from './cleanup.js';

/** JSON characters held in memory before results go to the file: small roll-ups never touch the disk. */
const MEMORY_CHARS = 4 * 1024 * 1024;

export class ResultSpool implements SubmissionSource {
  readonly heads: SubmissionHead[] = [];
  private readonly texts: (string | undefined)[] = [];
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private held = 0;
  private size = 0;
  private fd: number | undefined;
  private file: string | undefined;
  private forget: (() => void) | undefined;

  constructor(
    private readonly dir = os.tmpdir(),
    private readonly memoryChars = MEMORY_CHARS,
  ) {}

  /** File `i`'s result as a check thread sends it: its head and the result's JSON text. */
  putText(i: number, head: SubmissionHead, json: string): void {
    this.heads[i] = head;
    this.texts[i] = undefined;
    // A refusal is all in its head.
    if (head.refusal) return;
    if (this.held + json.length <= this.memoryChars) {
      this.texts[i] = json;
      this.held += json.length;
      return;
    }
    const bytes = Buffer.from(json, 'utf8');
    const fd = this.open();
    let at = 0;
    while (at < bytes.length) at += fs.writeSync(fd, bytes, at, bytes.length - at, this.size + at);
    this.offsets[i] = this.size;
    this.lengths[i] = bytes.length;
    this.size += bytes.length;
  }

  /** File `i`'s result as an object (checked on this thread, or re-checked after a conversion). */
  put(i: number, input: SubmissionInput): void {
    const head = headOf(input);
    this.putText(i, head, head.refusal ? '' : JSON.stringify(input));
  }

  push(input: SubmissionInput): void {
    this.put(this.heads.length, input);
  }

  get length(): number {
    return this.heads.length;
  }

  load(i: number): SubmissionInput {
    const head = this.heads[i]!;
    if (head.refusal) return { file: head.file, ...(head.fileTime !== undefined ? { fileTime: head.fileTime } : {}), result: { status: 'refused', issue: head.refusal } };
    return JSON.parse(this.texts[i] ?? this.readBack(i)) as SubmissionInput;
  }

  /** Closes and removes the file; the spool is empty afterwards. */
  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    if (this.file !== undefined) fs.rmSync(this.file, { force: true });
    this.forget?.();
    this.fd = this.file = this.forget = undefined;
    this.heads.length = this.texts.length = this.offsets.length = this.lengths.length = 0;
  }

  private readBack(i: number): string {
    const bytes = Buffer.allocUnsafe(this.lengths[i]!);
    let at = 0;
    while (at < bytes.length) {
      const got = fs.readSync(this.fd!, bytes, at, bytes.length - at, this.offsets[i]! + at);
      if (got === 0) throw new Error(`spool: ${this.heads[i]!.file} cut short`);
      at += got;
    }
    return bytes.toString('utf8');
  }

  private open(): number {
    if (this.fd !== undefined) return this.fd;
    const file = path.join(this.dir, `taizhang-spool-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}.tmp`);
    this.fd = fs.openSync(file, 'wx+', 0o600);
    try {
      fs.unlinkSync(file);
    } catch {
      // Windows keeps an open file: removed on close, or by the signal handlers if the run is stopped.
      this.file = file;
      this.forget = removeOnExit(file);
    }
    return this.fd;
  }
}
