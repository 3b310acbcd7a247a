/**
 * 校验当前工作簿 in WPS 表格, against the ET mock: the filled school ledger
 * open in WPS (the same cells the file has) gives exactly the issues the file
 * check gives; a ledger generated into WPS and checked there matches the
 * check of the .xlsx rendered from the same spec; problem cells are marked
 * and cleared back to what they were; a problem cell is selected.
 */
import type { SheetSnapshot } from '../src/core/workbook/snapshot';
import { MARK_COLOR, MARKS_SHEET_NAME } from '../src/core/workbook/marks-store';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { validateInWps } from '../src/taskpane/wps/validate-open';
import { bgr } from '../src/wps/et-types';
import { clearMarksInWps, generateInWps, markProblemsInWps, readWpsSnapshot, selectCellInWps } from '../src/wps/index';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { readWorkbook } from '../src/xlsx/read/index';
import { fillLedger } from './helpers/fill-ledger';
import { BROKEN } from './helpers/live-ledger';
import { AS_OF, brief, seedPlan, validateBytes, withChanges } from './helpers/validate-fixture';
import { wpsFromWorkbook, wpsMock, type MockSheet } from './helpers/wps-mock';

async function openInWps(extra: Partial<MockSheet>[] = []) {
  const bytes = await fillLedger(seedPlan, withChanges({ tasks: BROKEN }));
  const read = readWorkbook(bytes, { fileName: 'ledger.xlsx' });
  if (!read.ok) throw new Error('unreadable fixture');
  return { mock: wpsFromWorkbook(read.workbook, '一', extra), bytes, read: read.workbook };
}

describe('validateInWps', () => {
  test('the same issues as validating the file', async () => {
    const { mock, bytes } = await openInWps([{ name: '我的表' }]);
    const result = await validateInWps(seedPlan, { asOf: AS_OF }, mock.app);
    if (!result.ok || result.status !== 'checked') throw new Error(JSON.stringify(result).slice(0, 300));
    const fromFile = validateBytes(bytes);
    expect(fromFile.issues.length).toBeGreaterThan(0);
    expect(brief(result.issues.filter((i) => i.code.startsWith('VALIDATE_')))).toEqual(brief(fromFile.issues));
  });

  test('the snapshot read through ET equals the file reader’s, cell for cell (dates by format, merges)', async () => {
    const { mock, read } = await openInWps();
    const result = readWpsSnapshot(mock.app);
    if (!result.ok) throw new Error(result.error.message);
    const strip = (s: SheetSnapshot) => ({ name: s.name, state: s.state, merges: [...s.merges].sort(), cells: s.cells.filter((c) => c.value !== '').map(({ row, col, type, value, iso, formula }) => ({ row, col, type, value, iso, formula })) });
    const read1 = read.sheets.map(strip);
    expect(result.snapshot.sheets.map(strip)).toEqual(read1);
    expect(read1.some((s) => s.cells.some((c) => c.type === 'date'))).toBe(true);
    expect(read1.some((s) => s.merges.length > 0)).toBe(true);
  });

  test('a ledger generated into WPS checks as the .xlsx rendered from the same spec does', async () => {
    const spec = buildTemplateSpec(seedPlan);
    const mock = wpsMock([{ name: 'Sheet1' }]);
    expect(generateInWps(spec, mock.app).ok).toBe(true);
    const live = await validateInWps(seedPlan, { asOf: AS_OF }, mock.app);
    if (!live.ok || live.status !== 'checked') throw new Error(JSON.stringify(live).slice(0, 300));
    const fromFile = validateBytes(await renderWorkbook(spec));
    expect(brief(live.issues)).toEqual(brief(fromFile.issues));
    // The blank ledger is read row for row: every task of the plan, none lost or invented.
    const tasks = seedPlan.pillars.reduce((n, p) => n + p.tasks.length, 0);
    expect(live.ledger.rows.filter((r) => r.kind === 'task')).toHaveLength(tasks);
  });

  test('an open workbook that is not this plan’s ledger is refused as data; no workbook is a failure', async () => {
    const mock = wpsMock();
    expect(await validateInWps(seedPlan, { asOf: AS_OF }, mock.app)).toMatchObject({ ok: true, status: 'refused', issue: { code: 'LEDGER_NOT_TEMPLATE' } });
    mock.app.ActiveWorkbook = null;
    expect(await validateInWps(seedPlan, { asOf: AS_OF }, mock.app)).toMatchObject({ ok: false, error: { code: 'WPS_NO_WORKBOOK' } });
  });
});

describe('markProblemsInWps / clearMarksInWps / selectCellInWps', () => {
  test('marks problem cells with a fill and a comment, keeps protection, and clears back to exactly what was there', async () => {
    const { mock } = await openInWps();
    const checked = await validateInWps(seedPlan, { asOf: AS_OF }, mock.app);
    if (!checked.ok || checked.status !== 'checked') throw new Error('not checked');
    const targets = [...new Set(checked.issues.filter((i) => i.where.sheet && i.where.cell).map((i) => `${i.where.sheet}!${i.where.cell}`))];
    expect(targets.length).toBeGreaterThan(0);
    // One problem cell already carries the user's own comment and a fill: both must survive.
    const [firstSheet, firstCell] = targets[0]!.split('!') as [string, string];
    const sheet = mock.sheet(firstSheet);
    sheet.cells.set(firstCell, { ...(sheet.cells.get(firstCell) ?? { value: undefined, format: 'General', locked: true }), fill: bgr('00B050'), pattern: 1, comment: '用户批注' } as never);
    const before = JSON.stringify(mock.world.sheets.map((s) => [s.name, [...s.cells]]));
    const protectionBefore = JSON.stringify(mock.world.sheets.map((s) => s.protection));

    const marked = markProblemsInWps(checked.issues, mock.app);
    if (!marked.ok) throw new Error(marked.error.message);
    expect(marked.marked).toBe(targets.length);
    for (const t of targets) {
      const [s, c] = t.split('!') as [string, string];
      expect(mock.sheet(s).cells.get(c)?.fill).toBe(bgr(MARK_COLOR.slice(1)));
    }
    const comments = targets.map((t) => mock.sheet(t.split('!')[0]!).cells.get(t.split('!')[1]!)?.comment);
    expect(comments[0]).toBe('用户批注');
    expect(comments.slice(1).every((c) => c?.startsWith('台账校验：'))).toBe(true);
    expect(mock.sheet(MARKS_SHEET_NAME).visible).toBe(2);
    expect(JSON.stringify(mock.world.sheets.filter((s) => s.name !== MARKS_SHEET_NAME).map((s) => s.protection))).toBe(protectionBefore);

    // Marking again does not stack: the store still holds the original fills.
    expect(markProblemsInWps(checked.issues, mock.app)).toMatchObject({ ok: true, restored: targets.length });
    const cleared = clearMarksInWps(mock.app);
    expect(cleared).toMatchObject({ ok: true, restored: targets.length });
    expect(mock.names()).not.toContain(MARKS_SHEET_NAME);
    expect(JSON.stringify(mock.world.sheets.map((s) => [s.name, [...s.cells]]))).toBe(before);
    expect(mock.world.prompts).toBe(0);
  });

  test('a sheet protected with a password is left alone and named in a note', async () => {
    const { mock } = await openInWps();
    const checked = await validateInWps(seedPlan, { asOf: AS_OF }, mock.app);
    if (!checked.ok || checked.status !== 'checked') throw new Error('not checked');
    const onPillar = checked.issues.find((i) => i.where.sheet?.startsWith('一') && i.where.cell)!;
    mock.sheet(onPillar.where.sheet!).protection = { password: '123', options: {} };
    const marked = markProblemsInWps(checked.issues, mock.app);
    if (!marked.ok) throw new Error(marked.error.message);
    expect(marked.notes).toContainEqual(expect.objectContaining({ code: 'WPS_SHEET_PASSWORD', where: { sheet: onPillar.where.sheet } }));
    expect(mock.sheet(onPillar.where.sheet!).cells.get(onPillar.where.cell!)?.fill).not.toBe(bgr(MARK_COLOR.slice(1)));
  });

  test('clearing with nothing marked changes nothing; a structure-protected workbook is refused for marks', () => {
    const mock = wpsMock();
    expect(clearMarksInWps(mock.app)).toEqual({ ok: true, marked: 0, restored: 0, notes: [] });
    mock.world.protectStructure = true;
    expect(markProblemsInWps([], mock.app)).toMatchObject({ ok: false, error: { code: 'WPS_WORKBOOK_PROTECTED' } });
  });

  test('selects the cell on its sheet; a vanished sheet is a zh-CN failure naming it', () => {
    const mock = wpsMock([{ name: 'Sheet1' }, { name: '一、加强政治建设' }]);
    expect(selectCellInWps('一、加强政治建设', 'I5', mock.app)).toEqual({ ok: true });
    expect(mock.world.selected).toEqual({ sheet: '一、加强政治建设', address: 'I5' });
    const gone = selectCellInWps('二、没有', 'A1', mock.app);
    expect(gone).toMatchObject({ ok: false, error: { code: 'OFFICE_SHEET_MISSING' } });
    if (!gone.ok) expect(gone.error.message).toContain('二、没有');
  });
});
