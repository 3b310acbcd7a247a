/**
 * The plain text of a .docx 工作要点, one paragraph per line, for the plan
 * parser, with Word's automatic numbering written out as the text it shows
 * (`一、`, `（一）`, `1.`: numbering.xml, which text extractors such as mammoth
 * drop, leaving a plan without pillars). Takes bytes (never a path) so the
 * browser page can use it too. A line break inside a paragraph stays a line
 * of its own, which the parser's page-break healing joins back.
 */
import { ListLabels } from './list-labels.js';
import { parseNumbering } from './numbering.js';
import { readDocxParts } from './package.js';
import { readParagraphs, type DocxParagraph } from './paragraphs.js';
import { parseStyles } from './styles.js';

/** After the label: nothing after Chinese punctuation (`一、加强`), one space after `1.` or `(1)`, as typed plans have it. */
function withLabel(text: string, label: string, suffix: string): string {
  if (label === '') return text;
  const gap = suffix === 'nothing' || !/[\x21-\x7e]$/.test(label) ? '' : ' ';
  return label + gap + text;
}

export function docxLines(paragraphs: readonly DocxParagraph[], labels: ListLabels, numberingOf: (styleId: string | undefined) => { numId: string; ilvl?: number } | undefined): string[] {
  return paragraphs.map((paragraph) => {
    const byStyle = paragraph.numId === undefined ? numberingOf(paragraph.styleId) : undefined;
    const numId = paragraph.numId ?? byStyle?.numId;
    // numId 0 switches off the numbering a style would give.
    if (numId === undefined || numId === '0') return paragraph.text;
    // A direct numId without a level is level 0; a style's numbering without one is at the level tied to the style.
    const ilvl = paragraph.ilvl ?? (paragraph.numId === undefined ? (byStyle?.ilvl ?? labels.levelForStyle(numId, paragraph.styleId)) : 0);
    const shown = labels.next(numId, ilvl);
    return shown ? withLabel(paragraph.text, shown.label, shown.suffix) : paragraph.text;
  });
}

export async function extractDocxText(bytes: Uint8Array, fileName: string): Promise<string> {
  const parts = readDocxParts(bytes, fileName);
  const styles = parseStyles(parts.styles);
  const labels = new ListLabels(parseNumbering(parts.numbering), styles);
  const lines = docxLines(readParagraphs(parts.document), labels, (id) => styles.numberingOf(id));
  return lines.join('\n').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}
