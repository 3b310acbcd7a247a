/**
 * Text out of a part: the whole part decoded (UTF-8 or UTF-16), or, when the
 * platform can view bytes as Latin-1 cheaply, the part kept as bytes with a
 * one-character-per-byte view for the scanner (all of XML's markup is ASCII)
 * and only the text actually read decoded from UTF-8. UTF-8 resynchronises at
 * every ASCII byte and every cut falls on one, so a cut decodes exactly as the
 * same stretch of the whole part would, invalid bytes included.
 */

/** A UTF-8 part seen one character per byte, with its bytes to decode what is read. */
export interface XmlBytes {
  latin1: string;
  bytes: Uint8Array;
}

/** What the scanner reads: decoded text, or a UTF-8 part as bytes. */
export type XmlSource = string | XmlBytes;

/** What the scanner reads (the text, or a UTF-8 part's Latin-1 view) and the bytes to decode cuts from, if any. */
export function scanned(source: XmlSource): { text: string; bytes: Uint8Array | undefined } {
  return typeof source === 'string' ? { text: source, bytes: undefined } : { text: source.latin1, bytes: source.bytes };
}

/** Bytes → a string of the same length, character i being byte i (U+0000–U+00FF). */
export type Latin1View = (bytes: Uint8Array) => string;

const UTF8 = new TextDecoder('utf-8');
/** For cuts: a byte-order mark inside a part is text (U+FEFF), as in the whole part's decoding. */
const UTF8_CUT = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decodes a part's bytes, honouring a UTF-16 byte-order mark. With a Latin-1 view,
 * a UTF-8 part stays bytes (its byte-order mark cut off, as the decoder drops it).
 */
export function decodeXml(bytes: Uint8Array, latin1?: Latin1View): XmlSource {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (!latin1) return UTF8.decode(bytes);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  return { latin1: latin1(body), bytes: body };
}

/** Code units of one short decode; long stretches go to TextDecoder, whose set-up cost they repay. */
const UNITS: number[] = [];
/** Longest stretch decoded here, in bytes. */
const SHORT_DECODE = 4096;

/**
 * The text between `from` and `to` of the scanned string: a slice, or with bytes, the
 * UTF-8 decoding of those bytes. Pure ASCII is the slice itself; short well-formed
 * UTF-8 is decoded here; anything else (long, or invalid and so needing the decoder's
 * exact replacement characters) goes to TextDecoder.
 */
export function cut(xml: string, bytes: Uint8Array | undefined, from: number, to: number): string {
  if (bytes === undefined) return xml.slice(from, to);
  let i = from;
  while (i < to && bytes[i]! < 0x80) i++;
  if (i === to) return xml.slice(from, to);
  if (to - from > SHORT_DECODE) return UTF8_CUT.decode(bytes.subarray(from, to));
  const units = UNITS;
  let n = 0;
  for (i = from; i < to; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      units[n++] = b;
      i++;
    } else if (b >= 0xe0 && b < 0xf0) {
      const b1 = bytes[i + 1]!;
      const b2 = bytes[i + 2]!;
      const c = ((b & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      // Past the end, not continuation bytes, overlong, or a surrogate: the decoder's business.
      if (i + 2 >= to || (b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80 || c < 0x800 || (c >= 0xd800 && c <= 0xdfff)) break;
      units[n++] = c;
      i += 3;
    } else if (b >= 0xc2 && b < 0xe0) {
      const b1 = bytes[i + 1]!;
      if (i + 1 >= to || (b1 & 0xc0) !== 0x80) break;
      units[n++] = ((b & 0x1f) << 6) | (b1 & 0x3f);
      i += 2;
    } else if (b >= 0xf0 && b < 0xf5) {
      const b1 = bytes[i + 1]!;
      const b2 = bytes[i + 2]!;
      const b3 = bytes[i + 3]!;
      const c = ((b & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
      if (i + 3 >= to || (b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80 || c < 0x10000 || c > 0x10ffff) break;
      units[n++] = 0xd800 + ((c - 0x10000) >> 10);
      units[n++] = 0xdc00 + ((c - 0x10000) & 0x3ff);
      i += 4;
    } else break;
  }
  if (i < to) return UTF8_CUT.decode(bytes.subarray(from, to));
  // A plain array of small integers: apply takes its fast path (a typed array's subarray did not).
  // At most SHORT_DECODE units, far below what a call takes as arguments.
  units.length = n;
  return String.fromCharCode.apply(null, units);
}

const NAMED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/**
 * `decodeEntities(cut(…))` for the text and attribute values the scanner hands out:
 * a short stretch with no `&` and nothing beyond ASCII (most of them) is a plain slice.
 */
export function cutText(xml: string, bytes: Uint8Array | undefined, from: number, to: number): string {
  if (to - from <= 32) {
    let i = from;
    for (; i < to; i++) {
      const code = xml.charCodeAt(i);
      if (code === 38 /* & */ || code >= 0x80) break;
    }
    if (i === to) return xml.slice(from, to);
  }
  return decodeEntities(cut(xml, bytes, from, to));
}

/** Decodes the five XML entities and numeric character references; anything else is kept as written. */
export function decodeEntities(raw: string): string {
  let at = raw.indexOf('&');
  if (at < 0) return raw;
  let out = '';
  let from = 0;
  while (at >= 0) {
    // Entity names are short: look for the `;` only nearby, so stray `&`s cost O(1) each.
    let semi = -1;
    for (let i = at + 1; i < raw.length && i <= at + 12; i++) {
      if (raw.charCodeAt(i) === 59) {
        semi = i;
        break;
      }
    }
    if (semi < 0) {
      at = raw.indexOf('&', at + 1);
      continue;
    }
    const name = raw.slice(at + 1, semi);
    let char: string | undefined = NAMED.get(name);
    if (char === undefined && name.charCodeAt(0) === 35 /* # */) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) char = String.fromCodePoint(code);
    }
    if (char !== undefined) {
      out += raw.slice(from, at) + char;
      from = semi + 1;
    }
    at = raw.indexOf('&', char !== undefined ? semi + 1 : at + 1);
  }
  return out + raw.slice(from);
}

/** Excel escapes control characters in text as `_x000D_`; `_x005F_` escapes a literal underscore. */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  let out = '';
  let from = 0;
  let at = text.indexOf('_x');
  while (at >= 0) {
    const hex = text.slice(at + 2, at + 6);
    if (text[at + 6] === '_' && /^[0-9A-Fa-f]{4}$/.test(hex)) {
      out += text.slice(from, at) + String.fromCharCode(parseInt(hex, 16));
      from = at + 7;
      at = text.indexOf('_x', from);
    } else at = text.indexOf('_x', at + 2);
  }
  return out + text.slice(from);
}
