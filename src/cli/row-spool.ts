/**
 * A RowStore for the roll-up's detail rows (RollupOptions.detailStore): rows
 * as lines of JSON, the first few megabytes in memory, the rest appended to a
 * temporary file in 1 MB writes, and read back in order, 64 KB at a time,
 * while 明细 is written. 20,000 schools' 280,000 rows never sit in the heap.
 */
import * as os from 'node:os';
import { TaizhangError } from '../core/issues.js';
import type { RowStore } from '../core/rollup/types.js';
import { SpoolFile } from './spool-file.js';

/** Characters of JSON lines kept in memory before the file is used; small roll-ups never touch the disk. */
const MEMORY_CHARS = 4 * 1024 * 1024;
/** Once on disk: characters of lines gathered per write. */
const WRITE_CHARS = 1024 * 1024;
/**
 * Bytes per read. Small, so each chunk's text dies young: 1 MB chunks outlived a few scavenges while their rows
 * were written and were promoted, and the old generation filled with them (measured on 6,000 schools).
 */
const READ_BYTES = 64 * 1024;

export class RowSpool<T> implements RowStore<T> {
  length = 0;
  private pending: string[] = [];
  private pendingChars = 0;
  private file: SpoolFile | undefined;
  private closed = false;

  constructor(
    private readonly dir = os.tmpdir(),
    private readonly memoryChars = MEMORY_CHARS,
  ) {}

  push(row: T): void {
    // JSON escapes every newline inside a string, so one line is one row.
    const line = JSON.stringify(row);
    this.pending.push(line);
    this.pendingChars += line.length + 1;
    this.length++;
    if (this.pendingChars > (this.file ? WRITE_CHARS : this.memoryChars)) this.flush();
  }

  *rows(): Iterable<T> {
    if (this.closed) throw new TaizhangError('FAULT_INTERNAL', { detail: 'detail rows read after their spool was closed' });
    if (this.file) {
      this.flush();
      const file = this.file;
      const size = file.size;
      let rest = '';
      for (let at = 0; at < size; at += READ_BYTES) {
        // UTF-16 code units (see flush): every append and READ_BYTES are even, so no chunk cuts a unit; a surrogate
        // pair cut between chunks is whole again once the rest is joined to the next chunk's text.
        const text = rest + file.read(at, Math.min(READ_BYTES, size - at)).toString('utf16le');
        const cut = text.lastIndexOf('\n') + 1;
        rest = text.slice(cut);
        if (cut > 0) yield* parsed<T>(text.slice(0, cut));
      }
      return;
    }
    for (const line of this.pending) yield JSON.parse(line) as T;
  }

  /** Frees the rows; reading them afterwards is a fault, not an empty list. */
  close(): void {
    this.closed = true;
    this.file?.close();
    this.file = undefined;
    this.pending = [];
    this.pendingChars = 0;
    this.length = 0;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.file ??= new SpoolFile(this.dir, 'rows');
    // UTF-16, not UTF-8: writing and reading back are copies, not transcodings (result-spool.ts measured why).
    this.file.append(Buffer.from(this.pending.join('\n') + '\n', 'utf16le'));
    this.pending = [];
    this.pendingChars = 0;
  }
}

function* parsed<T>(text: string): Iterable<T> {
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) yield JSON.parse(text.slice(start, end)) as T;
}
