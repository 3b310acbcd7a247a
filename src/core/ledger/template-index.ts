/**
 * What extraction needs to know about the plan's template, computed once per
 * plan (a roll-up reuses it for every school file).
 */
import type { Plan, Task } from '../model.js';
import { pillarSheetNames } from '../template/build-spec.js';
import { templateIdFor } from '../template/fingerprint.js';
import { PILLAR_COLUMNS } from '../template/pillar-sheet.js';
import type { ColumnKey } from '../template/constants.js';
import { matchKey } from './cell-text.js';

export interface IndexedTask {
  task: Task;
  pillarNo: number;
  /** Index of the pillar in the plan (sheet order). */
  pillarIndex: number;
}

export interface TemplateIndex {
  plan: Plan;
  templateId: string;
  /** Sheet names as generated, in pillar order. */
  sheetNames: string[];
  /** Header text (as a match key) → column key. */
  headers: Map<string, ColumnKey>;
  tasksById: Map<string, IndexedTask>;
  /** Title match key → tasks with that title (normally one). */
  tasksByTitle: Map<string, IndexedTask[]>;
}

/** Other header words schools use for the same column; matched after the template's own. */
const HEADER_SYNONYMS: Record<string, ColumnKey> = {
  编号: 'seq',
  序: 'seq',
  任务: 'task',
  重点任务: 'task',
  工作内容: 'requirement',
  主要举措: 'measures',
  工作举措: 'measures',
  推进举措: 'measures',
  责任部门: 'unit',
  责任科室: 'unit',
  牵头单位: 'unit',
  负责人: 'owner',
  时间节点: 'deadline',
  完成时间: 'deadline',
  时限: 'deadline',
  进展情况: 'progress',
  推进情况: 'progress',
  完成进度: 'progress',
  进度: 'status',
  完成状态: 'status',
};

export function indexTemplate(plan: Plan): TemplateIndex {
  const headers = new Map<string, ColumnKey>();
  for (const column of PILLAR_COLUMNS) headers.set(matchKey(column.header), column.key);
  for (const [header, key] of Object.entries(HEADER_SYNONYMS)) if (!headers.has(header)) headers.set(header, key);
  const tasksById = new Map<string, IndexedTask>();
  const tasksByTitle = new Map<string, IndexedTask[]>();
  plan.pillars.forEach((pillar, pillarIndex) => {
    for (const task of pillar.tasks) {
      const entry = { task, pillarNo: pillar.no, pillarIndex };
      tasksById.set(task.id, entry);
      const key = matchKey(task.title);
      tasksByTitle.set(key, [...(tasksByTitle.get(key) ?? []), entry]);
    }
  });
  return { plan, templateId: templateIdFor(plan), sheetNames: pillarSheetNames(plan), headers, tasksById, tasksByTitle };
}
