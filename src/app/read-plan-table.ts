/**
 * The plan loader's look at the bytes for a task table (任务分解表), before
 * they are read as a text plan: a zip with `xl/` is a workbook; a zip with
 * `word/` is a document whose body may be a table; text with commas or tabs
 * and a task table's header row is a .csv. Anything else is left to the text
 * reader (undefined). The mapping itself is pure (core/plan/table).
 */
import type { Issue, ParseResult } from '../core/model.js';
import { decodePlanText } from '../core/plan/decode-text.js';
import { delimitedTable } from '../core/plan/table/csv.js';
import { tableToPlan, type ColumnChoice, type TableInput } from '../core/plan/table/index.js';
import { readDocumentTables } from '../docx/tables.js';
import { workbookTables } from '../xlsx/plan-table.js';
import { openZipParts } from '../xlsx/read/zip-parts.js';

export type TableSource = 'xlsx' | 'csv' | 'docx-table';

export interface TablePlan extends ParseResult {
  source: TableSource;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const NOT_TEXT = [[0xd0, 0xcf, 0x11, 0xe0], [0x25, 0x50, 0x44, 0x46]];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** `要点分解表.xlsx` → `要点分解表`: the title when the table has none above its header. */
function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}

/** A document is a table plan when its tables hold most of its text and one of them has a task table's header. */
function documentTables(xml: string): { tables: TableInput[]; title?: string } | undefined {
  const read = readDocumentTables(xml);
  if (read.tables.length === 0 || read.tableChars < read.otherChars) return undefined;
  const title = read.before.find((t) => /[\u4e00-\u9fff]/.test(t) && t.length <= 60 && !/^附\s*件/.test(t));
  return { tables: read.tables, ...(title ? { title } : {}) };
}

function withSource(result: ParseResult, source: TableSource, before: Issue[] = []): TablePlan {
  return { ...result, issues: before.concat(result.issues), source };
}

export function readPlanTable(bytes: Uint8Array, fileName: string, choice?: ColumnChoice): TablePlan | undefined {
  const options = { title: baseName(fileName), ...(choice ? { choice } : {}) };
  if (startsWith(bytes, ZIP)) {
    const zip = openZipParts(bytes);
    if (zip?.has('xl/workbook.xml')) {
      const read = workbookTables(bytes, fileName);
      if ('issue' in read) return withSource({ plan: { title: '', year: new Date().getFullYear(), header: {}, pillars: [] }, issues: [read.issue] }, 'xlsx');
      return withSource(tableToPlan(read.tables, options), 'xlsx');
    }
    const xml = zip?.text('word/document.xml');
    const found = xml === undefined ? undefined : documentTables(xml);
    if (!found) return undefined;
    const result = tableToPlan(found.tables, { ...options, ...(found.title ? { title: found.title } : {}) });
    // A document whose tables are not a task table is read as text after all.
    return result.plan.pillars.length > 0 ? withSource(result, 'docx-table') : undefined;
  }
  if (NOT_TEXT.some((magic) => startsWith(bytes, magic))) return undefined;
  const decoded = decodePlanText(bytes);
  const table = delimitedTable(decoded.text, baseName(fileName));
  return table ? withSource(tableToPlan([table], options), 'csv', decoded.issues) : undefined;
}
