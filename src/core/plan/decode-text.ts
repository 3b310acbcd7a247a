/**
 * Turns the bytes of a plain-text 工作要点 into a string. Schools send text in
 * whatever their editor wrote: UTF-8 (with or without BOM), UTF-16 with BOM
 * (Notepad's "Unicode"; without one when another program wrote it), or
 * GB18030/GBK (Notepad's "ANSI" on Chinese Windows).
 * Uses only the global TextDecoder so it runs unchanged in Node and browsers.
 */
import { issue } from '../issues.js';
import type { Issue } from '../model.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  issues: Issue[];
}

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function decode(encoding: TextEncodingName, bytes: Uint8Array, fatal: boolean): string {
  // ignoreBOM: we strip the BOM ourselves, after choosing the encoding from it.
  return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
}

/**
 * UTF-16 without a byte-order mark, told by its zero bytes: the line breaks, digits and `1.` of a plan are
 * ASCII, whose UTF-16 has a zero byte on one side of the pair (the odd bytes for LE), while UTF-8 and
 * GB18030 text has no zero bytes at all. Chinese characters put a few zeros on the other side (U+4E00 is
 * `00 4E` in LE): the seed has 5 % ASCII against 0.9 % such characters, so one side must clearly outnumber the other.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(bytes.length, 8192) / 2);
  if (pairs < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  if (Math.max(oddZeros, evenZeros) < 4) return undefined;
  if (oddZeros >= 3 * evenZeros) return 'utf-16le';
  if (evenZeros >= 3 * oddZeros) return 'utf-16be';
  return undefined;
}

/** Chooses the encoding: a BOM decides; else UTF-16 by its zero bytes; else UTF-8 if the bytes are valid UTF-8; else GB18030. */
function chooseAndDecode(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (hasPrefix(bytes, [0xef, 0xbb, 0xbf])) return { text: decode('utf-8', bytes.subarray(3), false), encoding: 'utf-8' };
  if (hasPrefix(bytes, [0xff, 0xfe])) return { text: decode('utf-16le', bytes.subarray(2), false), encoding: 'utf-16le' };
  if (hasPrefix(bytes, [0xfe, 0xff])) return { text: decode('utf-16be', bytes.subarray(2), false), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: decode(utf16, bytes, false), encoding: utf16 };
  try {
    return { text: decode('utf-8', bytes, true), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: GB18030 is a superset of GBK/GB2312 and maps every byte sequence.
    return { text: decode('gb18030', bytes, false), encoding: 'gb18030' };
  }
}

export function decodePlanText(bytes: Uint8Array): DecodedText {
  const { text: raw, encoding } = chooseAndDecode(bytes);
  const text = raw.replace(/\r\n?/g, '\n');
  const issues: Issue[] = [];
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  if (replaced > 0) issues.push(issue('PLAN_DECODE_REPLACED', 'warning', {}, { count: replaced }));
  return { text, encoding, issues };
}
