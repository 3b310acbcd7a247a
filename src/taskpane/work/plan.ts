/**
 * The plan every action of the page starts from: the bundled seed (the CLI's
 * default) or a .txt/.docx/.pdf the user picked, loaded by the same use case as
 * the CLI's (app/load-plan.ts).
 */
import type { InputFile } from '../../app/input-file.js';
import { loadPlan, type LoadedPlan } from '../../app/load-plan.js';
import type { ColumnChoice } from '../../core/plan/table/index.js';
import seedText from '../../../seeds/yizheng-2024-party-building-plan.txt';
import { pagePdfRuntime } from '../pdf-runtime.js';

export const SEED_FILE_NAME = 'yizheng-2024-party-building-plan.txt';

/** A file the user picked, as bytes: the page never touches paths. */
export type PickedFile = InputFile;

export type { LoadedPlan };

/** The clerk's choice where the plan allows two readings (the page's 任务在哪一级). */
export interface PlanReadingChoice {
  taskLevel?: 2 | 3 | 4;
  /** For a task table: the column of each role (任务分解表的列). */
  columns?: ColumnChoice;
}

export function loadPagePlan(picked: PickedFile | undefined, reading: PlanReadingChoice = {}): Promise<LoadedPlan> {
  return loadPlan(picked ?? { name: SEED_FILE_NAME, bytes: new TextEncoder().encode(seedText) }, { pdf: pagePdfRuntime, ...reading });
}
