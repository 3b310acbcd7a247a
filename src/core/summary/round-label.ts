/**
 * A round's label: what the bureau calls this 汇总 (`2024年第三季度`), given with
 * `--round`; without one, the as-of date's year and month (`2024-09-30` →
 * `2024年9月`), which is how offices name a monthly 调度 anyway.
 */

export function defaultRoundLabel(asOf: string): string {
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(asOf);
  return match ? `${match[1]}年${Number(match[2])}月` : asOf;
}

/** The given label trimmed (blank means none), else the default from the date. */
export function roundLabel(given: string | undefined, asOf: string): string {
  const trimmed = given?.trim();
  return trimmed ? trimmed : defaultRoundLabel(asOf);
}
