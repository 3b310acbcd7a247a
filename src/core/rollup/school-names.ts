/**
 * School identity: a school is known by its 填报单位 (or, failing that, its
 * file name), compared in a normalised form so `仪征市 实验小学`,
 * `仪征市　实验小学` and full-width variants are the same school.
 */
import { maxOf } from '../arrays.js';
import type { RosterMatch } from './types.js';

/** NFKC folds full-width letters, digits and brackets; every kind of space is removed. */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

/**
 * Name order for lists: code points, except that runs of digits compare as
 * numbers (第2中学 before 第10中学). No locale, so every machine sorts alike.
 */
export function compareNames(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const nx = x.replace(/^0+/, '');
      const ny = y.replace(/^0+/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (pa.length !== pb.length) return pa.length - pb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

const SEP = '[\\s_\\-—–.·、,，]';
const TRAILING = [
  new RegExp(`${SEP}+$`),
  // A trailing bracket group: （已填）, (2), 【修改】 (NFKC has already folded full-width brackets).
  /[([【][^()[\]【】]*[)\]】]$/,
  // Dates: 2024-06-30, 2024年6月30日, 20240630, 6.30, 2024年.
  /\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?$/,
  /\d{8}$/,
  /\d{1,2}[.月]\d{1,2}日?$/,
  /\d{4}年?$/,
  /(工作台账|台账|填报表|填报|报送|汇总表|最终版|终稿|修改版|定稿|副本|已填|final|new|v\d+)$/i,
];
const LEADING = [
  new RegExp(`^${SEP}+`),
  /^[([【][^()[\]【】]*[)\]】]/,
  /^\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?/,
  /^\d{8}/,
  /^\d{4}年?/,
  /^(工作台账|台账|副本)/,
];

/** Names that say nothing about the school: many schools send a file called 台账.xlsx. */
const GENERIC = /^(工作台账|台账|填报|报送|汇总表?|副本|新建.*|工作簿\d*|book\d*|sheet\d*|\d+)$/i;

/**
 * `学校/仪征市实验小学-台账（已填）2024-06-30.xlsx` → `仪征市实验小学`. When the
 * file's own name is generic (`台账.xlsx`), the nearest folder that is not
 * names the school (`实验小学/台账.xlsx` → `实验小学`); else the bare stem.
 */
export function schoolFromFileName(file: string): string {
  const parts = file.split(/[\\/]/).filter(Boolean);
  const base = parts.pop() ?? file;
  const own = schoolFromName(base.replace(/\.[A-Za-z0-9]{1,5}$/, ''));
  if (!GENERIC.test(own)) return own;
  for (const folder of parts.reverse()) {
    const name = schoolFromName(folder);
    if (!GENERIC.test(name) && !/:$/.test(name)) return name;
  }
  return own;
}

function schoolFromName(raw: string): string {
  const stem = raw.normalize('NFKC').trim();
  let name = stem;
  for (let changed = true; changed; ) {
    changed = false;
    for (const pattern of [...TRAILING, ...LEADING]) {
      const next = name.replace(pattern, '').trim();
      if (next !== name && next !== '') {
        name = next;
        changed = true;
      }
    }
  }
  return name || stem || raw;
}

/**
 * A roster: one school per line. Blank lines, a BOM, `#` comments and
 * numbering (`1.`, `1、`, `(1)`, `1)`, a number and a tab) are ignored;
 * repeats (after normalising) are kept once.
 */
export function parseRoster(text: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const raw of text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)) {
    const name = raw
      .replace(/[#＃].*$/, '')
      .replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '')
      .replace(/^(?:[(（]\d+[)）]|\d+\s*[.、．)）:：]|\d+\t)[\s\u3000]*/, '')
      .trim();
    const key = normaliseName(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

export interface RosterEntry {
  name: string;
  key: string;
}

export function rosterEntries(roster: readonly string[]): RosterEntry[] {
  const seen = new Set<string>();
  const entries: RosterEntry[] = [];
  for (const name of roster) {
    const key = normaliseName(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    entries.push({ name: name.trim(), key });
  }
  return entries;
}

/**
 * The roster entry a name stands for: the same normalised name, or else the
 * one entry whose name contains it or is contained in it (`实验小学` for
 * `仪征市实验小学`), the longest when several are contained. Two equally good
 * candidates match neither: a wrong match would hide a school that is missing.
 */
export function matchRoster(key: string, roster: readonly RosterEntry[]): { entry: RosterEntry; how: RosterMatch } | undefined {
  if (!key) return undefined;
  const exact = roster.find((e) => e.key === key);
  if (exact) return { entry: exact, how: 'listed' };
  const inside = roster.filter((e) => e.key.length >= 2 && key.includes(e.key));
  if (inside.length > 0) {
    const longest = maxOf(inside.map((e) => e.key.length), 0);
    const best = inside.filter((e) => e.key.length === longest);
    return best.length === 1 ? { entry: best[0]!, how: 'similar' } : undefined;
  }
  const around = key.length >= 2 ? roster.filter((e) => e.key.includes(key)) : [];
  return around.length === 1 ? { entry: around[0]!, how: 'similar' } : undefined;
}
