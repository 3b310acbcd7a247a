/**
 * Shared strings: each `<si>` is plain `<t>` text or rich-text runs `<r><t>`,
 * concatenated; phonetic guides (`<rPh>`, furigana/pinyin) are not part of
 * the value and are skipped.
 */
import { decodeOoxmlEscapes, scanned, scanXml, type XmlSource } from './xml.js';
import { cutText } from './xml-text.js';

/** `fast: false` reads every item the general way; `plainItem` must give the same strings, which tests check. */
export function parseSharedStrings(xml: XmlSource | undefined, fast = true): string[] {
  if (xml === undefined) return [];
  const { text: part, bytes } = scanned(xml);
  const strings: string[] = [];
  let current = '';
  let inItem = false;
  let phoneticDepth = 0;
  const handler = {
    wantText: false,
    open(name: string, _attrs: unknown, selfClosing: boolean, contentStart: number): number | void {
      if (name === 'si') {
        inItem = true;
        current = '';
        // Outside captured text and phonetic guides, an item of one plain `<t>` is read in one go.
        if (fast && !selfClosing && !handler.wantText && phoneticDepth === 0) {
          const end = plainItem(part, bytes, contentStart, strings);
          if (end >= 0) {
            inItem = false;
            return end;
          }
        }
      } else if (name === 'rPh') phoneticDepth++;
      else if (name === 't') handler.wantText = inItem && phoneticDepth === 0;
    },
    close(name: string) {
      if (name === 't') handler.wantText = false;
      else if (name === 'rPh') phoneticDepth = Math.max(0, phoneticDepth - 1);
      else if (name === 'si' && inItem) {
        strings.push(decodeOoxmlEscapes(current));
        inItem = false;
      }
    },
    text(value: string) {
      current += value;
    },
  };
  scanXml(xml, handler);
  return strings;
}

const T_OPEN = ['<t>', '<t xml:space="preserve">'];

/**
 * `<si><t>text</t></si>` (the `<t>` possibly with xml:space="preserve"), from just past `<si>`:
 * pushes the item's string and returns the index past `</si>`, or -1 for any other shape.
 * Text outside `<t>` is ignored, as the general reading ignores it.
 */
function plainItem(xml: string, bytes: Uint8Array | undefined, from: number, into: string[]): number {
  let pos = xml.indexOf('<', from);
  if (pos < 0) return -1;
  const open = T_OPEN.find((tag) => xml.startsWith(tag, pos));
  if (open === undefined) return -1;
  const start = pos + open.length;
  const end = xml.indexOf('<', start);
  if (end < 0 || !xml.startsWith('</t>', end)) return -1;
  pos = xml.indexOf('<', end + 4);
  if (pos < 0 || !xml.startsWith('</si>', pos)) return -1;
  into.push(end > start ? decodeOoxmlEscapes(cutText(xml, bytes, start, end)) : '');
  return pos + 5;
}
