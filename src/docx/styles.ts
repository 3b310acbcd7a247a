/**
 * word/styles.xml, for list numbering only: a paragraph style may carry a
 * numbering (`w:numPr`), directly or through the style it is based on —
 * how headings numbered 一、 二、 are usually made — and a numbering style
 * names the instance an abstract numbering's `w:numStyleLink` points at.
 */
import { scanXml, type XmlSource } from '../xlsx/read/xml.js';

interface StyleEntry {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

export interface StyleNumbering {
  numId: string;
  /** Absent: the level is the one whose `w:pStyle` is this style, or 0. */
  ilvl?: number;
}

export interface Styles {
  /** The numbering a paragraph of this style gets, following `w:basedOn`; undefined for none. */
  numberingOf(styleId: string | undefined): StyleNumbering | undefined;
}

/** basedOn chains are short; a longer one is a loop in a damaged file. */
const MAX_CHAIN = 20;

export function parseStyles(xml: XmlSource | undefined): Styles {
  const styles = new Map<string, StyleEntry>();
  let defaultParagraph: string | undefined;
  if (xml !== undefined) {
    let current: StyleEntry | undefined;
    let inNumPr = false;
    scanXml(xml, {
      wantText: false,
      open(name, attrs) {
        if (name === 'style') {
          current = {};
          const id = attrs.get('styleId') ?? '';
          styles.set(id, current);
          if (attrs.get('type') === 'paragraph' && ['1', 'true', 'on'].includes(attrs.get('default') ?? '')) defaultParagraph = id;
        } else if (!current) return;
        else if (name === 'basedOn') current.basedOn = attrs.get('val');
        else if (name === 'numPr') inNumPr = true;
        else if (inNumPr && name === 'numId') current.numId = attrs.get('val');
        else if (inNumPr && name === 'ilvl') current.ilvl = Number(attrs.get('val') ?? 0) || 0;
      },
      close(name) {
        if (name === 'numPr') inNumPr = false;
        else if (name === 'style') current = undefined;
      },
      text() {},
    });
  }
  return {
    numberingOf(styleId) {
      let id = styleId ?? defaultParagraph;
      let ilvl: number | undefined;
      for (let steps = 0; id !== undefined && steps < MAX_CHAIN; steps++) {
        const entry = styles.get(id);
        if (!entry) return undefined;
        ilvl ??= entry.ilvl;
        if (entry.numId !== undefined) return entry.numId === '0' ? undefined : { numId: entry.numId, ...(ilvl !== undefined ? { ilvl } : {}) };
        id = entry.basedOn;
      }
      return undefined;
    },
  };
}
