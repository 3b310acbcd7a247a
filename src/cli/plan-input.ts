/** Loads a plan for a command: the user's file, or the bundled seed when none is given (the loading itself is app/load-plan.ts). */
import * as path from 'node:path';
import { loadPlan as loadPlanBytes, type LoadedPlan, type LoadPlanOptions } from '../app/load-plan.js';
import { readInputFile, resolvePath } from './files.js';
import { nodePdfRuntime } from './pdf-runtime.js';
import { loadConverting } from './plan-convert.js';

/** The reference plan shipped in seeds/ (two levels up from both src/cli and lib/cli). */
export const BUNDLED_PLAN = path.join(__dirname, '..', '..', 'seeds', 'yizheng-2024-party-building-plan.txt');

/** The plan and where it was read from (an output may never replace it). */
export interface CliLoadedPlan extends LoadedPlan {
  file: string;
}

/** Messages name the plan as the user typed it, or by the seed's file name. */
export async function loadPlan(cwd: string, given: string | undefined, options: Omit<LoadPlanOptions, 'pdf'> = {}): Promise<CliLoadedPlan> {
  const file = given === undefined ? BUNDLED_PLAN : resolvePath(cwd, given);
  const input = { name: given ?? path.basename(BUNDLED_PLAN), bytes: await readInputFile(file) };
  return { ...(await loadConverting((f) => loadPlanBytes(f, { ...options, pdf: nodePdfRuntime() }), input, file)), file };
}
