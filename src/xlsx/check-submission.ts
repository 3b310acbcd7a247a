/**
 * One school file, start to finish: read the bytes safely, find the ledger in
 * them, validate it. Shared by `taizhang validate`, the roll-up and the
 * browser page, so all three judge a file the same way. Never throws for a
 * bad file: a file that cannot be read or is not this plan's ledger comes back
 * as `refused` with its issue.
 */
import { extractLedger } from '../core/ledger/extract-ledger.js';
import type { Ledger } from '../core/ledger/ledger-types.js';
import type { TemplateIndex } from '../core/ledger/template-index.js';
import type { Issue } from '../core/model.js';
import { validateLedger } from '../core/validate/validate-ledger.js';
import type { ValidationRules } from '../core/validate/rules.js';
import type { WorkbookSnapshot } from '../core/workbook/snapshot.js';
import { asOtherFile } from './read/file-kinds.js';
import { readWorkbook, type ReadPlatform } from './read/index.js';

export interface CheckOptions {
  asOf: string;
  rules?: ValidationRules;
  /** The platform's faster inflater, CRC-32 and Latin-1 view (see `ReadOptions`). */
  platform?: ReadPlatform;
}

export type SubmissionCheck =
  | { status: 'refused'; file: string; issue: Issue }
  | { status: 'checked'; file: string; ledger: Ledger; workbook: WorkbookSnapshot; issues: Issue[] };

export function checkSubmission(bytes: Uint8Array, file: string, index: TemplateIndex, options: CheckOptions): SubmissionCheck {
  const read = readWorkbook(bytes, { fileName: file, ...options.platform });
  // A notice .docx or a roster .txt among the submissions is an "other file", not a school's failed submission.
  if (!read.ok) return { status: 'refused', file, issue: asOtherFile(read.issue, file) };
  const extracted = extractLedger(read.workbook, index, file);
  if (!extracted.ok) return { status: 'refused', file, issue: extracted.issue };
  const problems = validateLedger(extracted.ledger, index, {
    asOf: options.asOf,
    date1904: read.workbook.date1904,
    ...(options.rules ? { rules: options.rules } : {}),
  });
  // Every issue names the file, so a merged list from many files still says where each came from.
  const issues = [...read.warnings, ...extracted.issues, ...problems].map((item) => ({ ...item, where: { file, ...item.where } }));
  return { status: 'checked', file, ledger: extracted.ledger, workbook: read.workbook, issues };
}
