/**
 * 校验 and problem marks on the live workbook. The mocked workbook holds the
 * same cells a filled school ledger has (read from a real filled file), so
 * validating "in Excel" must give exactly the issues validating the file gives.
 */
import type { SheetSnapshot } from '../src/core/workbook/snapshot';
import { columnLetter } from '../src/core/workbook/a1';
import { readWorkbookSnapshot } from '../src/office/read-workbook';
import { validateInExcel } from '../src/taskpane/excel/validate-open';
import { clearMarks, markProblems, selectCell } from '../src/office/marks';
import { MARKS_SHEET_NAME } from '../src/office/marks-store';
import { sheetSnapshot } from '../src/office/snapshot-from-ranges';
import { AS_OF, brief, seedPlan, validateBytes } from './helpers/validate-fixture';
import { BROKEN, liveLedger } from './helpers/live-ledger';
import { excelMock } from './helpers/excel-mock';
import { sheetGrid } from '../src/office/sheet-layout';
import { planWithTasks, specWithTasks } from './helpers/office-specs';

describe('validateInExcel', () => {
  test.each([1, 7, 13])('ExcelApi 1.%i: the same issues as validating the file, in 2 syncs', async (minor) => {
    const { mock, bytes } = await liveLedger(minor, BROKEN);
    const result = await validateInExcel(seedPlan, { asOf: AS_OF }, mock.env);
    if (!result.ok || result.status !== 'checked') throw new Error(JSON.stringify(result));
    const fromFile = validateBytes(bytes);
    expect(brief(result.issues.filter((i) => i.code.startsWith('VALIDATE_')))).toEqual(brief(fromFile.issues));
    expect(fromFile.issues.length).toBeGreaterThan(0);
    expect(result.syncs).toBe(2);
  });

  test('the snapshot of the live workbook equals the file reader’s, cell for cell', async () => {
    const { mock, read } = await liveLedger(13, BROKEN);
    const result = await readWorkbookSnapshot(mock.env);
    if (!result.ok) throw new Error(result.error.message);
    // A cell holding an empty string exists in a file but not in Excel, which reports it as Empty.
    const strip = (s: SheetSnapshot) => ({ name: s.name, cells: s.cells.filter((c) => c.value !== '').map(({ row, col, type, value, iso }) => ({ row, col, type, value, iso })) });
    expect(result.snapshot.sheets.map(strip)).toEqual(read.sheets.map(strip));
  });

  test('used-range arrays become snapshot cells: types, dates by format, formulas without =', () => {
    const small = sheetSnapshot({ name: 'a', visibility: 'Visible', address: 'a!A1:B2', values: [['x', 1], ['', 2]], valueTypes: [['String', 'Double'], ['Empty', 'Double']], numberFormat: [['General', 'General'], ['General', 'yyyy-mm-dd']], formulas: [['x', 1], ['', '=B1+1']] }, false);
    expect(small.cells.map((c) => [c.address, c.type, c.formula ?? '', c.iso ?? ''])).toEqual([
      ['A1', 'string', '', ''],
      ['B1', 'number', '', ''],
      ['B2', 'date', 'B1+1', '1900-01-02'],
    ]);
  });

  test('a workbook that is not this plan’s ledger is refused as data', async () => {
    const mock = excelMock(13);
    const result = await validateInExcel(seedPlan, { asOf: AS_OF }, mock.env);
    expect(result).toMatchObject({ ok: true, status: 'refused', issue: { code: 'LEDGER_NOT_TEMPLATE' } });
  });
});

describe('markProblems / clearMarks / selectCell', () => {
  test.each([
    [7, false],
    [13, true],
  ])('ExcelApi 1.%i: marks problem cells (comments: %s), lifts and restores protection, clears back to what was there', async (minor, comments) => {
    const { mock } = await liveLedger(minor, BROKEN);
    const checked = await validateInExcel(seedPlan, { asOf: AS_OF }, mock.env);
    if (!checked.ok || checked.status !== 'checked') throw new Error('not checked');
    const withCells = checked.issues.filter((i) => i.where.sheet && i.where.cell);
    const marked = await markProblems(checked.issues, mock.env);
    if (!marked.ok) throw new Error(marked.error.message);
    const cells = new Set(withCells.map((i) => `${i.where.sheet}!${i.where.cell}`));
    expect(marked.marked).toBe(cells.size);
    expect(marked.syncs).toBe(4);
    const filled = mock.ranges.filter((r) => r.fillColor === '#FFC000');
    expect(new Set(filled.map((r) => `${r.sheet}!${r.address}`))).toEqual(cells);
    expect(mock.comments.length).toBe(comments ? cells.size : 0);
    const store = mock.live().find((s) => s.mock.name === MARKS_SHEET_NAME)!;
    expect(store.mock.visibility).toBe('VeryHidden');
    // The protected pillar sheet is protected again, with its own options.
    const pillar = mock.live().find((s) => s.mock.name.startsWith('一'))!;
    expect(pillar.protection).toEqual({ protected: true, options: { allowSort: true } });
    expect(marked.notes.some((n) => n.code === 'OFFICE_MARKS_UNPROTECTED')).toBe(minor >= 2);

    // The store is read back from its used range.
    const rows = mock.ranges.find((r) => r.sheet === MARKS_SHEET_NAME && r.values)!.values as string[][];
    store.used = { address: `${MARKS_SHEET_NAME}!A1:F${rows.length}`, values: rows, valueTypes: rows.map((r) => r.map(() => 'String')), numberFormat: rows.map((r) => r.map(() => '@')), formulas: rows };
    const before = mock.ranges.length;
    const cleared = await clearMarks(mock.env);
    expect(cleared).toMatchObject({ ok: true, restored: cells.size, syncs: 3 });
    const restored = mock.ranges.slice(before).filter((r) => r.fillCleared);
    expect(new Set(restored.map((r) => `${r.sheet}!${r.address}`))).toEqual(cells); // they had no fill before
    expect(mock.live().some((s) => s.mock.name === MARKS_SHEET_NAME)).toBe(false);
    expect(mock.comments.filter((c) => !c.deleted)).toEqual([]);
    expect(pillar.protection.protected).toBe(true);
  });

  test('clearMarks with nothing marked does nothing (one sync to find that out)', async () => {
    const mock = excelMock(13);
    expect(await clearMarks(mock.env)).toMatchObject({ ok: true, restored: 0, syncs: 1 });
    expect(mock.ranges).toEqual([]);
  });

  test('selectCell activates the sheet and selects the cell; a vanished sheet is a zh-CN failure', async () => {
    const mock = excelMock(1, [{ name: 'Sheet1' }, { name: '一、加强政治建设' }]);
    expect(await selectCell('一、加强政治建设', 'I5', mock.env)).toEqual({ ok: true });
    expect(mock.active).toBe(mock.live()[1]);
    expect(mock.ranges.find((r) => r.address === 'I5')?.selected).toBe(true);
    const gone = await selectCell('二、没有', 'A1', mock.env);
    expect(gone).toMatchObject({ ok: false, error: { code: 'OFFICE_SHEET_MISSING' } });
    if (!gone.ok) expect(gone.error.message).toContain('二、没有');
  });
});

describe('validateInExcel: sync count does not grow with rows', () => {
  /** A generated ledger as Excel would hold it: each sheet's cells from the spec's own grid. */
  function generatedWorkbook(tasks: number) {
    const spec = specWithTasks(tasks);
    return spec.sheets.map((sheet) => {
      const grid = sheetGrid(sheet, spec.styles);
      const values = grid.values.map((row) => row.map((v) => v));
      return {
        name: sheet.name,
        visibility: sheet.state === 'veryHidden' ? 'VeryHidden' : 'Visible',
        used: {
          address: `'${sheet.name}'!A1:${columnLetter(Math.max(grid.cols, 1))}${Math.max(grid.rows, 1)}`,
          values,
          valueTypes: values.map((row) => row.map((v) => (v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : 'String'))),
          numberFormat: grid.formats,
          formulas: values,
        },
      };
    });
  }

  test.each([1, 13])('ExcelApi 1.%i: 2 syncs for 10 and for 10,000 task rows, every row read', async (minor) => {
    for (const tasks of [10, 10_000]) {
      const mock = excelMock(minor, generatedWorkbook(tasks));
      const result = await validateInExcel(planWithTasks(tasks), { asOf: AS_OF }, mock.env);
      if (!result.ok || result.status !== 'checked') throw new Error(JSON.stringify(result).slice(0, 300));
      expect(result.syncs).toBe(2);
      expect(mock.syncs()).toBe(2);
      expect(result.ledger.rows.filter((r) => r.kind === 'task' && r.taskId?.startsWith('P1T'))).toHaveLength(tasks);
    }
  });
});
