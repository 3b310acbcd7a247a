/**
 * 标出问题单元格 / 清除标记 against a mocked Excel that answers as Microsoft's
 * reference says (test/helpers/excel-mock.ts): a deleted comment, a locked
 * workbook structure, protection the user changed since marking, a password,
 * and Excel 2016's ExcelApi 1.1. Whatever happens, no cell is left marked
 * without a record to clear it, and a sheet's protection ends as the user left it.
 */
import type { Issue } from '../src/core/model';
import { clearMarks, markProblems } from '../src/office/marks';
import { MARK_COLOR, MARKS_SHEET_NAME } from '../src/office/marks-store';
import { validateInExcel } from '../src/taskpane/excel/validate-open';
import type { ExcelMock } from './helpers/excel-mock';
import { BROKEN, liveLedger } from './helpers/live-ledger';
import { AS_OF, seedPlan } from './helpers/validate-fixture';

async function problems(mock: ExcelMock): Promise<Issue[]> {
  const checked = await validateInExcel(seedPlan, { asOf: AS_OF }, mock.env);
  if (!checked.ok || checked.status !== 'checked') throw new Error(JSON.stringify(checked).slice(0, 300));
  return checked.issues;
}

const pillarOf = (mock: ExcelMock) => mock.live().find((s) => s.name.startsWith('一'))!;
const markedCells = (mock: ExcelMock) => mock.ranges.filter((r) => r.fillColor === MARK_COLOR && r.sheet !== MARKS_SHEET_NAME);
/** Cells whose fill was touched after the `from`-th range record. */
const touchedSince = (mock: ExcelMock, from: number) => mock.ranges.slice(from).filter((r) => r.sheet !== MARKS_SHEET_NAME && (r.fillCleared || r.fillColor !== undefined));

describe('清除标记 after the user deleted one of our comments', () => {
  test('getItemByCell throws ItemNotFound on a cell without a comment: clearing still restores every cell, the protection and the store', async () => {
    const { mock } = await liveLedger(13, BROKEN);
    const marked = await markProblems(await problems(mock), mock.env);
    if (!marked.ok) throw new Error(marked.error.message);
    const ours = mock.comments.filter((c) => !c.deleted);
    expect(ours.length).toBeGreaterThan(1);
    ours[0]!.deleted = true; // the clerk fixed the cell and deleted the comment, as one does
    const before = mock.ranges.length;
    const cleared = await clearMarks(mock.env);
    expect(cleared).toMatchObject({ ok: true, restored: marked.marked, syncs: 3 });
    expect(new Set(touchedSince(mock, before).filter((r) => r.fillCleared).map((r) => r.address)).size).toBe(marked.marked);
    expect(mock.comments.filter((c) => !c.deleted)).toEqual([]);
    expect(mock.live().some((s) => s.name === MARKS_SHEET_NAME)).toBe(false);
    expect(pillarOf(mock).protection).toEqual({ protected: true, options: { allowSort: true } });
  });

  test('a comment the user wrote in place of ours is not deleted', async () => {
    const { mock } = await liveLedger(13, BROKEN);
    const marked = await markProblems(await problems(mock), mock.env);
    if (!marked.ok) throw new Error(marked.error.message);
    const ours = mock.comments.filter((c) => !c.deleted);
    ours[0]!.deleted = true;
    mock.comments.push({ at: ours[0]!.at, text: '已核实，按计划推进。——王老师', deleted: false });
    expect(await clearMarks(mock.env)).toMatchObject({ ok: true, restored: marked.marked });
    expect(mock.comments.filter((c) => !c.deleted).map((c) => c.text)).toEqual(['已核实，按计划推进。——王老师']);
  });
});

describe('a workbook whose structure is locked (Review → Protect Workbook)', () => {
  test.each([7, 13])('ExcelApi 1.%i reads workbook.protection.protected first: refused before any cell or protection is touched', async (minor) => {
    const { mock } = await liveLedger(minor, BROKEN, { workbookProtected: true });
    const result = await markProblems(await problems(mock), mock.env);
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFICE_WORKBOOK_PROTECTED' } });
    expect(markedCells(mock)).toEqual([]);
    expect(mock.comments).toEqual([]);
    expect(pillarOf(mock).protection).toEqual({ protected: true, options: { allowSort: true } });
    expect(mock.live().some((s) => s.name === MARKS_SHEET_NAME)).toBe(false);
  });

  test('ExcelApi 1.6 cannot ask (WorkbookProtection is 1.7): the store is created before any cell, so the refusal touches nothing', async () => {
    const { mock } = await liveLedger(6, BROKEN, { workbookProtected: true });
    const result = await markProblems(await problems(mock), mock.env);
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFICE_WORKBOOK_PROTECTED' } });
    expect(markedCells(mock)).toEqual([]);
    expect(pillarOf(mock).protection).toEqual({ protected: true, options: { allowSort: true } });
  });

  test('清除标记 in a workbook locked after marking is refused before restoring anything, and works once it is unlocked', async () => {
    const { mock } = await liveLedger(13, BROKEN);
    const marked = await markProblems(await problems(mock), mock.env);
    if (!marked.ok) throw new Error(marked.error.message);
    mock.protectWorkbook(true);
    const before = mock.ranges.length;
    expect(await clearMarks(mock.env)).toMatchObject({ ok: false, error: { code: 'OFFICE_WORKBOOK_PROTECTED' } });
    expect(touchedSince(mock, before)).toEqual([]);
    mock.protectWorkbook(false);
    expect(await clearMarks(mock.env)).toMatchObject({ ok: true, restored: marked.marked });
    expect(mock.live().some((s) => s.name === MARKS_SHEET_NAME)).toBe(false);
  });
});

describe('protection as the sheet has it now, not as it was remembered', () => {
  test('the user lifted the protection after marking: clearing works and leaves the sheet unprotected (unprotect() on it would throw)', async () => {
    const { mock } = await liveLedger(13, BROKEN);
    const marked = await markProblems(await problems(mock), mock.env);
    if (!marked.ok) throw new Error(marked.error.message);
    pillarOf(mock).protection = { protected: false, options: {} };
    expect(await clearMarks(mock.env)).toMatchObject({ ok: true, restored: marked.marked });
    expect(pillarOf(mock).protection.protected).toBe(false);
  });

  test('the user protected the sheet after marking: clearing lifts it, restores the fills, and protects it again with the user’s options', async () => {
    const { mock } = await liveLedger(13, BROKEN);
    pillarOf(mock).protection = { protected: false, options: {} };
    const marked = await markProblems(await problems(mock), mock.env);
    if (!marked.ok) throw new Error(marked.error.message);
    pillarOf(mock).protection = { protected: true, options: { allowSort: false, allowFormatRows: true } };
    const before = mock.ranges.length;
    expect(await clearMarks(mock.env)).toMatchObject({ ok: true, restored: marked.marked });
    expect(touchedSince(mock, before).filter((r) => r.fillCleared)).toHaveLength(marked.marked);
    expect(pillarOf(mock).protection).toEqual({ protected: true, options: { allowSort: false, allowFormatRows: true } });
  });

  test('marking again after the user lifted the protection: the old marks are undone without unprotect(), the sheet stays as the user left it', async () => {
    const { mock } = await liveLedger(13, BROKEN);
    const issues = await problems(mock);
    const first = await markProblems(issues, mock.env);
    if (!first.ok) throw new Error(first.error.message);
    pillarOf(mock).protection = { protected: false, options: {} };
    const second = await markProblems(issues, mock.env);
    expect(second).toMatchObject({ ok: true, marked: first.marked, restored: first.marked, syncs: 4 });
    expect(pillarOf(mock).protection.protected).toBe(false);
    expect(mock.comments.filter((c) => !c.deleted)).toHaveLength(first.marked);
  });

  test('a sheet protected with a password: a clear message, and no cell marked without a record', async () => {
    const { mock } = await liveLedger(13, BROKEN);
    pillarOf(mock).protection = { protected: true, options: {}, password: 'xiao' };
    const result = await markProblems(await problems(mock), mock.env);
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFICE_SHEET_PASSWORD' } });
    if (!result.ok) expect(result.error.message).toContain('密码');
    expect(markedCells(mock)).toEqual([]);
    expect(mock.comments).toEqual([]);
  });
});

describe('Excel 2016 (ExcelApi 1.1): setting a sheet’s visibility needs 1.2', () => {
  test('marks and clears with the store sheet left visible, and says so', async () => {
    const { mock } = await liveLedger(1, BROKEN);
    for (const sheet of mock.live()) sheet.protection = { protected: false, options: {} }; // 1.1 cannot lift protection
    const marked = await markProblems(await problems(mock), mock.env);
    if (!marked.ok) throw new Error(marked.error.message);
    expect(marked.marked).toBeGreaterThan(0);
    expect(marked.notes.map((n) => n.code)).toContain('OFFICE_MARKS_STORE_VISIBLE');
    expect(mock.live().find((s) => s.name === MARKS_SHEET_NAME)?.visibility).toBe('Visible');
    expect(await clearMarks(mock.env)).toMatchObject({ ok: true, restored: marked.marked });
    expect(mock.live().some((s) => s.name === MARKS_SHEET_NAME)).toBe(false);
  });
});
