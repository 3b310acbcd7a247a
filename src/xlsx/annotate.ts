/**
 * The annotated copy a clerk gets back from 校验: the school's own workbook
 * with every problem cell coloured and commented, and a 校验结果 sheet in front
 * listing every problem with a link to its cell. The input bytes are not
 * changed; a new file is returned.
 *
 * The copy is the school's package patched in place (./patch/marked-copy.ts):
 * only the marked cells change style, and everything else (print setup
 * included) stays as the school's program wrote it. No spreadsheet library
 * loads the file, so no part is inflated past the reader's limits; a part
 * that fails them is refused with a coded Chinese message (TaizhangError
 * XLSX_ANNOTATE_REFUSED). When the package is built in a way the patcher
 * cannot follow (or trips it up), the copy carries only the 校验结果 sheet
 * (`marked: false`).
 */
import { TaizhangError } from '../core/issues.js';
import type { Issue } from '../core/model.js';
import { validationSheet } from '../core/report/validation-sheet.js';
import { STYLES } from '../core/template/styles.js';
import type { WorkbookSnapshot } from '../core/workbook/snapshot.js';
import { markedCopy } from './patch/marked-copy.js';
import { writeWorkbook } from './write/index.js';

export interface AnnotateInput {
  file: string;
  /** The day the check judged deadlines by (its as-of date), named in the 校验结果 title so the copy says which day it speaks for. */
  checkedAt: string;
  workbook: WorkbookSnapshot;
  issues: Issue[];
}

export interface Annotated {
  bytes: Uint8Array;
  /** False when the school's sheets could not be marked and only the 校验结果 sheet was written. */
  marked: boolean;
}

/** A workbook of the 校验结果 sheet alone. */
async function reportOnly(input: AnnotateInput): Promise<Uint8Array> {
  const sheet = validationSheet(input.issues, input.file, input.checkedAt);
  return writeWorkbook({
    templateId: '',
    templateVersion: 0,
    title: sheet.name,
    sheets: [sheet],
    styles: STYLES,
    definedNames: [],
    lockStructure: false,
  });
}

export async function annotateWorkbook(original: Uint8Array, input: AnnotateInput): Promise<Annotated> {
  let copy: Uint8Array | undefined;
  try {
    copy = await markedCopy(original, input);
  } catch (error) {
    // A refusal (coded, in Chinese) is the clerk's to read; anything else a file's oddity set off gets the plain copy.
    if (error instanceof TaizhangError) throw error;
    copy = undefined;
  }
  return copy ? { bytes: copy, marked: true } : { bytes: await reportOnly(input), marked: false };
}
