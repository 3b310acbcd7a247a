/**
 * A tolerant, linear-time XML scanner: no DOM, no regular expressions over
 * the document, no entity expansion (so no "billion laughs"). Names are
 * reported without their namespace prefix, so `<x:c>` and `<c>` look the
 * same, as some .NET exporters write the former. Malformed input never
 * throws: the scanner stops at the first thing it cannot make sense of.
 */

export interface XmlHandler {
  /**
   * `attrs` is only valid during the call: read what you need from it, do not keep it.
   * `contentStart` is where the element's content begins. A handler that has read the
   * content and the closing tag itself (a fast path for a common shape) returns where
   * scanning resumes, past that closing tag; `close` is then not called for the element.
   */
  open(name: string, attrs: Attributes, selfClosing: boolean, contentStart: number): number | void;
  close(name: string): void;
  /** Called with decoded text only while `wantText` is true, so unneeded text costs nothing. */
  text(value: string): void;
  wantText: boolean;
}

import { Attributes, isSpace } from './xml-attributes.js';
import { cut, cutText, scanned, type XmlSource } from './xml-text.js';

export { Attributes } from './xml-attributes.js';
export { decodeEntities, decodeOoxmlEscapes, decodeXml, scanned, type Latin1View, type XmlSource } from './xml-text.js';

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** Finds the `>` that ends a tag starting at `from`, skipping quoted attribute values (one pass over the tag). */
export function tagEnd(xml: string, from: number): number {
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

export function scanXml(source: XmlSource, handler: XmlHandler): void {
  const { text: xml, bytes } = scanned(source);
  // Below this, a character in a closing tag's name is plain ASCII; from it on, the name is decoded and trimmed.
  const unusual = bytes ? 0x80 : 0xa0;
  const length = xml.length;
  const attrs = new Attributes();
  let at = 0;
  while (at < length) {
    // Tags mostly follow one another directly: look at the next character before searching.
    const lt = xml.charCodeAt(at) === 60 ? at : xml.indexOf('<', at);
    const textEnd = lt < 0 ? length : lt;
    if (handler.wantText && textEnd > at) handler.text(cutText(xml, bytes, at, textEnd));
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
        if (handler.wantText) handler.text(cut(xml, bytes, lt + 9, end));
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
      // `</name>` or `</x:name>`, the usual closing tags, in one pass: the name ends at the first `>`.
      let colon = -1;
      let end = -1;
      for (let i = lt + 2; i < length; i++) {
        const code = xml.charCodeAt(i);
        if (code > 62 && code < unusual) continue;
        if (code === 62) end = i;
        else if (code === 58 /* : */) {
          if (colon < 0) colon = i;
          continue;
        } else if (code > 32 && code !== 34 && code !== 39 && code < unusual) continue;
        break;
      }
      if (end >= 0) {
        handler.close(xml.slice(colon < 0 ? lt + 2 : colon + 1, end));
        at = end + 1;
        continue;
      }
      // Anything else (a space, a quote, non-ASCII) the long way, as the scanner always read it.
      const gt = tagEnd(xml, lt + 1);
      if (gt < 0) return;
      let start = lt + 2;
      for (let i = start; i < gt; i++) {
        const code = xml.charCodeAt(i);
        if (code <= 32 || code >= unusual) {
          start = -1;
          break;
        }
        if (code === 58 /* : */ && start === lt + 2) start = i + 1;
      }
      handler.close(start >= 0 ? xml.slice(start, gt) : localName(cut(xml, bytes, lt + 2, gt).trim()));
      at = gt + 1;
      continue;
    }
    // The name ends at a space, `/` or `>`; a quote in it sends the tag the slow way.
    let nameStart = lt + 1;
    let nameEnd = nameStart;
    let regular = true;
    let ascii = true;
    for (; nameEnd < length; nameEnd++) {
      const code = xml.charCodeAt(nameEnd);
      if (code > 62) {
        if (code >= 0x80) ascii = false;
        continue; // letters: the usual case, one comparison
      }
      if (isSpace(code) || code === 47 || code === 62) break;
      if (code === 34 || code === 39) {
        regular = false;
        break;
      }
      if (code === 58 /* : */ && nameStart === lt + 1) nameStart = nameEnd + 1;
    }
    let gt = regular ? attrs.parse(xml, bytes, nameEnd) : -1;
    if (gt < 0) {
      gt = tagEnd(xml, lt + 1);
      if (gt < 0) return;
      nameStart = lt + 1;
      for (nameEnd = nameStart; nameEnd < gt; nameEnd++) {
        const code = xml.charCodeAt(nameEnd);
        if (isSpace(code) || code === 47) break;
        if (code === 58 /* : */ && nameStart === lt + 1) nameStart = nameEnd + 1;
      }
      attrs.reset(xml, bytes, nameEnd, xml.charCodeAt(gt - 1) === 47 ? gt - 1 : gt);
      ascii = false; // not worth knowing: let cut look
    }
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const name = ascii ? xml.slice(nameStart, nameEnd) : cut(xml, bytes, nameStart, nameEnd);
    const resume = handler.open(name, attrs, selfClosing, gt + 1);
    if (typeof resume === 'number' && resume > gt) {
      at = resume;
      continue;
    }
    if (selfClosing) handler.close(name);
    at = gt + 1;
  }
}

