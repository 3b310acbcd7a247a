/** Today's date on this computer's clock, as `YYYY-MM-DD` (local time: a clerk in Beijing means Beijing's today). */
export function localToday(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
