/**
 * Use case: 校验当前工作簿 in a host (Excel today, WPS next). The host adapter
 * reads the open workbook into a snapshot — its only job — and this checks it
 * like any file. The reader comes in as a function, so app never imports a
 * host adapter and every host shares this step.
 */
import { indexTemplate } from '../core/ledger/template-index.js';
import type { Ledger } from '../core/ledger/ledger-types.js';
import type { Issue, Plan } from '../core/model.js';
import type { ValidationRules } from '../core/validate/rules.js';
import type { WorkbookSnapshot } from '../core/workbook/snapshot.js';
import { checkSnapshot } from './check-submission.js';

/**
 * What a host adapter's reader returns: the snapshot, or its own failure
 * (kept as it is), and the round trips made. `issues`: what the host could
 * not read (a sheet too large, merged cells it would not list), each for its
 * sheet; they are reported with the check's own issues.
 */
export type HostRead<Failure> = { ok: true; snapshot: WorkbookSnapshot; issues?: Issue[]; syncs: number } | { ok: false; error: Failure; syncs: number };

export type OpenWorkbookCheck<Failure> =
  | { ok: true; status: 'checked'; ledger: Ledger; snapshot: WorkbookSnapshot; issues: Issue[]; syncs: number }
  /** The open workbook is not this plan's ledger: `issue` says why. */
  | { ok: true; status: 'refused'; issue: Issue; syncs: number }
  | { ok: false; error: Failure; syncs: number };

/**
 * `read` gets the pillar sheet names the plan's template gives, so a host can
 * read the ledger's sheets only (by those names, as well as by the workbook's
 * names and metadata) and leave the user's own sheets alone.
 */
export async function checkOpenWorkbook<Failure>(
  read: (templateSheets: readonly string[]) => Promise<HostRead<Failure>>,
  plan: Plan,
  options: { asOf: string; rules?: ValidationRules },
): Promise<OpenWorkbookCheck<Failure>> {
  const index = indexTemplate(plan);
  const got = await read(index.sheetNames);
  if (!got.ok) return got;
  const checked = checkSnapshot(got.snapshot, index, options, { readWarnings: got.issues ?? [] });
  if (checked.status === 'refused') return { ok: true, status: 'refused', issue: checked.issue, syncs: got.syncs };
  return { ok: true, status: 'checked', ledger: checked.ledger, snapshot: got.snapshot, issues: checked.issues, syncs: got.syncs };
}
