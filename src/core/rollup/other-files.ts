/**
 * Entries found among the submissions that are not submissions: a notice
 * (.docx), a roster (.txt), a 说明.pdf, or what could not be opened at all (a
 * pipe, a broken link, a folder without permission). They are listed apart
 * (其他文件，未读取) with their reason and never counted as schools; the
 * accounting still covers them: found = read + refused + other.
 *
 * Also here: a school name that is nothing but U+FFFD (a file name or a
 * 填报单位 whose bytes were not valid text) gets a warning, since every such
 * school would otherwise look alike and merge.
 */
import { issue } from '../issues.js';
import type { Issue, Severity } from '../model.js';
import { schoolFromFileName } from './school-names.js';
import type { SubmissionHead } from './submission-source.js';
import type { SubmissionInput } from './types.js';

/** Codes of entries that are listed apart, with their severity in a roll-up (a notice in the folder is normal). */
const OTHER_SEVERITY: Readonly<Record<string, Severity>> = {
  XLSX_READ_OTHER_FILE: 'info',
  CLI_INPUT_SKIPPED: 'info',
  CLI_FOLDER_SEEN: 'info',
  CLI_SAME_FILE: 'info',
  CLI_NOT_A_FILE: 'error',
  CLI_LINK_BROKEN: 'error',
  CLI_FOLDER_UNREADABLE: 'error',
  CLI_ENTRY_UNREADABLE: 'error',
};

export interface OtherEntry {
  file: string;
  issue: Issue;
}

export interface PreparedInputs {
  /** Indexes of the files that are submissions (read or refused). */
  inputs: number[];
  others: OtherEntry[];
}

export function isOtherEntry(head: SubmissionHead): boolean {
  return head.refusal !== undefined && Object.prototype.hasOwnProperty.call(OTHER_SEVERITY, head.refusal.code);
}

/** Splits the other entries off (sorted by name); `flagGarbledName` is for the rest, once loaded. */
export function prepareInputs(heads: readonly SubmissionHead[]): PreparedInputs {
  const inputs: number[] = [];
  const others: OtherEntry[] = [];
  heads.forEach((head, i) => {
    if (head.refusal && isOtherEntry(head)) {
      const found = head.refusal;
      others.push({ file: head.file, issue: { ...found, severity: OTHER_SEVERITY[found.code]! } });
    } else {
      inputs.push(i);
    }
  });
  others.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { inputs, others };
}

const GARBLED = /^[\ufffd\s\u3000?？_\-.()（）]*\ufffd[\ufffd\s\u3000?？_\-.()（）]*$/;

export function flagGarbledName(input: SubmissionInput): SubmissionInput {
  if (input.result.status !== 'checked') return input;
  const unit = input.result.ledger.info.unit?.text?.trim() ?? '';
  const name = unit || schoolFromFileName(input.file);
  if (!GARBLED.test(name)) return input;
  const warning = issue('ROLLUP_SCHOOL_NAME_GARBLED', 'warning', { file: input.file }, { file: input.file, name });
  // No spread: a file's issue list is as long as the file makes it.
  const issues = input.result.issues.slice();
  issues.unshift(warning);
  return { ...input, result: { ...input.result, issues } };
}
