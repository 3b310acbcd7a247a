/**
 * Names as printed on a terminal. A file name (or a school name typed into a
 * cell) may hold a newline, which would forge a line of the report, or an
 * escape sequence, which would recolour, clear or retitle the clerk's
 * terminal. Every name the CLI prints goes through `printable`, which shows
 * such characters as escapes (`\n`, `\x1b`, `\u202e`) instead.
 */
import type { Params } from '../core/issues.js';
import type { Issue } from '../core/model.js';

/** C0 controls, DEL, C1 controls, and the bidi controls that reorder what follows them on screen. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

export function printableParams(params: Params): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries(params)) out[key] = typeof value === 'string' ? printable(value) : value;
  return out;
}

/** The issue with every name in it (params and location) made printable, for the text report. */
export function printableIssue(item: Issue): Issue {
  const where = { ...item.where };
  if (where.file !== undefined) where.file = printable(where.file);
  if (where.sheet !== undefined) where.sheet = printable(where.sheet);
  return { ...item, where, params: printableParams(item.params) };
}
