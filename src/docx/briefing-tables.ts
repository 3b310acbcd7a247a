/** The 通报's 附件: each on its own page of the landscape section, `附件N` in 黑体, its title, then the table. */
import {
  AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import type { BriefingTable } from '../core/report/briefing-types.js';
import { A4, fontFor, LANDSCAPE_MARGIN, LINE, SIZE } from './gbt9704.js';

/** The landscape 版心's width, shared out among the columns by their relative widths. */
const TEXT_WIDTH = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(value: string, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { line: 300, lineRule: LineRuleType.AT_LEAST },
        children: [new TextRun({ text: value, font: fontFor(header ? 'heading1' : 'body'), size: SIZE.table })],
      }),
    ],
  });
}

function table(spec: BriefingTable): Table {
  const total = spec.widths.reduce((a, b) => a + b, 0);
  const widths = spec.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const row = (values: string[], header: boolean) =>
    new TableRow({ tableHeader: header, cantSplit: true, children: values.map((v, i) => cell(v, widths[i]!, header)) });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [row(spec.columns, true), ...spec.rows.map((r) => row(r, false))],
  });
}

export function attachmentPages(tables: readonly BriefingTable[]): (Paragraph | Table)[] {
  return tables.flatMap((spec, i) => [
    new Paragraph({
      pageBreakBefore: i > 0,
      spacing: { line: LINE.body, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: spec.label, font: fontFor('heading1'), size: SIZE.body })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE.title, lineRule: LineRuleType.EXACT, after: LINE.body / 2 },
      children: [new TextRun({ text: spec.title, font: fontFor('title'), size: SIZE.title })],
    }),
    table(spec),
  ]);
}
