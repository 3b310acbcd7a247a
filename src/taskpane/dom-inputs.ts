/** The pane's inputs read from the page: the plan source, unit, as-of date and the picked files (one loop for every mode). */
import { TaizhangError } from '../core/issues.js';
import { parseColumnChoice } from '../core/plan/table/roles.js';
import type { PlanReadingChoice } from './work/plan.js';
import type { PaneInputs } from './pane-inputs.js';
import { byId, readPicked, showProgress } from './ui/dom.js';
import { pickedInbox } from './ui/inbox.js';
import { rememberedPlan } from './ui/remember.js';

const firstFile = (id: string): File | undefined => byId<HTMLInputElement>(id).files?.[0] ?? undefined;

async function pickedPlan(action: string) {
  const useFile = byId<HTMLInputElement>('plan-source-file').checked;
  const file = useFile ? firstFile('plan-file') : undefined;
  const kept = useFile && !file ? rememberedPlan() : undefined;
  if (kept) return kept;
  if (useFile && !file) throw new TaizhangError('FAULT_NO_FILE_CHOSEN', { what: '工作要点文件（.txt、.docx、.pdf 或任务分解表）', action });
  return file ? readPicked(file) : undefined;
}

export const domInputs: PaneInputs = {
  plan: pickedPlan,
  reading: () => {
    const choice: PlanReadingChoice = {};
    const level = Number(byId<HTMLSelectElement>('task-level').value);
    if (level === 2 || level === 3 || level === 4) choice.taskLevel = level;
    const columns = byId<HTMLInputElement>('plan-columns').value.trim();
    if (columns) {
      const read = parseColumnChoice(columns);
      if ('error' in read) throw new TaizhangError('FAULT_COLUMNS_INVALID', { detail: read.error });
      choice.columns = read.choice;
    }
    return choice;
  },
  unit: () => byId<HTMLInputElement>('unit').value,
  async previousLedger() {
    const file = firstFile('previous-ledger');
    return file ? readPicked(file) : undefined;
  },
  asOf: () => byId<HTMLInputElement>('as-of').value || byId<HTMLInputElement>('as-of').defaultValue,
  async submission() {
    const picked = firstFile('validate-file');
    if (!picked) throw new TaizhangError('FAULT_NO_FILE_CHOSEN', { what: '要校验的台账文件（.xlsx）', action: '校验' });
    return readPicked(picked);
  },
  async schoolFiles() {
    const chosen = pickedInbox()?.files ?? [];
    if (chosen.length === 0) throw new TaizhangError('FAULT_NO_FILE_CHOSEN', { what: '各学校报送的台账文件（.xlsx，可多选，或整个文件夹）', action: '汇总' });
    const files = [];
    for (const [i, { file, path }] of chosen.entries()) {
      showProgress(`正在读取文件 ${i + 1}/${chosen.length}：${path}`, i, chosen.length);
      // Named by its path below the folder given: a 台账.xlsx is known by its school's folder.
      files.push({ ...(await readPicked(file)), name: path });
    }
    return files;
  },
  async roster() {
    const file = firstFile('rollup-roster');
    return file ? readPicked(file) : undefined;
  },
  roundLabel: () => byId<HTMLInputElement>('rollup-round').value,
  resubmitBy: () => byId<HTMLInputElement>('rollup-resubmit-by').value,
  async previousSummary() {
    const file = firstFile('rollup-previous');
    return file ? readPicked(file) : undefined;
  },
};
