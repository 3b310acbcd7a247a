/** The pane's inputs read from the page: the plan source, unit, as-of date and the picked files (one loop for every mode). */
import { TaizhangError } from '../core/issues.js';
import { parseColumnChoice } from '../core/plan/table/roles.js';
import type { PlanReadingChoice } from './work/plan.js';
import type { PaneInputs } from './pane-inputs.js';
import { byId, readPicked, showProgress } from './ui/dom.js';

const firstFile = (id: string): File | undefined => byId<HTMLInputElement>(id).files?.[0] ?? undefined;

async function pickedPlan(action: string) {
  const useFile = byId<HTMLInputElement>('plan-source-file').checked;
  const file = useFile ? firstFile('plan-file') : undefined;
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
  asOf: () => byId<HTMLInputElement>('as-of').value || byId<HTMLInputElement>('as-of').defaultValue,
  async submission() {
    const picked = firstFile('validate-file');
    if (!picked) throw new TaizhangError('FAULT_NO_FILE_CHOSEN', { what: '要校验的台账文件（.xlsx）', action: '校验' });
    return readPicked(picked);
  },
  async schoolFiles() {
    const chosen = [...(byId<HTMLInputElement>('rollup-files').files ?? [])];
    if (chosen.length === 0) throw new TaizhangError('FAULT_NO_FILE_CHOSEN', { what: '各学校报送的台账文件（.xlsx，可多选）', action: '汇总' });
    const files = [];
    for (const [i, file] of chosen.entries()) {
      showProgress(`正在读取文件 ${i + 1}/${chosen.length}：${file.name}`, i, chosen.length);
      files.push(await readPicked(file));
    }
    return files;
  },
  async roster() {
    const file = firstFile('rollup-roster');
    return file ? readPicked(file) : undefined;
  },
  async previous() {
    const file = firstFile('rollup-previous');
    return file ? readPicked(file) : undefined;
  },
};
