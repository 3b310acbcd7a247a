/** The 通报's body blocks as docx paragraphs, in the GB/T 9704 fonts, sizes and indents. */
import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import type { Block, Run } from '../core/report/briefing-types.js';
import { CHAR, FILL_STYLE, fontFor, LINE, SIZE, type FontRole } from './gbt9704.js';

const bodySpacing = { line: LINE.body, lineRule: LineRuleType.EXACT };
/** 首行缩进二字: in characters for Word and WPS, in twips for readers that ignore the character count. */
const firstLine = { firstLine: 2 * CHAR, firstLineChars: 200 };

export function runOf(run: Run, role: FontRole = 'body'): TextRun {
  // The highlight is also set on the run: LibreOffice does not take it from a character style.
  const marked = run.fill ? { style: FILL_STYLE.id, highlight: FILL_STYLE.highlight } : {};
  return new TextRun({ text: run.text, font: fontFor(role), size: SIZE.body, ...marked });
}

function line(children: TextRun[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ spacing: bodySpacing, ...options, children });
}

export const blankLine = (): Paragraph => line([new TextRun({ text: '', size: SIZE.body })]);

/** Width in characters as printed: CJK and full-width forms one, ASCII half. */
export function printedWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return width;
}

/** 2号 characters safely within a line of the 156 mm 版心 (20 fit exactly; proportional digits and punctuation vary). */
const TITLE_LINE = 18;

/**
 * A title too long for one line breaks after the plan's name (`关于《…》` / `落实情况的通报`), so no line holds a
 * lone character and the words stay whole (GB/T 9704 7.3.1: 回行时词意完整); otherwise the reader wraps it.
 */
export function titleLines(title: string): string[] {
  const cut = title.lastIndexOf('》') + 1;
  if (printedWidth(title) <= TITLE_LINE || cut === 0 || cut === title.length || printedWidth(title.slice(0, cut)) > TITLE_LINE) return [title];
  return [title.slice(0, cut), title.slice(cut)];
}

/**
 * 落款 without a seal (GB/T 9704 7.3.5.2): the issuer 右空二字, the date on the next line starting two characters right
 * of the issuer's first; a date longer than that keeps 右空二字 and the issuer moves left.
 */
function signature(issuer: Run, date: string): Paragraph[] {
  const issuerWidth = printedWidth(issuer.text);
  const dateWidth = printedWidth(date);
  const dateRight = Math.max(2, issuerWidth - dateWidth);
  const issuerRight = dateRight + dateWidth + 2 - issuerWidth;
  return [
    blankLine(),
    // The issuer never ends a page without its date.
    line([runOf(issuer)], { alignment: AlignmentType.RIGHT, indent: { right: Math.round(issuerRight * CHAR) }, keepNext: true }),
    line([runOf({ text: date })], { alignment: AlignmentType.RIGHT, indent: { right: Math.round(dateRight * CHAR) } }),
  ];
}

/** 附件说明 (7.3.4): 左空二字 `附件：1. …`, the other names aligned under the first. */
function attachmentNote(names: string[]): Paragraph[] {
  const label = '附件：';
  const hang = 2 * CHAR + printedWidth(label) * CHAR;
  return [
    blankLine(),
    // The list is not split over two pages (the demo's 通报 printed 附件：1. at the foot of one page, 2. atop the next).
    ...names.map((name, i) =>
      i === 0
        ? line([runOf({ text: `${label}${i + 1}. ${name}` })], { indent: firstLine, keepNext: names.length > 1 })
        : line([runOf({ text: `${i + 1}. ${name}` })], { indent: { left: hang }, keepNext: i < names.length - 1 }),
    ),
  ];
}

export function blockParagraphs(block: Block): Paragraph[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: LINE.title, lineRule: LineRuleType.EXACT, after: LINE.body },
          children: titleLines(block.text).map((text, i) => new TextRun({ text, font: fontFor('title'), size: SIZE.title, break: i > 0 ? 1 : 0 })),
        }),
      ];
    case 'addressee':
      return [line([runOf({ text: block.text })])];
    case 'heading1':
      return [line([runOf({ text: block.text }, 'heading1')], { indent: firstLine, keepNext: true })];
    case 'heading2':
      return [line([runOf({ text: block.text }, 'heading2'), ...block.runs.map((r) => runOf(r))], { indent: firstLine })];
    case 'paragraph':
      return [line(block.runs.map((r) => runOf(r)), { indent: firstLine, alignment: AlignmentType.JUSTIFIED })];
    case 'attachments':
      return attachmentNote(block.names);
    case 'signature':
      return signature(block.issuer, block.date);
  }
}
