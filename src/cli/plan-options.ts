/** Options that several commands share: which plan, which day counts as today, which rules. */
import { TaizhangError } from '../core/issues.js';
import { isoDate, isoFromLocalDate } from '../core/calendar.js';
import type { ValidationRules } from '../core/validate/rules.js';
import { readInputFile, resolvePath } from './files.js';

export function asOfOption(given: string | undefined): string {
  if (given === undefined) return isoFromLocalDate(new Date());
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(given.trim());
  const iso = match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
  if (!iso) throw new TaizhangError('FAULT_USAGE', { detail: `--as-of 的日期“${given}”无效，请写成 2024-09-01 的形式` });
  return iso;
}

export async function rulesOption(cwd: string, given: string | undefined): Promise<ValidationRules | undefined> {
  if (given === undefined) return undefined;
  const file = resolvePath(cwd, given);
  const text = new TextDecoder().decode(await readInputFile(file));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TaizhangError('FAULT_RULES_INVALID', { file: given, detail: `不是有效的 JSON：${(error as Error).message}` });
  }
  // The schema (and zod with it, ~50 ms of loading) only when a rules file is given.
  const { ValidationRules: schema } = require('../core/validate/rules.js') as typeof import('../core/validate/rules.js');
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const detail = first ? `“${first.path.join('.') || '(根)'}”：${first.message}` : parsed.error.message;
    throw new TaizhangError('FAULT_RULES_INVALID', { file: given, detail });
  }
  return parsed.data;
}
