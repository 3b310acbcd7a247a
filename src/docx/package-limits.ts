/**
 * Limits on a .docx plan, checked before its text is read: a plan's own,
 * far tighter than a spreadsheet's (when mammoth read plans, a document that
 * inflated to 3 GB took 3.2 GB of memory). The zip's directory is read first
 * (declared sizes against limits), and every deflated part is inflated once,
 * counting, and refused as soon as it would outgrow what it declares: a forged
 * size costs at most one chunk's expansion, and the refusal names the part.
 */
import { Inflate } from 'fflate';
import { TaizhangError } from '../core/issues.js';

/** A plan is a few dozen kilobytes; these are a thousand times that, and far below what would hurt. */
export const DOCX_LIMITS = {
  /** The .docx file itself. */
  fileBytes: 20 * 1024 * 1024,
  /** Any one part, inflated (document.xml of a 1,000-page document is about 10 MB). */
  partBytes: 16 * 1024 * 1024,
  /** All parts together, inflated (images included). */
  totalBytes: 64 * 1024 * 1024,
  entries: 5_000,
};

/** Compressed bytes inflated at a time: deflate expands at most ~1032×, so one push stays near 16 MB. */
const CHUNK = 16 * 1024;

interface Part {
  name: string;
  method: number;
  compressed: number;
  size: number;
  local: number;
}

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

function tooLarge(file: string, entry: string, size: number, limit: number): TaizhangError {
  return new TaizhangError('FAULT_DOCX_TOO_LARGE', { file, entry, size, limit });
}

/** The parts the zip's central directory lists; anything malformed is FAULT_DOCX_INVALID. */
function directory(bytes: Uint8Array, file: string): Part[] {
  const invalid = (): TaizhangError => new TaizhangError('FAULT_DOCX_INVALID', { file });
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw invalid();
  const count = u16(bytes, end + 10);
  if (count > DOCX_LIMITS.entries) throw tooLarge(file, '（目录）', count, DOCX_LIMITS.entries);
  const parts: Part[] = [];
  let at = u32(bytes, end + 16);
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw invalid();
    const nameLength = u16(bytes, at + 28);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    parts.push({ name, method: u16(bytes, at + 10), compressed: u32(bytes, at + 20), size: u32(bytes, at + 24), local: u32(bytes, at + 42) });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return parts;
}

/** Inflates one part without keeping it, refusing as soon as more comes out than it declares. */
function inflatesWithin(bytes: Uint8Array, part: Part, file: string): void {
  const start = part.local + 30 + u16(bytes, part.local + 26) + u16(bytes, part.local + 28);
  if (u32(bytes, part.local) !== 0x04034b50 || start + part.compressed > bytes.length) throw new TaizhangError('FAULT_DOCX_INVALID', { file });
  let out = 0;
  const inflater = new Inflate((chunk) => {
    out += chunk.length;
    if (out > part.size) throw tooLarge(file, part.name, out, part.size);
  });
  const raw = bytes.subarray(start, start + part.compressed);
  try {
    for (let at = 0; at < raw.length || at === 0; at += CHUNK) {
      const last = at + CHUNK >= raw.length;
      inflater.push(raw.subarray(at, at + CHUNK), last);
      if (last) break;
    }
  } catch (error) {
    if (error instanceof TaizhangError) throw error;
    throw new TaizhangError('FAULT_DOCX_INVALID', { file }, { cause: error });
  }
}

/** Throws a coded fault for a .docx past the limits; returns quietly for one that may be read. */
export function checkDocxPackage(bytes: Uint8Array, file: string): void {
  if (bytes.length > DOCX_LIMITS.fileBytes) throw new TaizhangError('FAULT_PLAN_TOO_LARGE', { file, size: bytes.length, limit: DOCX_LIMITS.fileBytes });
  let total = 0;
  const parts = directory(bytes, file);
  for (const part of parts) {
    if (part.size === 0xffffffff || part.compressed === 0xffffffff) throw tooLarge(file, part.name, part.size, DOCX_LIMITS.partBytes);
    if (part.size > DOCX_LIMITS.partBytes) throw tooLarge(file, part.name, part.size, DOCX_LIMITS.partBytes);
    if ((total += part.size) > DOCX_LIMITS.totalBytes) throw tooLarge(file, '（全部内容）', total, DOCX_LIMITS.totalBytes);
  }
  // Only after every declared size passed: the sizes are then checked against what really comes out.
  for (const part of parts) {
    if (part.method === 8) inflatesWithin(bytes, part, file);
    else if (part.compressed > part.size) throw tooLarge(file, part.name, part.compressed, part.size);
  }
}
