/** Date steps for the demo's rounds and report dates, on `YYYY-MM-DD` strings (UTC, so no time zone shifts a day). */

const iso = (date: Date): string => date.toISOString().slice(0, 10);

export function daysBefore(asOf: string, days: number): string {
  const date = new Date(`${asOf}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return iso(date);
}

/** The same day `months` months earlier, or that month's last day when it has fewer days (05-31 → 02-29). */
export function monthsBefore(asOf: string, months: number): string {
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return iso(first);
}
