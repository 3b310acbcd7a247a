/** Small TemplateSpecs for the writer tests: one sheet of plain text cells unless told otherwise. */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { CellValue, SheetSpec, WorkbookSpec } from '../../src/core/workbook/spec';
import { STYLES } from '../../src/core/template/styles';

export function sheet(name: string, values: CellValue[][], extra: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name,
    kind: 'report',
    state: 'visible',
    columns: [],
    rows: values.map((cells, r) => ({ row: r + 1, cells: cells.map((value, c) => ({ col: c + 1, value, style: 'text' })) })),
    merges: [],
    validations: [],
    conditionalFormats: [],
    ...extra,
  };
}

export function workbookSpec(sheets: SheetSpec[], extra: Partial<WorkbookSpec> = {}): WorkbookSpec {
  return { templateId: 't', templateVersion: 1, title: '测试', sheets, styles: STYLES, definedNames: [], lockStructure: false, ...extra };
}

export function part(bytes: Uint8Array, name: string): string {
  const data = unzipSync(bytes)[name];
  if (!data) throw new Error(`${name} missing`);
  return strFromU8(data);
}

export async function loadExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}
