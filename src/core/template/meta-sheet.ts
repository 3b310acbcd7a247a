/**
 * The very hidden `_taizhang` sheet: what a reader needs to match a filled-in
 * workbook back to its plan — template id and version, plan identity, and
 * where each task was put.
 */
import type { Plan } from '../model.js';
import { type CellSpec, type RowSpec, type SheetSpec } from '../workbook/spec.js';
import { META_SHEET_NAME } from './constants.js';
import { STYLE } from './styles.js';

/** Key/value rows at the top of the sheet: key in column A, value in column B. */
export const META_KEYS = ['templateId', 'templateVersion', 'planTitle', 'planYear', 'issueDate'] as const;
export type MetaKey = (typeof META_KEYS)[number];
/** Header of the task table; it starts two rows below the last key. */
export const META_TASK_HEADER = ['taskId', 'pillarNo', 'taskNo', 'sheetName', 'row', 'title'] as const;
export const META_TASK_HEADER_ROW = META_KEYS.length + 2;

export interface PlacedTask {
  taskId: string;
  pillarNo: number;
  taskNo: number;
  sheetName: string;
  row: number;
  title: string;
}

const cell = (col: number, value: string | number | null): CellSpec => ({ col, value, style: STYLE.meta });

export function metaSheet(plan: Plan, templateId: string, templateVersion: number, placed: readonly PlacedTask[]): SheetSpec {
  const values: Record<MetaKey, string | number | null> = {
    templateId,
    templateVersion,
    planTitle: plan.title,
    planYear: plan.year,
    issueDate: plan.header.issueDate ?? null,
  };
  const rows: RowSpec[] = META_KEYS.map((key, i) => ({ row: i + 1, cells: [cell(1, key), cell(2, values[key])] }));
  rows.push({ row: META_TASK_HEADER_ROW, cells: META_TASK_HEADER.map((h, i) => cell(i + 1, h)) });
  placed.forEach((t, i) => {
    const line = [t.taskId, t.pillarNo, t.taskNo, t.sheetName, t.row, t.title];
    rows.push({ row: META_TASK_HEADER_ROW + 1 + i, cells: line.map((v, c) => cell(c + 1, v)) });
  });
  return {
    name: META_SHEET_NAME,
    kind: 'meta',
    state: 'veryHidden',
    columns: [12, 10, 10, 24, 8, 40].map((width, i) => ({
      key: META_TASK_HEADER[i]!,
      header: META_TASK_HEADER[i]!,
      width,
      locked: true,
      wrap: false,
      hidden: false,
    })),
    rows,
    merges: [],
    validations: [],
    conditionalFormats: [],
    protection: {
      allowFormatColumns: false,
      allowFormatRows: false,
      allowSort: false,
      allowAutoFilter: false,
      allowSelectLockedCells: true,
    },
  };
}
