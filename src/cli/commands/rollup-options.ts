/** The options of `taizhang rollup`, read before anything heavy loads (see rollup.ts). */
import * as os from 'node:os';
import { TaizhangError } from '../../core/issues.js';
import { parseCommandArgs } from '../args.js';
import { PLAN_READING_OPTIONS } from '../plan-options.js';

export function jobsOption(given: string | undefined): number {
  if (given === undefined) return Math.max(1, Math.min(os.availableParallelism(), 8));
  const jobs = Number(given);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new TaizhangError('FAULT_USAGE', { detail: `--jobs 应为 1 到 64 之间的整数，而不是“${given}”` });
  return jobs;
}

/** `--sort roster` (the default) or `--sort rate`: the order of schools in 汇总. */
export function sortOption(given: string | undefined): 'roster' | 'rate' {
  if (given === undefined || given === 'roster') return 'roster';
  if (given === 'rate') return 'rate';
  throw new TaizhangError('FAULT_USAGE', { detail: `--sort 应为 roster（按名单顺序）或 rate（按完成率排名），而不是“${given}”` });
}

export function parseRollupArgs(args: string[]) {
  return parseCommandArgs(
    args,
    {
      output: { type: 'string', short: 'o' },
      roster: { type: 'string' },
      plan: { type: 'string' },
      'as-of': { type: 'string' },
      rules: { type: 'string' },
      jobs: { type: 'string' },
      json: { type: 'boolean' },
      sort: { type: 'string' },
      report: { type: 'string' },
      round: { type: 'string' },
      previous: { type: 'string' },
      feedback: { type: 'string' },
      'resubmit-by': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...PLAN_READING_OPTIONS,
    },
    Number.MAX_SAFE_INTEGER,
  );
}

export type RollupValues = ReturnType<typeof parseRollupArgs>['values'];
