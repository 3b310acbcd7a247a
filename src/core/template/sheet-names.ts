/**
 * Excel sheet names from pillar titles. Excel refuses names longer than 31
 * characters, containing `: \ / ? * [ ]`, starting or ending with `'`, equal
 * (case-insensitively) to another sheet, or named `History`.
 */
export const SHEET_NAME_MAX = 31;

/** Forbidden ASCII characters → the full-width forms a Chinese reader expects anyway. */
const REPLACEMENTS: Record<string, string> = {
  ':': '：',
  '\\': '＼',
  '/': '／',
  '?': '？',
  '*': '＊',
  '[': '【',
  ']': '】',
};

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** A valid name for one sheet, without regard to the others. `fallback` is used when nothing is left. */
export function cleanSheetName(raw: string, fallback: string): string {
  let name = raw
    .replace(/[:\\/?*[\]]/g, (ch) => REPLACEMENTS[ch] ?? '')
    .replace(/[\u0000-\u001f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  name = cut(name, SHEET_NAME_MAX).replace(/^'+|'+$/g, '').trim();
  return name.length > 0 ? name : fallback;
}

/**
 * A short tab name for a pillar: `一、` + its title up to the first comma
 * (`一、加强政治建设`). The full title heads the sheet in row 1, so the tab only
 * has to tell the pillars apart.
 */
export function pillarSheetBaseName(numeral: string, title: string): string {
  const head = title.replace(/^[，,；;。\s]+/, '').split(/[，,；;。]/)[0]?.trim() ?? '';
  return head ? cleanSheetName(`${numeral}、${head}`, `大项${numeral}`) : `大项${numeral}`;
}

/**
 * Makes each name unique (case-insensitively) against the ones before it and
 * against `reserved`, by appending `（2）`, `（3）`… and cutting to fit 31.
 */
export function uniqueSheetNames(names: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(['history', ...reserved.map((n) => n.toLowerCase())]);
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = `（${n}）`;
      candidate = cut(name, SHEET_NAME_MAX - suffix.length).replace(/'+$/, '') + suffix;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A sheet name as it must be written in a formula or defined name: always quoted, `'` doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
