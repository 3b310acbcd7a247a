/**
 * The school's package, opened for copying: through the reader's own zip
 * (the same limits, sizes checked before inflating, never more than the
 * declared size inflated, CRC checked), and every part is read that way once
 * before the copy is written, so a part with a forged size is refused in
 * milliseconds instead of being inflated, and a part declaring a DOCTYPE
 * (which Excel does not open, and which could define entities) is refused
 * too. Refusals are TaizhangErrors with the reader's reason in Chinese.
 */
import { messageFor, TaizhangError } from '../../core/issues.js';
import { Refusal } from '../read/refusal.js';
import { DEFAULT_LIMITS } from '../read/types.js';
import { normalisePartName, ZipArchive, type ZipEntry } from '../read/zip.js';

const XML_PART = /\.(xml|rels|vml)$/i;
const UTF8 = new TextDecoder('utf-8');

/** Whether the bytes hold `<!DOCTYPE` (any case). Looks at each `!`, which is rare in a part, rather than each `<`. */
function hasDoctype(bytes: Uint8Array): boolean {
  const text = bytes[0] === 0xff || bytes[0] === 0xfe ? undefined : bytes;
  if (!text) return /<!DOCTYPE/i.test(decode(bytes));
  for (let at = text.indexOf(0x21); at >= 0; at = text.indexOf(0x21, at + 1)) {
    if (at === 0 || text[at - 1] !== 0x3c) continue;
    let word = '';
    for (let i = 1; i <= 7; i++) word += String.fromCharCode(text[at + i] ?? 0);
    if (word.toUpperCase() === 'DOCTYPE') return true;
  }
  return false;
}

/** A part's text (UTF-8 or UTF-16 by its byte-order mark; a patched part is written back as UTF-8, see encodePart). */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return UTF8.decode(bytes);
}

/** A patched part's text as UTF-8, its XML declaration saying so (it may have said UTF-16). */
export function encodePart(text: string): string {
  return text.replace(/^(<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}

export class SourcePackage {
  private readonly zip: ZipArchive;
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  private readonly done = new Set<string>();

  constructor(
    bytes: Uint8Array,
    private readonly file: string,
  ) {
    this.zip = this.guard(() => new ZipArchive(bytes, DEFAULT_LIMITS));
    for (const entry of this.zip.list()) this.byName.set(normalisePartName(entry.name), entry);
  }

  /** Runs `fn`, turning a reader's refusal into the copy's coded refusal. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const params = { file: this.file, ...error.params };
      throw new TaizhangError('XLSX_ANNOTATE_REFUSED', { file: this.file, code: error.code, reason: messageFor(error.code, params) });
    }
  }

  private inflate(entry: ZipEntry): Uint8Array {
    const key = normalisePartName(entry.name);
    this.done.add(key);
    const data = this.guard(() => this.zip.read(entry.name)!);
    if (XML_PART.test(entry.name) && hasDoctype(data)) {
      throw new TaizhangError('XLSX_ANNOTATE_REFUSED', {
        file: this.file,
        code: 'XLSX_ANNOTATE_DOCTYPE',
        reason: messageFor('XLSX_ANNOTATE_DOCTYPE', { file: this.file, entry: entry.name }),
      });
    }
    return data;
  }

  get entries(): ZipEntry[] {
    return this.zip.list();
  }

  has(part: string): boolean {
    return this.zip.has(part);
  }

  /** The decoded text of a part (read once, then kept), or undefined when the package has no such part. */
  text(part: string): string | undefined {
    const key = normalisePartName(part);
    const kept = this.texts.get(key);
    if (kept !== undefined) return kept;
    const entry = this.byName.get(key);
    if (!entry) return undefined;
    const text = decode(this.inflate(entry));
    this.texts.set(key, text);
    return text;
  }

  /** An entry as stored, for copying it unchanged. */
  stored(entry: ZipEntry): { method: number; crc: number; size: number; data: Uint8Array } {
    return { method: entry.method, crc: entry.crc, size: entry.size, data: this.zip.stored(entry) };
  }

  /** Checks every part not read yet (size, CRC, DOCTYPE), keeping none of them. */
  checkTheRest(): void {
    for (const entry of this.entries) if (!this.done.has(normalisePartName(entry.name))) this.inflate(entry);
  }
}
