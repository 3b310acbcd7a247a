/**
 * The last parse of a small workbook-level part (the package and workbook
 * relationships, the workbook part, the styles), kept for the next file: a
 * roll-up reads thousands of copies of one template, whose skeleton parts are
 * often the same bytes from file to file. A hit needs the entry's stored
 * (still compressed) bytes, method, CRC and declared size to equal the
 * remembered ones, so inflating, the CRC check, the DOCTYPE check and the parse
 * would all give what they gave before (with the same inflater and CRC-32: an injected one is never bypassed);
 * the file's count of inflated bytes
 * still grows by the entry's size, so the limits see the same totals.
 * One entry per part role; the parse's result is shared, so it must be read-only.
 */
import type { ZipArchive } from './zip.js';

/**
 * Larger entries (stored or inflated) are not remembered: the result's strings may be cuts of the part's text
 * and keep it alive, so a hostile file's large styles part must not stay in memory after it (4 roles × 1 MB at most).
 */
const MAX_BYTES = 1024 * 1024;

export class PartMemo<T> {
  private entry: { method: number; crc: number; size: number; context: string; codecs: readonly unknown[]; stored: Uint8Array } | undefined;
  private value: T | undefined;

  /** `parse()`'s result for `part` of `zip`, parsed with `context` (e.g. the rels' base folder). */
  read(zip: ZipArchive, part: string, context: string, parse: () => T): T {
    const entry = zip.entry(part);
    if (entry === undefined) return parse();
    const stored = zip.stored(entry);
    const known = this.entry;
    const codecs = zip.codecs;
    const sameCodecs = known !== undefined && known.codecs[0] === codecs[0] && known.codecs[1] === codecs[1];
    if (known && sameCodecs && known.method === entry.method && known.crc === entry.crc && known.size === entry.size && known.context === context && sameBytes(known.stored, stored)) {
      zip.countInflated(entry);
      return this.value as T;
    }
    const value = parse();
    // Remembered only once parsed without a refusal (a throw leaves the previous entry as it was).
    if (stored.length <= MAX_BYTES && entry.size <= MAX_BYTES) {
      this.entry = { method: entry.method, crc: entry.crc, size: entry.size, context, codecs, stored: stored.slice() };
      this.value = value;
    }
    return value;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
