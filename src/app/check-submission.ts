/**
 * Use case: check one submission. A school file's bytes are read by the safe
 * values-only reader; a workbook already in memory (the one open in Excel or
 * WPS, read by a host adapter) comes as a snapshot. Either way the same
 * extraction and the same rules judge it, so `taizhang validate`, the roll-up,
 * the page and the add-ins agree on every file. Never throws for a bad file:
 * a file that cannot be read or is not this plan's ledger comes back as
 * `refused` with its issue.
 */
import { extractLedger } from '../core/ledger/extract-ledger.js';
import type { Ledger } from '../core/ledger/ledger-types.js';
import { indexTemplate, type TemplateIndex } from '../core/ledger/template-index.js';
import type { Issue, Plan } from '../core/model.js';
import { validateLedger } from '../core/validate/validate-ledger.js';
import type { ValidationRules } from '../core/validate/rules.js';
import type { WorkbookSnapshot } from '../core/workbook/snapshot.js';
import { asOtherFile } from '../core/file-kinds.js';
import { readWorkbook, type ReadPlatform } from '../xlsx/read/index.js';
import { DEFAULT_LIMITS } from '../xlsx/read/types.js';
import type { InputFile } from './input-file.js';

/** The largest school file the reader takes: a front end that reads files itself refuses bigger ones before reading them. */
export const SUBMISSION_MAX_BYTES = DEFAULT_LIMITS.maxFileBytes;

export interface CheckOptions {
  asOf: string;
  rules?: ValidationRules;
  /** The platform's faster inflater, CRC-32 and Latin-1 view (see `ReadOptions`). */
  platform?: ReadPlatform;
}

/** `status` is the submission's state (kept in the roll-up), not a success flag: a refused file is a result too. */
export type SubmissionCheck =
  | { status: 'refused'; file: string; issue: Issue }
  | { status: 'checked'; file: string; ledger: Ledger; workbook: WorkbookSnapshot; issues: Issue[] };

/** One file against a plan: `taizhang validate` and the page's 校验 (a roll-up indexes the plan once, in `makeChecker`). */
export function checkAgainstPlan(plan: Plan, file: InputFile, options: CheckOptions): SubmissionCheck {
  return checkSubmission(file.bytes, file.name, indexTemplate(plan), options);
}

export function checkSubmission(bytes: Uint8Array, file: string, index: TemplateIndex, options: CheckOptions): SubmissionCheck {
  const read = readWorkbook(bytes, { fileName: file, ...options.platform });
  // A notice .docx or a roster .txt among the submissions is an "other file", not a school's failed submission.
  if (!read.ok) return { status: 'refused', file, issue: asOtherFile(read.issue, file) };
  return checkSnapshot(read.workbook, index, options, { file, readWarnings: read.warnings });
}

/**
 * A workbook snapshot against the plan. `file` names the source in every
 * issue, so a merged list from many files still says where each came from;
 * the open workbook in a host has none.
 */
export function checkSnapshot(
  workbook: WorkbookSnapshot,
  index: TemplateIndex,
  options: Omit<CheckOptions, 'platform'>,
  source: { file?: string; readWarnings?: readonly Issue[] } = {},
): SubmissionCheck {
  const file = source.file ?? '';
  const extracted = extractLedger(workbook, index, source.file);
  if (!extracted.ok) return { status: 'refused', file, issue: extracted.issue };
  const problems = validateLedger(extracted.ledger, index, {
    asOf: options.asOf,
    date1904: workbook.date1904,
    ...(options.rules ? { rules: options.rules } : {}),
  });
  const issues = [...(source.readWarnings ?? []), ...extracted.issues, ...problems];
  const named = source.file === undefined ? issues : issues.map((item) => ({ ...item, where: { file, ...item.where } }));
  return { status: 'checked', file, ledger: extracted.ledger, workbook, issues: named };
}
