import { compactLedger } from '../src/core/ledger/compact-ledger';
import { extractLedger } from '../src/core/ledger/extract-ledger';
import { readWorkbook } from '../src/xlsx/read/index';
import { fillLedger } from './helpers/fill-ledger';
import { seedIndex, seedPlan, withChanges } from './helpers/validate-fixture';

test('compacting drops the plan text a school left alone and keeps what it changed', async () => {
  const bytes = await fillLedger(seedPlan, withChanges({ tasks: { P1T2: { task: '自己改过的任务名称' } } }));
  const read = readWorkbook(bytes);
  if (!read.ok) throw new Error(read.issue.code);
  const extracted = extractLedger(read.workbook, seedIndex, 'a.xlsx');
  if (!extracted.ok) throw new Error(extracted.issue.code);
  const compact = compactLedger(extracted.ledger, seedIndex);
  const row = (id: string) => compact.rows.find((r) => r.kind === 'task' && r.taskId === id)!;
  expect(row('P1T1').cells.task).toBeUndefined();
  expect(row('P1T1').cells.requirement).toBeUndefined();
  expect(row('P1T2').cells.task?.text).toBe('自己改过的任务名称');
  // everything the school wrote is still there
  expect(row('P1T1').cells.owner).toEqual(extracted.ledger.rows.find((r) => r.taskId === 'P1T1')!.cells.owner);
  expect(compact.rows).toHaveLength(extracted.ledger.rows.length);
  expect(compact.rows.filter((r) => r.kind !== 'task')).toEqual(extracted.ledger.rows.filter((r) => r.kind !== 'task'));
});
