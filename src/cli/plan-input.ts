/** Loads a plan for a command: the user's file, or the bundled seed when none is given. */
import * as path from 'node:path';
import { readPlanDocument, type PlanDocument } from '../docx/plan-document.js';
import { readInputFile, resolvePath } from './files.js';

/** The reference plan shipped in seeds/ (two levels up from both src/cli and lib/cli). */
export const BUNDLED_PLAN = path.join(__dirname, '..', '..', 'seeds', 'yizheng-2024-party-building-plan.txt');

export interface LoadedPlan extends PlanDocument {
  file: string;
  /** The name shown in messages: what the user typed, or the seed's file name. */
  displayName: string;
}

export async function loadPlan(cwd: string, given: string | undefined): Promise<LoadedPlan> {
  const file = given === undefined ? BUNDLED_PLAN : resolvePath(cwd, given);
  const displayName = given ?? path.basename(BUNDLED_PLAN);
  const document = await readPlanDocument(await readInputFile(file), displayName);
  // Issues from the parser know lines, not files: name the file so messages point at it.
  const issues = document.issues.map((item) => ({ ...item, where: { file: displayName, ...item.where } }));
  return { ...document, issues, file, displayName };
}
