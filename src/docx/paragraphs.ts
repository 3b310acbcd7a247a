/**
 * The paragraphs of word/document.xml in document order, each with its text
 * and what decides its list number (`w:numPr`, `w:pStyle`). Text is what Word
 * shows: `w:t` in runs, tabs and line breaks; not field codes (`w:instrText`),
 * deleted or moved-away text, the old properties of a tracked change, or the
 * fallback copy of a text box (`mc:Fallback` repeats `mc:Choice`). Table cells
 * and text boxes hold paragraphs of their own: each is one paragraph here
 * (a text box's paragraphs come before the paragraph that anchors it).
 */
import { scanXml, type XmlSource } from '../xlsx/read/xml.js';

export interface DocxParagraph {
  text: string;
  styleId?: string;
  numId?: string;
  ilvl?: number;
}

/** Elements whose content is not shown text. */
const SKIPPED = new Set(['del', 'moveFrom', 'pPrChange', 'rPrChange', 'Fallback', 'instrText', 'delText', 'rt']);
/** Run content that stands for a character. */
const RUN_CHARACTERS: Record<string, string> = { tab: '\t', br: '\n', cr: '\n', noBreakHyphen: '-' };

export function readParagraphs(xml: XmlSource): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  const open: DocxParagraph[] = [];
  let skipping = 0;
  let inRun = 0;
  let inNumPr = false;
  let inParagraphProperties = false;
  const handler = {
    wantText: false,
    // The scanner calls close for self-closing elements too, so every open is matched by a close.
    open(name: string, attrs: { get(name: string): string | undefined }) {
      if (SKIPPED.has(name)) {
        skipping++;
        return;
      }
      if (skipping > 0) return;
      const paragraph = open[open.length - 1];
      if (name === 'p') open.push({ text: '' });
      else if (!paragraph) return;
      else if (name === 'pPr') inParagraphProperties = true;
      // Properties first: their w:tabs hold w:tab elements that are tab stops, not tabs.
      else if (inParagraphProperties) readProperty(paragraph, name, attrs.get('val'), inNumPr, (value) => (inNumPr = value));
      else if (name === 'r') inRun++;
      else if (name === 't') handler.wantText = true;
      else if (inRun > 0 && name in RUN_CHARACTERS) paragraph.text += RUN_CHARACTERS[name];
    },
    close(name: string) {
      if (SKIPPED.has(name)) {
        if (skipping > 0) skipping--;
        return;
      }
      if (skipping > 0) return;
      if (name === 't') handler.wantText = false;
      else if (name === 'r') inRun = Math.max(0, inRun - 1);
      else if (name === 'numPr') inNumPr = false;
      else if (name === 'pPr') inParagraphProperties = false;
      else if (name === 'p') {
        const done = open.pop();
        if (done) out.push(done);
      }
    },
    text(value: string) {
      const paragraph = open[open.length - 1];
      if (paragraph && skipping === 0) paragraph.text += value;
    },
  };
  scanXml(xml, handler);
  return out;
}

function readProperty(paragraph: DocxParagraph, name: string, val: string | undefined, inNumPr: boolean, setNumPr: (on: boolean) => void): void {
  if (name === 'pStyle' && val) paragraph.styleId = val;
  else if (name === 'numPr') setNumPr(true);
  else if (inNumPr && name === 'numId' && val !== undefined) paragraph.numId = val;
  else if (inNumPr && name === 'ilvl' && val !== undefined) paragraph.ilvl = Math.min(8, Math.max(0, Number(val) || 0));
}
