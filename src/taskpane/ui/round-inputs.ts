/**
 * 汇总's 本期名称 and 重新报送截止日期: the name's placeholder shows the label a
 * blank name gets (from the as-of date, as the CLI's default), and the date
 * picker starts at the as-of date; both follow the date as it changes. Neither
 * is remembered: each round has its own name and deadline.
 */
import { defaultRoundLabel } from '../../core/summary/round-label.js';
import { byId } from './dom.js';

export function wireRoundInputs(): void {
  const asOf = byId<HTMLInputElement>('as-of');
  const round = byId<HTMLInputElement>('rollup-round');
  const resubmitBy = byId<HTMLInputElement>('rollup-resubmit-by');
  const update = (): void => {
    const date = asOf.value || asOf.defaultValue;
    round.placeholder = `不填则为“${defaultRoundLabel(date)}”`;
    resubmitBy.min = date;
  };
  for (const type of ['input', 'change']) asOf.addEventListener(type, update);
  update();
}
