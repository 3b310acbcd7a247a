/** Small wording pieces of the 通报: percentages, name lists, dates, numbering, marked blanks. */
import type { BriefingSchool, Run } from './briefing-types.js';

/** 0.875 → `87.5%`, 1 → `100%`. */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** `甲、乙、丙`. */
export function nameList(names: readonly string[]): string {
  return names.join('、');
}

/** `2024-09-01` → `2024年9月1日` (GB/T 9704 dates use Arabic numerals without leading zeros). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (headings never run past 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

export function text(value: string): Run {
  return { text: value };
}

/** A place a person must write: `【请填写：…】`, styled apart so it is found and replaced before sending. */
export function fill(what: string): Run {
  return { text: `【请填写：${what}】`, fill: true };
}

/** Schools whose figures were read: the ones ranked and counted in rates. */
export function rated(schools: readonly BriefingSchool[]): BriefingSchool[] {
  return schools.filter((s) => (s.status === '已报送' || s.status === '重复报送') && (s.paceRate ?? s.rate) !== undefined);
}

/** 序时进度 when known, else the completion rate: what the ranking is by. */
export function paceOf(school: BriefingSchool): number {
  return school.paceRate ?? school.rate ?? 0;
}

/**
 * Each rated school's rank: the given one, or (when the caller gave none) by 序时进度,
 * highest first, ties sharing a rank (1, 1, 3).
 */
export function ranks(schools: readonly BriefingSchool[]): Map<BriefingSchool, number> {
  const list = rated(schools);
  const result = new Map<BriefingSchool, number>();
  if (list.every((s) => s.rank !== undefined)) {
    for (const s of list) result.set(s, s.rank!);
    return result;
  }
  const sorted = [...list].sort((a, b) => paceOf(b) - paceOf(a));
  sorted.forEach((s, i) => {
    const previous = sorted[i - 1];
    result.set(s, previous && paceOf(previous) === paceOf(s) ? result.get(previous)! : i + 1);
  });
  return result;
}

/** Rated schools in rank order (best first; equal ranks keep the caller's order). */
export function byRank(schools: readonly BriefingSchool[]): BriefingSchool[] {
  const rank = ranks(schools);
  return [...rank.keys()].sort((a, b) => rank.get(a)! - rank.get(b)!);
}
