/**
 * A small, strict zip reader. fflate's `unzipSync` trusts the sizes a file
 * declares (a forged size silently truncates an entry), so the structure is
 * parsed here and fflate only inflates: in small chunks, with a running count
 * that stops as soon as the output would outgrow the declared size, and a
 * CRC-32 check at the end. All limits are checked on the central directory
 * before anything is inflated, so a zip bomb costs milliseconds.
 */
import { Inflate, inflateSync } from 'fflate';
import { crc32 } from '../crc32.js';
import { Refusal } from './refusal.js';
import type { Crc32, RawInflate, ReadLimits } from './types.js';

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
/** Compressed bytes fed to the inflater at a time: deflate expands at most ~1032×, so one push stays near 8 MB. */
const INFLATE_CHUNK = 8 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

const utf8 = new TextDecoder('utf-8');

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  // The comment after the record is at most 65535 bytes, so only the tail is searched.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (bytes[at] === 0x50 && u32(bytes, at) === SIG_EOCD) return at;
  }
  return -1;
}

/** Part names are compared case-insensitively: some writers differ in case from what the rels say. */
export function normalisePartName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  private inflatedTotal = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ReadLimits,
    private readonly inflate?: RawInflate,
    private readonly crc: Crc32 = crc32,
  ) {
    const eocd = findEndOfCentralDirectory(bytes);
    if (eocd < 0) {
      // A local header at the start but no end record: the file was cut off (an interrupted download or copy).
      throw new Refusal(u32(bytes, 0) === SIG_LOCAL ? 'XLSX_READ_ZIP_TRUNCATED' : 'XLSX_READ_ZIP_CORRUPT', {
        detail: '文件末尾的内容清单缺失',
      });
    }
    const count = u16(bytes, eocd + 10);
    const cdSize = u32(bytes, eocd + 12);
    const cdOffset = u32(bytes, eocd + 16);
    if ((eocd >= 20 && u32(bytes, eocd - 20) === SIG_ZIP64_LOCATOR) || count === 0xffff || cdOffset === 0xffffffff) {
      throw new Refusal('XLSX_READ_ZIP64');
    }
    if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0) {
      throw new Refusal('XLSX_READ_ZIP_CORRUPT', { detail: '它是分卷压缩包的一部分' });
    }
    if (count > limits.maxEntries) throw new Refusal('XLSX_READ_TOO_MANY_ENTRIES', { count, limit: limits.maxEntries });
    if (cdOffset + cdSize > eocd) throw new Refusal('XLSX_READ_ZIP_CORRUPT', { detail: '文件的内容清单位置错误' });
    this.readCentralDirectory(cdOffset, count);
  }

  private readCentralDirectory(cdOffset: number, count: number): void {
    const b = this.bytes;
    let at = cdOffset;
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > b.length || u32(b, at) !== SIG_CENTRAL) {
        throw new Refusal('XLSX_READ_ZIP_CORRUPT', { detail: `内容清单的第 ${i + 1} 项损坏` });
      }
      const flags = u16(b, at + 8);
      const method = u16(b, at + 10);
      const crc = u32(b, at + 16);
      const compressedSize = u32(b, at + 20);
      const size = u32(b, at + 24);
      const nameLength = u16(b, at + 28);
      const next = at + 46 + nameLength + u16(b, at + 30) + u16(b, at + 32);
      const localOffset = u32(b, at + 42);
      if (next > b.length) throw new Refusal('XLSX_READ_ZIP_CORRUPT', { detail: '内容清单超出了文件末尾' });
      const rawName = utf8.decode(b.subarray(at + 46, at + 46 + nameLength));
      at = next;
      if (rawName.endsWith('/')) continue; // a folder
      if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
        throw new Refusal('XLSX_READ_ZIP64');
      }
      if (flags & 1) throw new Refusal('XLSX_READ_ZIP_ENCRYPTED', { entry: rawName });
      if (method !== 0 && method !== 8) throw new Refusal('XLSX_READ_ZIP_METHOD', { entry: rawName, method });
      this.checkLimits(rawName, compressedSize, size, (total += size));
      if (method === 0 && compressedSize !== size) {
        throw new Refusal('XLSX_READ_ZIP_SIZE_MISMATCH', { entry: rawName });
      }
      const dataStart = this.localDataStart(localOffset, rawName);
      if (dataStart + compressedSize > b.length) throw new Refusal('XLSX_READ_ZIP_TRUNCATED', { detail: rawName });
      const name = normalisePartName(rawName);
      // With duplicate names the first wins, as in Excel.
      if (!this.entries.has(name)) this.entries.set(name, { name: rawName, method, crc, compressedSize, size, dataStart });
    }
  }

  private checkLimits(entry: string, compressedSize: number, size: number, total: number): void {
    const l = this.limits;
    // The ratio first: for a bomb it is the telling reason.
    if (size > l.ratioCheckFromBytes && size > compressedSize * l.maxCompressionRatio) {
      throw new Refusal('XLSX_READ_ZIP_BOMB', { entry, ratio: Math.round(size / Math.max(1, compressedSize)) });
    }
    if (size > l.maxEntryBytes) throw new Refusal('XLSX_READ_ENTRY_TOO_LARGE', { entry, size, limit: l.maxEntryBytes });
    if (total > l.maxTotalUncompressedBytes) {
      throw new Refusal('XLSX_READ_UNCOMPRESSED_TOO_LARGE', { size: total, limit: l.maxTotalUncompressedBytes });
    }
  }

  private localDataStart(offset: number, entry: string): number {
    const b = this.bytes;
    if (offset + 30 > b.length) throw new Refusal('XLSX_READ_ZIP_TRUNCATED', { detail: entry });
    if (u32(b, offset) !== SIG_LOCAL) throw new Refusal('XLSX_READ_ZIP_CORRUPT', { detail: `“${entry}”的文件头损坏` });
    // Sizes in the local header may be zero (data descriptor, flag bit 3); the central directory's are used.
    return offset + 30 + u16(b, offset + 26) + u16(b, offset + 28);
  }

  /** Bytes inflated so far: what the file really holds, for the text budget (text-budget.ts). */
  get inflatedBytes(): number {
    return this.inflatedTotal;
  }

  /** Every entry (the first of each name), in the order of the zip's directory. */
  list(): ZipEntry[] {
    return [...this.entries.values()];
  }

  /** An entry's bytes as stored in the file (still compressed), for copying it unchanged. */
  stored(entry: ZipEntry): Uint8Array {
    return this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  }

  has(name: string): boolean {
    return this.entries.has(normalisePartName(name));
  }

  /** The inflater and CRC-32 this archive checks entries with: a remembered parse counts only for the same (part-memo.ts). */
  get codecs(): readonly [RawInflate | undefined, Crc32] {
    return [this.inflate, this.crc];
  }

  /** The entry of this name (the first of it), if any. */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(normalisePartName(name));
  }

  /** Inflates one entry, checking its size and CRC; undefined if the zip has no such entry. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entry(name);
    if (!entry) return undefined;
    const raw = this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    const out = entry.method === 0 ? raw : this.inflate ? inflateWith(this.inflate, raw, entry) : inflateExactly(raw, entry);
    if (this.crc(out) !== entry.crc) throw new Refusal('XLSX_READ_ZIP_CRC', { entry: entry.name });
    this.countInflated(entry);
    return out;
  }

  /** Counts an entry read (its size, which `read` checked the output against) towards the total limit. */
  countInflated(entry: ZipEntry): void {
    this.inflatedTotal += entry.size;
    if (this.inflatedTotal > this.limits.maxTotalUncompressedBytes) {
      throw new Refusal('XLSX_READ_UNCOMPRESSED_TOO_LARGE', { size: this.inflatedTotal, limit: this.limits.maxTotalUncompressedBytes });
    }
  }
}

/** The platform inflater, held to the same contract: never more than one byte past the declared size. */
function inflateWith(inflate: RawInflate, raw: Uint8Array, entry: ZipEntry): Uint8Array {
  let out: Uint8Array;
  try {
    out = inflate(raw, entry.size + 1);
  } catch (error) {
    const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    if (tooLarge) throw new Refusal('XLSX_READ_ZIP_SIZE_MISMATCH', { entry: entry.name });
    throw new Refusal('XLSX_READ_ZIP_CORRUPT', { detail: `“${entry.name}”无法解压` });
  }
  if (out.length !== entry.size) throw new Refusal('XLSX_READ_ZIP_SIZE_MISMATCH', { entry: entry.name });
  return out;
}

/**
 * Inflates into a buffer of exactly the declared size, refusing as soon as more (or less) comes out.
 * Small entries (one chunk) go through inflateSync with a fixed buffer one byte larger than declared:
 * fflate never grows a buffer it is given, so output past the end is dropped, and a full
 * buffer means the entry was bigger than it said. The work is bounded by one chunk's expansion.
 */
function inflateExactly(raw: Uint8Array, entry: ZipEntry): Uint8Array {
  if (raw.length <= INFLATE_CHUNK) {
    let out: Uint8Array;
    try {
      out = inflateSync(raw, { out: new Uint8Array(entry.size + 1) });
    } catch {
      throw new Refusal('XLSX_READ_ZIP_CORRUPT', { detail: `“${entry.name}”无法解压` });
    }
    if (out.length !== entry.size) throw new Refusal('XLSX_READ_ZIP_SIZE_MISMATCH', { entry: entry.name });
    return out;
  }
  const out = new Uint8Array(entry.size);
  let written = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > out.length) throw new Refusal('XLSX_READ_ZIP_SIZE_MISMATCH', { entry: entry.name });
    out.set(chunk, written);
    written += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < raw.length || at === 0; at += INFLATE_CHUNK) {
      const end = Math.min(raw.length, at + INFLATE_CHUNK);
      inflater.push(raw.subarray(at, end), end >= raw.length);
      if (end >= raw.length) break;
    }
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal('XLSX_READ_ZIP_CORRUPT', { detail: `“${entry.name}”无法解压` });
  }
  if (!ended || written !== out.length) throw new Refusal('XLSX_READ_ZIP_SIZE_MISMATCH', { entry: entry.name });
  return out;
}
