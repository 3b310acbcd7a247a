/**
 * Reads the hidden `_taizhang` metadata sheet back. Its content is checked,
 * not trusted: LibreOffice turns veryHidden into hidden and users can type
 * into it, so anything that does not look right counts as "no metadata".
 */
import { META_KEYS, META_TASK_HEADER, META_TASK_HEADER_ROW } from '../template/meta-sheet.js';
import { META_SHEET_NAME } from '../template/constants.js';
import type { WorkbookSnapshot } from '../workbook/snapshot.js';
import { detached } from '../detached.js';
import { trimText } from './cell-text.js';
import { gridOf } from './grid.js';

export interface MetaTask {
  taskId: string;
  sheetName: string;
  row: number;
}

export interface WorkbookMeta {
  templateId: string;
  templateVersion: number;
  planTitle: string;
  tasks: MetaTask[];
}

/** Detached: these strings outlive the workbook (a roll-up keeps them), the XML they were cut from must not. */
function text(value: string | number | boolean | undefined): string {
  return value === undefined ? '' : detached(trimText(String(value)));
}

export function readMeta(workbook: WorkbookSnapshot): WorkbookMeta | undefined {
  const sheet = workbook.sheets.find((s) => s.name === META_SHEET_NAME);
  if (!sheet) return undefined;
  const grid = gridOf(sheet);
  const values = new Map<string, string>();
  META_KEYS.forEach((key, i) => {
    const row = grid.get(i + 1);
    if (text(row?.get(1)?.value) === key) values.set(key, text(row?.get(2)?.value));
  });
  const templateId = values.get('templateId') ?? '';
  const templateVersion = Number(values.get('templateVersion'));
  if (!/^[\w-]{6,64}$/.test(templateId) || !Number.isInteger(templateVersion)) return undefined;
  const header = grid.get(META_TASK_HEADER_ROW);
  if (!META_TASK_HEADER.every((name, i) => text(header?.get(i + 1)?.value) === name)) return undefined;
  const tasks: MetaTask[] = [];
  for (let r = META_TASK_HEADER_ROW + 1; grid.has(r); r++) {
    const row = grid.get(r)!;
    const taskId = text(row.get(1)?.value);
    const sheetName = text(row.get(4)?.value);
    const at = Number(row.get(5)?.value);
    if (taskId && sheetName && Number.isInteger(at)) tasks.push({ taskId, sheetName, row: at });
  }
  return { templateId, templateVersion, planTitle: values.get('planTitle') ?? '', tasks };
}
