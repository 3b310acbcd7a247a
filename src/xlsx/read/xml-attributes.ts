/** Attribute access for the XML scanner (see xml.ts). */
import { cutText } from './xml-text.js';

export function isSpace(code: number): boolean {
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
  /** The part's bytes when `xml` is their Latin-1 view: values are decoded from them. */
  private bytes: Uint8Array | undefined;
  private from = 0;
  private to = 0;
  private indexed = false;
  private count = 0;
  /** Per attribute: name start, local name start (after the first `:`), name end, value start, value end. */
  private readonly spans: number[] = [];

  /** Points at the attributes between `from` and `to` (exclusive) of one tag. */
  reset(xml: string, bytes: Uint8Array | undefined, from: number, to: number): void {
    this.xml = xml;
    this.bytes = bytes;
    this.from = from;
    this.to = to;
    this.indexed = false;
  }

  /**
   * The value of the attribute with this local name (an ASCII name; namespace prefix ignored),
   * entities decoded; the last one wins when a name repeats. `xmlns…` are not attributes.
   */
  get(name: string): string | undefined {
    if (!this.indexed) this.index();
    const xml = this.xml;
    const spans = this.spans;
    const first = name.charCodeAt(0);
    for (let i = (this.count - 1) * 5; i >= 0; i -= 5) {
      const localStart = spans[i + 1]!;
      const nameEnd = spans[i + 2]!;
      // Length and first letter before startsWith: most names differ there, and `r`, `s`, `t` end there.
      if (nameEnd - localStart !== name.length || xml.charCodeAt(localStart) !== first) continue;
      if (name.length > 1 && !xml.startsWith(name, localStart)) continue;
      const nameStart = spans[i]!;
      if (nameEnd - nameStart >= 5 && xml.startsWith('xmlns', nameStart)) continue;
      if (name === '__proto__' || name === '') continue;
      return cutText(xml, this.bytes, spans[i + 3]!, spans[i + 4]!);
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
  parse(xml: string, bytes: Uint8Array | undefined, from: number): number {
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
        if (code > 62) continue; // letters: the usual case, one comparison
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
      // Most values are a few characters: a short look before asking indexOf.
      let close = at + 1;
      const stop = Math.min(length, at + 12);
      while (close < stop && xml.charCodeAt(close) !== code) close++;
      if (close === stop) close = xml.indexOf(code === 34 ? '"' : "'", close);
      if (close < 0) return -1;
      this.record(count++, nameStart, colon, nameEnd, at + 1, close);
      at = close + 1;
    }
    this.xml = xml;
    this.bytes = bytes;
    this.count = count;
    this.indexed = true;
    return xml.charCodeAt(at) === 62 ? at : at + 1;
  }

  /** Notes where attribute `n`'s name (and its local part, after the first `:`) and value are. */
  private record(n: number, nameStart: number, colon: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    const base = n * 5;
    const spans = this.spans;
    spans[base] = nameStart;
    spans[base + 1] = colon < 0 ? nameStart : colon + 1;
    spans[base + 2] = nameEnd;
    spans[base + 3] = valueStart;
    spans[base + 4] = valueEnd;
  }

  /** One pass over the tag, with the rules the scanner always had: a value must be quoted; anything else ends the list. */
  private index(): void {
    const xml = this.xml;
    const to = this.to;
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
      this.record(count++, nameStart, colon, nameEnd, at + 1, close);
      at = close + 1;
    }
    this.count = count;
    this.indexed = true;
  }
}

