/**
 * The 通报 draft as an editable .docx laid out to GB/T 9704-2012: A4 portrait
 * body, page numbers `— N —` in 4号宋体 on the outer side (right on odd pages,
 * left on even, so even-and-odd footers), and the 附件 tables in a landscape
 * section whose numbering continues. The docx package runs in Node and the page.
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, SectionType, TextRun } from 'docx';
import type { Briefing } from '../core/report/briefing-types.js';
import { blockParagraphs } from './briefing-paragraphs.js';
import { attachmentPages } from './briefing-tables.js';
import { A4, FILL_STYLE, FOOTER_DISTANCE, fontFor, LANDSCAPE_MARGIN, PORTRAIT_MARGIN, SIZE } from './gbt9704.js';

/** `— 1 —`, 单页码居右空一字, 双页码居左空一字 (one 4号 character is 14 pt). */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const gap = (SIZE.pageNumber / 2) * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: gap } : { left: gap },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontFor('pageNumber'), size: SIZE.pageNumber })],
      }),
    ],
  });
}

const footers = () => ({ default: pageNumberFooter('odd'), even: pageNumberFooter('even') });

export function briefingDocument(briefing: Briefing): Document {
  return new Document({
    title: briefing.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: fontFor('body'), size: SIZE.body } } },
      characterStyles: [{ id: FILL_STYLE.id, name: FILL_STYLE.name, basedOn: 'DefaultParagraphFont', run: { highlight: FILL_STYLE.highlight } }],
    },
    sections: [
      {
        properties: { page: { size: { ...A4 }, margin: { ...PORTRAIT_MARGIN, footer: FOOTER_DISTANCE } } },
        footers: footers(),
        children: briefing.body.flatMap(blockParagraphs),
      },
      {
        properties: {
          type: SectionType.NEXT_PAGE,
          page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: { ...LANDSCAPE_MARGIN, footer: FOOTER_DISTANCE } },
        },
        footers: footers(),
        children: attachmentPages(briefing.attachments),
      },
    ],
  });
}

export async function writeBriefingDocx(briefing: Briefing): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(briefingDocument(briefing)));
}
