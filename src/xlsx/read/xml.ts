/**
 * A tolerant, linear-time XML scanner: no DOM, no regular expressions over
 * the document, no entity expansion (so no "billion laughs"). Names are
 * reported without their namespace prefix, so `<x:c>` and `<c>` look the
 * same, as some .NET exporters write the former. Malformed input never
 * throws: the scanner stops at the first thing it cannot make sense of.
 */

export type Attributes = Record<string, string>;

export interface XmlHandler {
  open(name: string, attrs: Attributes, selfClosing: boolean): void;
  close(name: string): void;
  /** Called with decoded text only while `wantText` is true, so unneeded text costs nothing. */
  text(value: string): void;
  wantText: boolean;
}

const NAMED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

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

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Parses the attributes between `from` and `to` (exclusive) of one tag. */
function parseAttributes(xml: string, from: number, to: number): Attributes {
  // A plain object is much faster than a prototype-less one; `__proto__` is the one name that must not be set.
  const attrs: Attributes = {};
  let at = from;
  while (at < to) {
    while (at < to && isSpace(xml.charCodeAt(at))) at++;
    const nameStart = at;
    while (at < to && xml.charCodeAt(at) !== 61 /* = */ && !isSpace(xml.charCodeAt(at))) at++;
    const name = xml.slice(nameStart, at);
    while (at < to && isSpace(xml.charCodeAt(at))) at++;
    if (xml.charCodeAt(at) !== 61) {
      at++;
      continue;
    }
    at++;
    while (at < to && isSpace(xml.charCodeAt(at))) at++;
    const quote = xml[at];
    if (quote !== '"' && quote !== "'") break;
    const close = xml.indexOf(quote, at + 1);
    if (close < 0 || close > to) break;
    const local = localName(name);
    if (local && !name.startsWith('xmlns') && local !== '__proto__') attrs[local] = decodeEntities(xml.slice(at + 1, close));
    at = close + 1;
  }
  return attrs;
}

/** Finds the `>` that ends a tag starting at `from`, skipping quoted attribute values (one pass over the tag). */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let at = from; at < xml.length; at++) {
    const code = xml.charCodeAt(at);
    if (quote) {
      if (code === quote) quote = 0;
    } else if (code === 62 /* > */) return at;
    else if (code === 34 || code === 39) quote = code;
  }
  return -1;
}

export function scanXml(xml: string, handler: XmlHandler): void {
  const length = xml.length;
  let at = 0;
  while (at < length) {
    const lt = xml.indexOf('<', at);
    const textEnd = lt < 0 ? length : lt;
    if (handler.wantText && textEnd > at) handler.text(decodeEntities(xml.slice(at, textEnd)));
    if (lt < 0) return;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) return;
        at = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) return;
        if (handler.wantText) handler.text(xml.slice(lt + 9, end));
        at = end + 3;
      } else {
        // <!DOCTYPE …> possibly with an internal subset: skipped, never expanded.
        const gt = xml.indexOf('>', lt);
        if (gt < 0) return;
        const bracket = xml.slice(lt, gt).indexOf('[');
        if (bracket >= 0) {
          const end = xml.indexOf(']>', lt + bracket);
          if (end < 0) return;
          at = end + 2;
        } else at = gt + 1;
      }
      continue;
    }
    if (next === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) return;
      at = end + 2;
      continue;
    }
    const gt = tagEnd(xml, lt + 1);
    if (gt < 0) return;
    if (next === 47 /* / */) {
      handler.close(localName(xml.slice(lt + 2, gt).trim()));
    } else {
      let nameEnd = lt + 1;
      while (nameEnd < gt && !isSpace(xml.charCodeAt(nameEnd)) && xml.charCodeAt(nameEnd) !== 47) nameEnd++;
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      const name = localName(xml.slice(lt + 1, nameEnd));
      handler.open(name, parseAttributes(xml, nameEnd, selfClosing ? gt - 1 : gt), selfClosing);
      if (selfClosing) handler.close(name);
    }
    at = gt + 1;
  }
}

/** Decodes a part's bytes to text, honouring a UTF-16 byte-order mark. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
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
