/** Options that several commands share: which plan and how to read it, which day counts as today, which rules. */
import type { LoadPlanOptions } from '../app/load-plan.js';
import { TaizhangError } from '../core/issues.js';
import { isoDate, isoFromLocalDate } from '../core/calendar.js';
import { parseColumnChoice } from '../core/plan/table/roles.js';
import type { ValidationRules } from '../core/validate/rules.js';
import type { ParsedArgs } from './args.js';
import { readInputFile, resolvePath } from './files.js';

/** `--task-level` and `--columns`: the clerk's choice where a plan allows two readings; every command that reads a plan takes them. */
export const PLAN_READING_OPTIONS = { 'task-level': { type: 'string' }, columns: { type: 'string' } } as const;

export const PLAN_READING_HELP = `  --task-level <级>   任务所在的编号层级：2 即“（一）”，3 即“1.”，4 即“（1）”（默认自动选择，parse 会说明选了哪一级）
  --columns <列=列号>  任务表各列的用途，如 --columns 责任单位=E,完成时限=F（列名：序号、类别、工作任务、工作内容、
                       责任单位、配合单位、责任人、完成时限；“=无”表示没有这一列）
`;

const LEVELS: Record<string, 2 | 3 | 4> = { '2': 2, '3': 3, '4': 4, '（一）': 2, '(一)': 2, '一': 2, '1.': 3, '1': 3, '（1）': 4, '(1)': 4 };

export function planReadingOptions(values: ParsedArgs['values']): LoadPlanOptions {
  const options: LoadPlanOptions = {};
  const level = values['task-level'];
  if (typeof level === 'string') {
    const taskLevel = LEVELS[level.trim()];
    if (!taskLevel) throw new TaizhangError('FAULT_USAGE', { detail: `--task-level 应为 2、3 或 4（即“（一）”“1.”“（1）”），而不是“${level}”` });
    options.taskLevel = taskLevel;
  }
  const columns = values.columns;
  if (typeof columns === 'string') {
    const read = parseColumnChoice(columns);
    if ('error' in read) throw new TaizhangError('FAULT_USAGE', { detail: `--columns：${read.error}` });
    options.columns = read.choice;
  }
  return options;
}

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
