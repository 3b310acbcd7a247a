/**
 * Use case: load a plan (工作要点) from a named file's bytes — .txt in any
 * encoding Notepad writes, .docx, or .pdf when the front end hands over its
 * pdfjs (`readers.pdf`) — for every front end. The parser's
 * issues know lines, not files: here they are named after the file, so every
 * message points at it. A plan with errors is still returned: each front end
 * shows the issues and stops (`errors > 0`).
 */
import type { Plan } from '../core/model.js';
import { readPlanDocument, type PlanDocument } from '../docx/plan-document.js';
import { isPdf, readPdfPlan, type PdfRuntime } from '../pdf/plan-pdf.js';
import type { InputFile } from './input-file.js';

/** The platform pieces some formats need, given by the front end. */
export interface PlanReaders {
  pdf?: PdfRuntime;
}

export interface LoadedPlan extends Omit<PlanDocument, 'source'> {
  /** How the text was read: an encoding name, `docx`, `pdf`, or `doc` (an old Word/WPS file a front end had converted). */
  source: PlanDocument['source'] | 'pdf' | 'doc';
  /** The name shown in messages (what the user gave, or the bundled seed's file name). */
  displayName: string;
  errors: number;
  tasks: number;
}

export function taskCount(plan: Plan): number {
  return plan.pillars.reduce((sum, p) => sum + p.tasks.length, 0);
}

export async function loadPlan(file: InputFile, readers: PlanReaders = {}): Promise<LoadedPlan> {
  const document =
    readers.pdf && isPdf(file.bytes) ? await readPdfPlan(file.bytes, file.name, readers.pdf) : await readPlanDocument(file.bytes, file.name);
  const issues = document.issues.map((item) => ({ ...item, where: { file: file.name, ...item.where } }));
  return {
    ...document,
    issues,
    displayName: file.name,
    errors: issues.filter((i) => i.severity === 'error').length,
    tasks: taskCount(document.plan),
  };
}
