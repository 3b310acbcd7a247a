/**
 * Hand-built ledgers for the roll-up tests: a small two-pillar plan and a
 * helper that writes a school's rows the way extraction would hand them over,
 * without rendering or reading any workbook.
 */
import { issue } from '../src/core/issues';
import type { Ledger, LedgerCell, LedgerRow } from '../src/core/ledger/ledger-types';
import { indexTemplate } from '../src/core/ledger/template-index';
import type { Issue, Plan, Task } from '../src/core/model';
import type { SubmissionInput } from '../src/core/rollup/types';
import { columnLetter } from '../src/core/workbook/a1';
import { PILLAR_COLUMNS } from '../src/core/template/pillar-sheet';
import type { ColumnKey } from '../src/core/template/constants';

const task = (id: string, no: number, title: string): Task => ({ id, no, title, body: `${title}的具体要求。`, source: title, line: no });

export const plan: Plan = {
  title: '2024年党建工作要点',
  year: 2024,
  header: {},
  pillars: [
    { no: 1, numeral: '一', title: '加强政治建设', line: 1, groups: [], tasks: [task('P1T1', 1, '深化理论学习'), task('P1T2', 2, '落实意识形态责任制')] },
    {
      no: 2,
      numeral: '二',
      title: '夯实组织体系建设',
      line: 5,
      groups: [],
      tasks: [task('P2T3', 3, '规范支部建设'), task('P2T4', 4, '加强党员教育'), task('P2T5', 5, '做好发展党员')],
    },
  ],
};
export const index = indexTemplate(plan);
export const AS_OF = '2024-09-01';

const COLUMN = new Map(PILLAR_COLUMNS.map((c, i) => [c.key, i + 1]));

/** A value for one cell: text, or a real date cell. */
export type Value = string | { iso: string };
export type RowInput = Partial<Record<ColumnKey, Value>>;

function cell(sheet: string, address: string, value: Value): LedgerCell {
  if (typeof value === 'string') return { sheet, address, type: 'string', value, text: value.trim() };
  const serial = (Date.parse(value.iso) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return { sheet, address, type: 'date', value: serial, text: value.iso, iso: value.iso };
}

export interface LedgerInput {
  unit?: Value;
  reporter?: string;
  phone?: string;
  date?: Value;
  tasks?: Record<string, RowInput>;
  /** Rows inserted under a task, after its task row. */
  extras?: { under: string; values: RowInput }[];
  /** Rows that belong to no task, at the end of the first sheet. */
  orphans?: RowInput[];
}

/** A ledger with a task row for every plan task (filled or not), extras under their task, orphans last. */
export function ledger(input: LedgerInput): Ledger {
  const info: Ledger['info'] = {};
  const fields = [['unit', input.unit], ['reporter', input.reporter], ['phone', input.phone], ['date', input.date]] as const;
  fields.forEach(([key, value], i) => {
    if (value !== undefined && value !== '') info[key] = cell('填报说明', `B${3 + i}`, value);
  });
  const rows: LedgerRow[] = [];
  const sheets = plan.pillars.map((p, i) => ({ name: index.sheetNames[i]!, pillarNo: p.no, headerRow: 2, columns: Object.fromEntries(COLUMN) }));
  const makeRow = (kind: LedgerRow['kind'], sheet: string, row: number, values: RowInput, taskId?: string): LedgerRow => ({
    kind,
    ...(taskId ? { taskId } : {}),
    sheet,
    row,
    cells: Object.fromEntries(
      Object.entries({ ...values, ...(taskId && kind !== 'orphan' ? { taskId } : {}) }).map(([key, v]) => [
        key,
        cell(sheet, `${columnLetter(COLUMN.get(key as ColumnKey)!)}${row}`, v as Value),
      ]),
    ),
  });
  plan.pillars.forEach((p, i) => {
    const sheet = sheets[i]!.name;
    let row = 3;
    for (const t of p.tasks) {
      rows.push(makeRow('task', sheet, row++, { seq: String(t.no), task: t.title, ...(input.tasks?.[t.id] ?? {}) }, t.id));
      for (const extra of input.extras?.filter((e) => e.under === t.id) ?? []) rows.push(makeRow('extra', sheet, row++, extra.values, t.id));
    }
    if (i === 0) for (const orphan of input.orphans ?? []) rows.push(makeRow('orphan', sheet, row++, orphan));
  });
  return { templateId: index.templateId, templateVersion: 1, matchedBy: 'metadata', info, infoCells: {}, sheets, rows };
}

export function submitted(file: string, input: LedgerInput, options: { issues?: Issue[]; fileTime?: string } = {}): SubmissionInput {
  return {
    file,
    ...(options.fileTime ? { fileTime: options.fileTime } : {}),
    result: { status: 'checked', ledger: ledger(input), issues: options.issues ?? [] },
  };
}

export function refused(file: string, code: 'XLSX_READ_NOT_ZIP' | 'LEDGER_NOT_TEMPLATE' | 'LEDGER_OTHER_PLAN'): SubmissionInput {
  const params: Record<string, string> = code === 'LEDGER_OTHER_PLAN' ? { file, planTitle: '2023年工作要点' } : { file };
  return { file, result: { status: 'refused', issue: issue(code, 'error', { file }, params) } };
}

/** Deterministic shuffle (so a failure can be replayed). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Every task done, with a deadline in the past. */
export const ALL_DONE: Record<string, RowInput> = Object.fromEntries(
  plan.pillars.flatMap((p) => p.tasks).map((t) => [t.id, { measures: '召开专题会议', unit: '党建办', owner: '张三', deadline: '6月底前', progress: '已完成。', status: '已完成' }]),
);
