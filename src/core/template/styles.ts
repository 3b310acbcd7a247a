/**
 * The named styles of the ledger. Fonts follow Chinese official-document
 * habit: 黑体 for headings, 仿宋 for body text. Every cell the spec writes names
 * one of these, so every cell gets an explicit font (exceljs has no workbook
 * default font: a cell without one comes out in Calibri).
 */
import type { ConditionalStyleSpec, StyleSpec } from '../workbook/spec.js';

export const HEADING_FONT = '黑体';
export const BODY_FONT = '仿宋';
export const BODY_SIZE = 11;

/** Light fill marking the cells a unit fills in, so input cells stand out on screen and in print. */
const INPUT_FILL = 'FFF9E6';
const HEADER_FILL = 'D9E2F3';

export const STYLE = {
  title: 'title',
  section: 'section',
  header: 'header',
  fixed: 'fixed',
  fixedCenter: 'fixedCenter',
  input: 'input',
  inputCenter: 'inputCenter',
  inputDate: 'inputDate',
  inputDay: 'inputDay',
  label: 'label',
  text: 'text',
  meta: 'meta',
  hiddenId: 'hiddenId',
} as const;
export type StyleName = (typeof STYLE)[keyof typeof STYLE];

const body = { name: BODY_FONT, size: BODY_SIZE };

export const STYLES: Record<StyleName, StyleSpec> = {
  title: { font: { name: HEADING_FONT, size: 16 }, horizontal: 'center', vertical: 'center', wrap: true, locked: true },
  section: { font: { name: HEADING_FONT, size: 12 }, horizontal: 'left', vertical: 'center', locked: true },
  header: {
    font: { name: HEADING_FONT, size: BODY_SIZE },
    fill: HEADER_FILL,
    border: 'thin',
    horizontal: 'center',
    vertical: 'center',
    wrap: true,
    locked: true,
  },
  fixed: { font: body, border: 'thin', horizontal: 'left', vertical: 'top', wrap: true, locked: true },
  fixedCenter: { font: body, border: 'thin', horizontal: 'center', vertical: 'top', wrap: true, locked: true },
  input: { font: body, fill: INPUT_FILL, border: 'thin', horizontal: 'left', vertical: 'top', wrap: true, locked: false },
  inputCenter: { font: body, fill: INPUT_FILL, border: 'thin', horizontal: 'center', vertical: 'top', wrap: true, locked: false },
  inputDate: {
    font: body,
    fill: INPUT_FILL,
    border: 'thin',
    horizontal: 'left',
    vertical: 'center',
    numFmt: 'yyyy"年"m"月"d"日"',
    locked: false,
  },
  // A real date carried from last round's ledger into a 完成时限 cell: short enough for the column.
  inputDay: { font: body, fill: INPUT_FILL, border: 'thin', horizontal: 'left', vertical: 'top', wrap: true, numFmt: 'yyyy-mm-dd', locked: false },
  label: { font: { name: HEADING_FONT, size: BODY_SIZE }, border: 'thin', horizontal: 'right', vertical: 'center', locked: true },
  text: { font: body, horizontal: 'left', vertical: 'top', wrap: true, locked: true },
  meta: { font: { name: BODY_FONT, size: 10 }, locked: true },
  // Not wrapped: LibreOffice draws a hidden column's wrapped text as a strip at the column edge, even in print.
  hiddenId: { font: { name: BODY_FONT, size: BODY_SIZE }, horizontal: 'left', vertical: 'top', locked: true },
};

/** Overdue tasks: light red fill, dark red text. */
export const OVERDUE_STYLE: ConditionalStyleSpec = { fill: 'FFC7CE', fontColor: '9C0006' };
