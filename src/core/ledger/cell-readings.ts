/**
 * What a school's cell says as a status or as a deadline, read the same way by
 * the validator and by the roll-up (one reading, so the two never disagree on
 * what a school wrote).
 */
import { readDeadline, type Deadline, type DeadlineContext } from '../deadline/index.js';
import { detached } from '../detached.js';
import { memoizeText } from '../memo.js';
import type { LedgerCell } from './ledger-types.js';

/** Spaces anywhere and full-width forms do not make a status different: `已 完成` is `已完成`. Memoised: schools write the same few. */
export const statusKey: (text: string) => string = memoizeText((text) => detached(text.normalize('NFKC').replace(/[\s\u3000]+/g, '')));

/** A 完成时限 cell as a deadline: dates as dates, numbers as serials, text through the deadline reader. */
export function readCellDeadline(cell: LedgerCell | undefined, ctx: DeadlineContext): Deadline {
  if (!cell) return { kind: 'empty' };
  if (cell.type === 'date' && cell.iso) return readDeadline(cell.iso, ctx);
  if (typeof cell.value === 'number') return readDeadline(cell.value, ctx);
  if (cell.type === 'string') return readDeadline(cell.text, ctx);
  return { kind: 'unknown', text: cell.text }; // booleans and #N/A-style errors
}
