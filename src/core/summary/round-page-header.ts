/**
 * Every printed page of a summary names its round: pages of two rounds laid
 * side by side at a meeting look alike, and only the header tells them apart.
 * Appended to each sheet's page header (its centre section, the last one).
 */
import { escapeHeaderText } from '../template/print-setup.js';
import type { SheetSpec } from '../workbook/spec.js';

export function roundHeaderText(label: string, asOf: string): string {
  return `（${label}，截至 ${asOf}）`;
}

export function withRoundInHeaders(sheets: readonly SheetSpec[], label: string, asOf: string): SheetSpec[] {
  const suffix = escapeHeaderText(roundHeaderText(label, asOf));
  return sheets.map((sheet) => (sheet.print ? { ...sheet, print: { ...sheet.print, header: sheet.print.header + suffix } } : sheet));
}
