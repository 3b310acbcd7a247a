/**
 * Reads 填报单位, 填报人, 联系电话 and 填报日期 by their labels, so rows
 * inserted above them or a copied sheet do not lose them.
 */
import { UNIT_FIELDS, type UnitFieldKey } from '../template/instructions-sheet.js';
import { INSTRUCTIONS_SHEET_NAME } from '../template/constants.js';
import type { SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot.js';
import { columnLetter } from '../workbook/a1.js';
import { ledgerCell, matchKey } from './cell-text.js';
import { gridOf } from './grid.js';
import type { Ledger } from './ledger-types.js';

/** A value may sit a little to the right of its label when cells were merged or a column inserted. */
const VALUE_SEARCH_COLUMNS = 3;

const LABELS = new Map<string, UnitFieldKey>(UNIT_FIELDS.map((f) => [matchKey(f.label), f.key]));

function labelKey(text: string): UnitFieldKey | undefined {
  // `填报单位：` and `填报单位(盖章)` are the same label.
  return LABELS.get(matchKey(text).replace(/[:：]$/, '').replace(/[(（][^)）]*[)）]$/, ''));
}

function searchSheet(sheet: SheetSnapshot): Pick<Ledger, 'info' | 'infoCells'> {
  const info: Ledger['info'] = {};
  const infoCells: Ledger['infoCells'] = {};
  const grid = gridOf(sheet);
  for (const [, row] of grid) {
    for (const [col, cell] of row) {
      if (typeof cell.value !== 'string') continue;
      const key = labelKey(cell.value);
      if (!key || infoCells[key]) continue;
      infoCells[key] = { sheet: sheet.name, address: `${columnLetter(col + 1)}${cell.row}` };
      for (let c = col + 1; c <= col + VALUE_SEARCH_COLUMNS; c++) {
        const candidate = row.get(c);
        if (!candidate) continue;
        const value = ledgerCell(sheet.name, candidate);
        if (value.text !== '') {
          info[key] = value;
          break;
        }
      }
    }
  }
  return { info, infoCells };
}

export function extractInfo(workbook: WorkbookSnapshot): Pick<Ledger, 'info' | 'infoCells'> {
  const ordered = [...workbook.sheets].sort((a, b) =>
    a.name === INSTRUCTIONS_SHEET_NAME ? -1 : b.name === INSTRUCTIONS_SHEET_NAME ? 1 : 0,
  );
  for (const sheet of ordered) {
    const found = searchSheet(sheet);
    if (Object.keys(found.infoCells).length > 0) return found;
  }
  return { info: {}, infoCells: {} };
}
