/**
 * Fills a generated ledger the way a school clerk would, for the demo and the
 * benchmark: the unit's details, and for every task a measure, a responsible
 * unit and person, a deadline in one of the accepted forms, progress and a
 * status. Works on the rendered bytes with exceljs, finding rows by the hidden
 * task id, so it exercises the same files schools get.
 */
import ExcelJS from 'exceljs';
import { unitFieldCell, type UnitFieldKey } from '../../core/template/instructions-sheet.js';
import { pillarColumn } from '../../core/template/pillar-sheet.js';
import { INSTRUCTIONS_SHEET_NAME, PILLAR_FIRST_TASK_ROW, type ColumnKey } from '../../core/template/constants.js';

export type FillValue = string | number | Date | null;

export interface SchoolFill {
  info: Partial<Record<UnitFieldKey, FillValue>>;
  /** Values by task id, then column key. */
  tasks: Record<string, Partial<Record<ColumnKey, FillValue>>>;
}

export async function fillSchool(template: Uint8Array, fill: SchoolFill): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.slice().buffer as ArrayBuffer);
  const info = workbook.getWorksheet(INSTRUCTIONS_SHEET_NAME);
  for (const [key, value] of Object.entries(fill.info) as [UnitFieldKey, FillValue][]) {
    if (info) info.getCell(unitFieldCell(key)).value = value;
  }
  const idColumn = pillarColumn('taskId');
  for (const sheet of workbook.worksheets) {
    for (let r = PILLAR_FIRST_TASK_ROW; r <= sheet.rowCount; r++) {
      const values = fill.tasks[String(sheet.getCell(r, idColumn).value ?? '')];
      if (!values) continue;
      for (const [key, value] of Object.entries(values) as [ColumnKey, FillValue][]) {
        sheet.getCell(r, pillarColumn(key)).value = value;
      }
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
