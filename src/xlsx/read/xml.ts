/**
 * A tolerant, linear-time XML scanner: no DOM, no regular expressions over
 * the document, no entity expansion (so no "billion laughs"). Names are
 * reported without their namespace prefix, so `<x:c>` and `<c>` look the
 * same, as some .NET exporters write the former. Malformed input never
 * throws: the scanner stops at the first thing it cannot make sense of.
 */

export interface XmlHandler {
  /** `attrs` is only valid during the call: read what you need from it, do not keep it. */
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

/**
 * One tag's attributes, parsed only when a handler asks for one (most tags'
 * attributes are never read) and without building an object per tag: the
 * first `get` records where each attribute's name and value are, later ones
 * look there. The same instance serves every tag of a scan.
 */
export class Attributes {
  private xml = '';
  private from = 0;
  private to = 0;
  private indexed = false;
  private count = 0;
  /** Per attribute: name start, local name start (after the first `:`), name end, value start, value end. */
  private readonly spans: number[] = [];

  /** Points at the attributes between `from` and `to` (exclusive) of one tag. */
  reset(xml: string, from: number, to: number): void {
    this.xml = xml;
    this.from = from;
    this.to = to;
    this.indexed = false;
  }

  /**
   * The value of the attribute with this local name (namespace prefix ignored),
   * entities decoded; the last one wins when a name repeats. `xmlns…` are not attributes.
   */
  get(name: string): string | undefined {
    if (!this.indexed) this.index();
    const xml = this.xml;
    const spans = this.spans;
    for (let i = (this.count - 1) * 5; i >= 0; i -= 5) {
      const localStart = spans[i + 1]!;
      const nameEnd = spans[i + 2]!;
      if (nameEnd - localStart !== name.length || !xml.startsWith(name, localStart)) continue;
      const nameStart = spans[i]!;
      if (nameEnd - nameStart >= 5 && xml.startsWith('xmlns', nameStart)) continue;
      if (name === '__proto__' || name === '') continue;
      return decodeEntities(xml.slice(spans[i + 3]!, spans[i + 4]!));
    }
    return undefined;
  }

  /**
   * The common case in one pass: well-formed `name="value"` pairs after the tag name,
   * ended by `>` or `/>`. Returns the index of that `>` with every attribute recorded,
   * or -1 for anything less regular (a quote or `>` in a name, a missing `=` or quote,
   * `/ >`), which the caller then reads the old way: the quote-aware walk to `>` and
   * `index()` on demand. Both ways find the same `>` and the same attributes.
   */
  parse(xml: string, from: number): number {
    const spans = this.spans;
    const length = xml.length;
    let count = 0;
    let at = from;
    for (;;) {
      let code = xml.charCodeAt(at);
      while (isSpace(code)) code = xml.charCodeAt(++at);
      if (code === 62 /* > */ || (code === 47 /* / */ && xml.charCodeAt(at + 1) === 62)) break;
      const nameStart = at;
      let colon = -1;
      for (; at < length; code = xml.charCodeAt(++at)) {
        if (code === 61 /* = */ || isSpace(code)) break;
        if (code === 62 || code === 34 || code === 39) return -1;
        if (code === 58 /* : */ && colon < 0) colon = at;
      }
      const nameEnd = at;
      if (nameEnd === nameStart) return -1;
      while (isSpace(code)) code = xml.charCodeAt(++at);
      if (code !== 61) return -1;
      code = xml.charCodeAt(++at);
      while (isSpace(code)) code = xml.charCodeAt(++at);
      if (code !== 34 && code !== 39) return -1;
      const close = xml.indexOf(code === 34 ? '"' : "'", at + 1);
      if (close < 0) return -1;
      const base = count * 5;
      spans[base] = nameStart;
      spans[base + 1] = colon < 0 ? nameStart : colon + 1;
      spans[base + 2] = nameEnd;
      spans[base + 3] = at + 1;
      spans[base + 4] = close;
      count++;
      at = close + 1;
    }
    this.xml = xml;
    this.count = count;
    this.indexed = true;
    return xml.charCodeAt(at) === 62 ? at : at + 1;
  }

  /** One pass over the tag, with the rules the scanner always had: a value must be quoted; anything else ends the list. */
  private index(): void {
    const xml = this.xml;
    const to = this.to;
    const spans = this.spans;
    let count = 0;
    let at = this.from;
    while (at < to) {
      while (at < to && isSpace(xml.charCodeAt(at))) at++;
      const nameStart = at;
      let colon = -1;
      for (; at < to; at++) {
        const code = xml.charCodeAt(at);
        if (code === 61 /* = */ || isSpace(code)) break;
        if (code === 58 /* : */ && colon < 0) colon = at;
      }
      const nameEnd = at;
      while (at < to && isSpace(xml.charCodeAt(at))) at++;
      if (xml.charCodeAt(at) !== 61) {
        at++;
        continue;
      }
      at++;
      while (at < to && isSpace(xml.charCodeAt(at))) at++;
      const quote = xml.charCodeAt(at);
      if (quote !== 34 && quote !== 39) break;
      const close = xml.indexOf(quote === 34 ? '"' : "'", at + 1);
      if (close < 0 || close > to) break;
      const base = count * 5;
      spans[base] = nameStart;
      spans[base + 1] = colon < 0 ? nameStart : colon + 1;
      spans[base + 2] = nameEnd;
      spans[base + 3] = at + 1;
      spans[base + 4] = close;
      count++;
      at = close + 1;
    }
    this.count = count;
    this.indexed = true;
  }
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
  const attrs = new Attributes();
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
    if (next === 47 /* / */) {
      const gt = tagEnd(xml, lt + 1);
      if (gt < 0) return;
      // `</x:name>`: one cut, after the first `:`; the rare `</name >` goes the long way (trim's idea of a space).
      let start = lt + 2;
      for (let i = start; i < gt; i++) {
        const code = xml.charCodeAt(i);
        if (code <= 32 || code >= 0xa0) {
          start = -1;
          break;
        }
        if (code === 58 /* : */ && start === lt + 2) start = i + 1;
      }
      handler.close(start >= 0 ? xml.slice(start, gt) : localName(xml.slice(lt + 2, gt).trim()));
      at = gt + 1;
      continue;
    }
    // The name ends at a space, `/` or `>`; a quote in it sends the tag the slow way.
    let nameStart = lt + 1;
    let nameEnd = nameStart;
    let regular = true;
    for (; nameEnd < length; nameEnd++) {
      const code = xml.charCodeAt(nameEnd);
      if (isSpace(code) || code === 47 || code === 62) break;
      if (code === 34 || code === 39) {
        regular = false;
        break;
      }
      if (code === 58 /* : */ && nameStart === lt + 1) nameStart = nameEnd + 1;
    }
    let gt = regular ? attrs.parse(xml, nameEnd) : -1;
    if (gt < 0) {
      gt = tagEnd(xml, lt + 1);
      if (gt < 0) return;
      nameStart = lt + 1;
      for (nameEnd = nameStart; nameEnd < gt; nameEnd++) {
        const code = xml.charCodeAt(nameEnd);
        if (isSpace(code) || code === 47) break;
        if (code === 58 /* : */ && nameStart === lt + 1) nameStart = nameEnd + 1;
      }
      attrs.reset(xml, nameEnd, xml.charCodeAt(gt - 1) === 47 ? gt - 1 : gt);
    }
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const name = xml.slice(nameStart, nameEnd);
    handler.open(name, attrs, selfClosing);
    if (selfClosing) handler.close(name);
    at = gt + 1;
  }
}

/** Decodes a part's bytes to text, honouring a UTF-16 byte-order mark. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return UTF8.decode(bytes);
}

/** One decoder for every part: building one costs about as much as decoding a small part. */
const UTF8 = new TextDecoder('utf-8');

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
