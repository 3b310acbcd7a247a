/**
 * The 校验结果 sheet as a worksheet part of the copy, written by the same
 * SpreadsheetML writer as every workbook we make, with inline strings (so the
 * school's shared-string table is left alone) and the style indices the
 * copy's styles.xml gives its styles. It is the tab selected on opening.
 */
import { TaizhangError } from '../../core/issues.js';
import { STYLES } from '../../core/template/styles.js';
import type { SheetSpec, StyleSpec } from '../../core/workbook/spec.js';
import { writeSheet } from '../write/sheet.js';
import type { StyleTable } from '../write/styles.js';

/** The named styles the sheet's cells use. */
export function stylesOf(sheet: SheetSpec): Record<string, StyleSpec> {
  const used: Record<string, StyleSpec> = {};
  const all = STYLES as Record<string, StyleSpec>;
  for (const row of sheet.rows) {
    for (const cell of row.cells) {
      const style = all[cell.style];
      if (!style) throw new TaizhangError('FAULT_INTERNAL', { detail: `unknown style ${cell.style}` });
      used[cell.style] = style;
    }
  }
  return used;
}

/** Writes the part piece by piece, as the writer produces it (a report of many thousand problems is never one string). */
export function reportSheetWriter(sheet: SheetSpec, styles: StyleTable): (write: (text: string) => void) => void {
  return (write) => {
    let first = true;
    const external = writeSheet(sheet, { styles, strings: null }, (text) => {
      // The sheet view comes in the first piece, with the part's head.
      write(first ? text.replace('<sheetView workbookViewId="0"', '<sheetView tabSelected="1" workbookViewId="0"') : text);
      first = false;
    });
    // Its links all point inside the workbook; an external one would need a rels part the copy does not write.
    if (external.length > 0) throw new TaizhangError('FAULT_INTERNAL', { detail: 'the 校验结果 sheet links outside the workbook' });
  };
}
