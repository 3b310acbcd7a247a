/**
 * The resubmit deadline a front end was given (the page's 重新报送截止日期), as
 * the feedback use case takes it: `YYYY-MM-DD` (slashes allowed), blank meaning
 * none (the messages then say 请尽快). A date before the as-of date is refused:
 * it would tell schools to resubmit by a day already past.
 */
import { compareIso, isoDate } from '../core/calendar.js';
import { TaizhangError } from '../core/issues.js';
import { chineseDate } from '../core/report/briefing-words.js';

export function resubmitDeadline(given: string | undefined, asOf: string): string | undefined {
  const text = given?.trim().replace(/\//g, '-');
  if (!text) return undefined;
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const iso = match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
  if (!iso) throw new TaizhangError('FAULT_RESUBMIT_INVALID', { given: text });
  if (compareIso(iso, asOf) < 0) throw new TaizhangError('FAULT_RESUBMIT_BEFORE_AS_OF', { resubmitBy: chineseDate(iso), asOf: chineseDate(asOf) });
  return iso;
}
