/** Page setup for printing the ledger for meetings: A4, all columns on one page wide, binding margin on the left. */
import type { PrintSpec } from '../workbook/spec.js';
import { BODY_FONT, HEADING_FONT } from './styles.js';

const CM_PER_INCH = 2.54;
const inches = (cm: number): number => Math.round((cm / CM_PER_INCH) * 100) / 100;

/** `&` starts a code in header/footer text; a literal one is written `&&`. */
export function escapeHeaderText(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * The page header names the plan. No font-size code is used: `&12` directly
 * followed by digits would be read as a larger size (`&122024` loses "2024").
 */
export function pageHeader(title: string): string {
  return `&C&"${HEADING_FONT},Regular"${escapeHeaderText(title)}`;
}

/** Sheet name on the left, `第 1 页 共 5 页` in the middle. */
export const PAGE_FOOTER = `&L&"${BODY_FONT},Regular"&A&C&"${BODY_FONT},Regular"第 &P 页 共 &N 页`;

export function printSetup(
  orientation: PrintSpec['orientation'],
  title: string,
  area: { titleRows?: string; printArea?: string } = {},
): PrintSpec {
  return {
    orientation,
    paperSize: 9,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(area.titleRows ? { printTitleRows: area.titleRows } : {}),
    ...(area.printArea ? { printArea: area.printArea } : {}),
    // 2.5 cm on the left for binding, as for bound official documents.
    margins: { left: inches(2.5), right: inches(1.5), top: inches(2), bottom: inches(1.8), header: inches(0.8), footer: inches(0.8) },
    horizontalCentered: true,
    header: pageHeader(title),
    footer: PAGE_FOOTER,
  };
}
