/**
 * A correctly filled ledger of the seed plan gives no issue at all — every
 * deadline form, dates as text, date cells and serials, every status.
 */
import { fillLedger } from './helpers/fill-ledger';
import { brief, goodFill, seedPlan, validateBytes, SHEET } from './helpers/validate-fixture';
import { readWorkbook } from '../src/xlsx/read/index';
import { extractLedger } from '../src/core/ledger/extract-ledger';
import { seedIndex } from './helpers/validate-fixture';

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await fillLedger(seedPlan, goodFill());
});

test('the seed plan filled in correctly gives zero issues', () => {
  const { issues, extractIssues } = validateBytes(bytes);
  expect(brief(issues)).toEqual([]);
  expect(extractIssues).toEqual([]);
});

test('the fill really holds what the rules look at (so zero issues is not an empty ledger)', () => {
  const read = readWorkbook(bytes);
  if (!read.ok) throw new Error(read.issue.code);
  const result = extractLedger(read.workbook, seedIndex);
  if (!result.ok) throw new Error(result.issue.code);
  const { ledger } = result;
  expect(ledger.rows.filter((r) => r.kind === 'task').map((r) => r.taskId)).toHaveLength(14);
  expect(ledger.rows.filter((r) => r.kind === 'extra')).toHaveLength(9);
  const cell = (taskId: string, key: 'deadline' | 'status' | 'progress') => ledger.rows.find((r) => r.kind === 'task' && r.taskId === taskId)!.cells[key];
  expect(cell('P4T13', 'deadline')).toMatchObject({ type: 'date', iso: '2024-11-30' });
  expect(cell('P4T14', 'deadline')).toMatchObject({ type: 'date', iso: '2024-12-15' });
  expect(cell('P1T4', 'deadline')).toMatchObject({ type: 'string', text: '2024年6月30日' });
  expect(cell('P1T1', 'status')!.text).toBe('已完成');
  expect(cell('P3T8', 'status')!.text).toBe('推进中');
  expect(cell('P3T9', 'status')!.text).toBe('推进中');
  expect(cell('P1T3', 'progress')!.text).toBe('已形成调研报告 2 篇。');
  expect(ledger.info.date).toMatchObject({ type: 'date', iso: '2024-08-30' });
  expect(ledger.info.phone!.text).toBe('0514-83456789');
  expect(ledger.sheets.map((s) => s.name)).toEqual([SHEET.p1, SHEET.p2, SHEET.p3, SHEET.p4]);
});
