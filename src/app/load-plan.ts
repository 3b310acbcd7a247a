/**
 * Use case: load a plan (工作要点) from a named file's bytes — .txt in any
 * encoding Notepad writes, .docx, .pdf when the front end hands over its
 * pdfjs (`options.pdf`), or a task table (.xlsx, .csv, a table in a .docx;
 * read-plan-table.ts) — for every front end. The parser's
 * issues know lines, not files: here they are named after the file, so every
 * message points at it. A plan with errors is still returned: each front end
 * shows the issues and stops (`errors > 0`).
 */
import { taskCount } from '../core/plan/count.js';
import type { ColumnChoice } from '../core/plan/table/index.js';
import { readPlanDocument, type PlanDocument } from '../docx/plan-document.js';
import { isPdf, readPdfPlan, type PdfRuntime } from '../pdf/plan-pdf.js';
import type { InputFile } from './input-file.js';
import { readPlanTable, type TableSource } from './read-plan-table.js';

/** How the plan is to be read: the platform pieces some formats need, and the clerk's choice where the document allows two readings. */
export interface LoadPlanOptions {
  /** pdfjs, as the front end loads it (the CLI from node_modules, the page from its own origin). */
  pdf?: PdfRuntime;
  /** The numbered level that carries the tasks: 2 `（一）`, 3 `1.`, 4 `（1）`. */
  taskLevel?: 2 | 3 | 4;
  /** For a task table: the column of each role, overriding the header recognition. */
  columns?: ColumnChoice;
}

export interface LoadedPlan extends Omit<PlanDocument, 'source'> {
  /** How the plan was read: an encoding name, `docx`, `pdf`, `doc` (an old Word/WPS file a front end had converted), or a table format. */
  source: PlanDocument['source'] | TableSource | 'pdf' | 'doc';
  /** The name shown in messages (what the user gave, or the bundled seed's file name). */
  displayName: string;
  errors: number;
  tasks: number;
}

export { taskCount };

export async function loadPlan(file: InputFile, options: LoadPlanOptions = {}): Promise<LoadedPlan> {
  const parse = options.taskLevel ? { taskLevel: options.taskLevel } : {};
  const table = readPlanTable(file.bytes, file.name, options.columns);
  const document =
    table ??
    (options.pdf && isPdf(file.bytes) ? await readPdfPlan(file.bytes, file.name, options.pdf, parse) : await readPlanDocument(file.bytes, file.name, parse));
  const issues = document.issues.map((item) => ({ ...item, where: { file: file.name, ...item.where } }));
  return {
    ...document,
    issues,
    displayName: file.name,
    errors: issues.filter((i) => i.severity === 'error').length,
    tasks: taskCount(document.plan),
  };
}
