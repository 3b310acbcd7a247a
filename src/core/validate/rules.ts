/**
 * What the validator checks and how strictly, as data a bureau can write in
 * JSON. Every field has a default, so `ValidationRules.parse({})` is the
 * standard rule set and a partial file changes only what it names. Unknown
 * keys and unknown codes are refused, so a typo cannot silently do nothing.
 */
import { z } from 'zod';
import { IsoDate } from '../model.js';
import { STATUS_DONE, STATUS_VALUES } from '../template/constants.js';
import { FORMULA_PREFIXES } from '../workbook/formula-text.js';
import { VALIDATE_CODES } from './rule-codes.js';

export { VALIDATE_CODES, VALIDATE_DEFAULT_SEVERITY, type ValidateCode } from './rule-codes.js';

export const RuleSeverity = z.enum(['error', 'warning', 'info', 'off']);
export type RuleSeverity = z.infer<typeof RuleSeverity>;

export const ValidationRules = z.strictObject({
  /** Per-code severity; `off` switches a rule off. Codes not named keep their default. */
  severity: z.partialRecord(z.enum(VALIDATE_CODES), RuleSeverity).default({}),
  /** The 状态 values a row may hold (after trimming spaces). */
  statusValues: z.array(z.string().min(1)).min(1).default([...STATUS_VALUES]),
  /** The status that means "done": it needs 完成情况 and is never overdue. */
  doneStatus: z.string().min(1).default(STATUS_DONE),
  /**
   * Where a dated 完成时限 may fall. Defaults: from the plan's issue date
   * (else 1 January of the plan year) to 31 December of the plan year,
   * pushed `monthsAfterYearEnd` months later (work that runs into the next term).
   */
  deadlineWindow: z
    .strictObject({
      from: IsoDate.optional(),
      to: IsoDate.optional(),
      monthsAfterYearEnd: z.number().int().min(0).max(120).default(0),
    })
    .default({ monthsAfterYearEnd: 0 }),
  /**
   * Text that starts with one of these becomes a formula when pasted or
   * imported as CSV elsewhere. Tab and CR are checked on the raw text (they
   * are trimmed from what the clerk sees); the others after trimming.
   */
  formulaPrefixes: z.array(z.string().min(1)).default([...FORMULA_PREFIXES]),
  /** A cell holding only dashes (`-`, `--`, `—`) is the common way to write "none", not a formula. */
  allowDashOnly: z.boolean().default(true),
  /**
   * How the roll-up colours each task (红/黄/绿) and marks schools behind: a task not done and due within
   * `dueSoonDays` is 黄; one still 未开始 once `notStartedShare` of its time (from the plan's start, or of
   * its current period) has passed is 黄 (behind pace); the `lowestCount` lowest-ranked schools are marked.
   */
  pace: z
    .strictObject({
      dueSoonDays: z.number().int().min(0).max(366).default(15),
      notStartedShare: z.number().min(0).max(1).default(0.5),
      lowestCount: z.number().int().min(0).max(100).default(3),
    })
    .default({ dueSoonDays: 15, notStartedShare: 0.5, lowestCount: 3 }),
});
export type ValidationRules = z.infer<typeof ValidationRules>;
/** What a bureau may write: every field optional. */
/** The 红/黄/绿 rules. */
export type PaceRules = ValidationRules['pace'];
export type ValidationRulesInput = z.input<typeof ValidationRules>;
