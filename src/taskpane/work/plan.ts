/**
 * The plan every action starts from: the bundled seed (the CLI's default) or
 * a .txt/.docx the user picked, read by the same reader as the CLI. Parser
 * issues are named after the file, exactly as `loadPlan` in the CLI does.
 */
import { readPlanDocument, type PlanDocument } from '../../docx/plan-document.js';
import seedText from '../../../seeds/yizheng-2024-party-building-plan.txt';

export { safeFileName } from '../../core/file-names.js';

export const SEED_FILE_NAME = 'yizheng-2024-party-building-plan.txt';

/** A file the user picked, as bytes: the page never touches paths. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
  /** File.lastModified, ms since epoch. */
  lastModified?: number;
}

export interface LoadedPlan extends PlanDocument {
  displayName: string;
  errors: number;
}

export async function loadPlan(picked: PickedFile | undefined): Promise<LoadedPlan> {
  const displayName = picked?.name ?? SEED_FILE_NAME;
  const bytes = picked?.bytes ?? new TextEncoder().encode(seedText);
  const document = await readPlanDocument(bytes, displayName);
  const issues = document.issues.map((item) => ({ ...item, where: { file: displayName, ...item.where } }));
  return { ...document, issues, displayName, errors: issues.filter((i) => i.severity === 'error').length };
}

export function taskCount(document: PlanDocument): number {
  return document.plan.pillars.reduce((sum, p) => sum + p.tasks.length, 0);
}
