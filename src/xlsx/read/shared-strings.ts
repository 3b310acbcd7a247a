/**
 * Shared strings: each `<si>` is plain `<t>` text or rich-text runs `<r><t>`,
 * concatenated; phonetic guides (`<rPh>`, furigana/pinyin) are not part of
 * the value and are skipped.
 */
import { decodeOoxmlEscapes, scanXml, type XmlSource } from './xml.js';

export function parseSharedStrings(xml: XmlSource | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  let current = '';
  let inItem = false;
  let phoneticDepth = 0;
  const handler = {
    wantText: false,
    open(name: string) {
      if (name === 'si') {
        inItem = true;
        current = '';
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
