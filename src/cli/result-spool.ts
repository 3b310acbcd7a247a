/**
 * The checked results of a roll-up, kept off the heap: the first few
 * megabytes of results as the JSON text the check threads send, the rest in a
 * temporary file, each read back when the roll-up reaches its school (see
 * core/rollup/submission-source.ts). Only the small heads stay in memory, so
 * 20,000 files take little more memory than 2,000.
 */
import * as os from 'node:os';
import { headOf, type SubmissionHead, type SubmissionSource } from '../core/rollup/submission-source.js';
import type { SubmissionInput } from '../core/rollup/types.js';
import { SpoolFile } from './spool-file.js';

/** JSON characters held in memory before results go to the file: small roll-ups never touch the disk. */
const MEMORY_CHARS = 4 * 1024 * 1024;

export class ResultSpool implements SubmissionSource {
  readonly heads: SubmissionHead[] = [];
  private readonly texts: (string | undefined)[] = [];
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private held = 0;
  private spool: SpoolFile | undefined;

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
    // UTF-16, not UTF-8: a JS string's own code units, so writing and reading back are copies, not transcodings
    // (measured: UTF-8 encode + decode took 0.07 ms a result on the main thread, UTF-16 0.007; the file is ~1.5× larger).
    const bytes = Buffer.from(json, 'utf16le');
    this.spool ??= new SpoolFile(this.dir, 'results');
    this.offsets[i] = this.spool.append(bytes);
    this.lengths[i] = bytes.length;
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
    return JSON.parse(this.texts[i] ?? this.spool!.read(this.offsets[i]!, this.lengths[i]!).toString('utf16le')) as SubmissionInput;
  }

  /** Closes and removes the file; the spool is empty afterwards. */
  close(): void {
    this.spool?.close();
    this.spool = undefined;
    this.held = 0;
    this.heads.length = this.texts.length = this.offsets.length = this.lengths.length = 0;
  }
}
