/**
 * 生成台账 and 汇总 in WPS 表格, against the ET mock (test/helpers/wps-mock.ts;
 * what it assumes about WPS is in docs/wps-support.md): new sheets after the
 * user's, never over them, renamed only when complete; an error at any step
 * leaves the workbook as it was; text that would read as a formula, a date
 * or a number stays text; values go in as one 2-D array per sheet.
 */
import { createHash } from 'node:crypto';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { STYLES } from '../src/core/template/styles';
import type { SheetSpec, WorkbookSpec } from '../src/core/workbook/spec';
import { generateInWps, writeSummaryToWps } from '../src/wps/index';
import { bgr } from '../src/wps/et-types';
import { seedPlan } from './helpers/seed-plan';
import { wpsMock, type MockCell, type MockSheet, type WpsMock } from './helpers/wps-mock';

const RISKY = ['=1+1', '+86 13800000000', '-已完成', '@校长', '2024-06-30', '2024/6/30', '007', '1e5', '50%', 'TRUE', "'引号开头", '=A1'.padEnd(300, '长')];

function summarySpec(texts: readonly string[]): WorkbookSpec {
  const sheet: SheetSpec = {
    name: '汇总',
    kind: 'summary',
    state: 'visible',
    columns: texts.map((_, i) => ({ key: `c${i}`, header: `列${i}`, width: 18, locked: true, wrap: true, hidden: false })),
    rows: [
      { row: 1, cells: [{ col: 1, value: '汇总明细', style: 'title' }] },
      { row: 2, cells: texts.map((value, i) => ({ col: i + 1, value, style: 'fixed' })) },
      { row: 3, cells: [{ col: 1, value: 42, style: 'fixed' }] },
    ],
    merges: ['A1:C1'],
    validations: [],
    conditionalFormats: [],
  };
  return { templateId: 't', templateVersion: 1, title: '汇总', sheets: [sheet], styles: STYLES, definedNames: [], lockStructure: false };
}

/** The user's own sheet with something in it, and a fingerprint of all of it. */
function userSheet(name = 'Sheet1'): Partial<MockSheet> {
  const cells = new Map<string, MockCell>([
    ['A1', { value: '我的数据', format: 'General', fill: 0xffffff, pattern: -4142, locked: true }],
    ['B2', { value: 45000, format: 'yyyy-mm-dd', fill: bgr('FFFF00'), pattern: 1, locked: true, comment: '别动' }],
  ]);
  return { name, cells };
}
const fingerprint = (sheet: MockSheet) => createHash('sha256').update(JSON.stringify({ ...sheet, cells: [...sheet.cells], columns: [...sheet.columns], rowHeights: [...sheet.rowHeights] })).digest('hex');

const ledgerSpec = () => buildTemplateSpec(seedPlan());

function expectUntouched(mock: WpsMock, before: string[], prints: Map<string, string>): void {
  expect(mock.names()).toEqual(before);
  for (const [name, print] of prints) expect(fingerprint(mock.sheet(name))).toBe(print);
}

describe('generateInWps', () => {
  test('adds every ledger sheet after the user’s, under its final name, with the user’s sheet untouched', () => {
    const mock = wpsMock([userSheet()]);
    const before = fingerprint(mock.sheet('Sheet1'));
    const spec = ledgerSpec();
    const result = generateInWps(spec, mock.app, { token: 't1' });
    if (!result.ok) throw new Error(result.error.message);
    expect(mock.names()).toEqual(['Sheet1', ...spec.sheets.map((s) => s.name)]);
    expect(result.sheets).toEqual(spec.sheets.map((s) => s.name));
    expect(fingerprint(mock.sheet('Sheet1'))).toBe(before);
    // Hidden and very hidden as the spec says; pillar sheets protected; no delete prompt; settings put back.
    for (const s of spec.sheets) expect(mock.sheet(s.name).visible).toBe(s.state === 'veryHidden' ? 2 : s.state === 'hidden' ? 0 : -1);
    for (const s of spec.sheets) expect(mock.sheet(s.name).protection !== undefined).toBe(s.protection !== undefined);
    expect(mock.world.displayAlerts).toBe(true);
    expect(mock.world.screenUpdating).toBe(true);
    expect(mock.world.names.map((n) => n.Name).sort()).toEqual(spec.definedNames.map((n) => n.name).sort());
  });

  test('every spec cell reads back as written: strings stay strings, numbers numbers', () => {
    const mock = wpsMock();
    const spec = ledgerSpec();
    const result = generateInWps(spec, mock.app);
    expect(result.ok).toBe(true);
    let checked = 0;
    for (const sheet of spec.sheets) {
      const live = mock.sheet(sheet.name);
      for (const row of sheet.rows) {
        for (const cell of row.cells) {
          if (cell.value === null || cell.value === '') continue;
          const got = live.cells.get(`${String.fromCharCode(64 + cell.col)}${row.row}`);
          expect({ at: `${sheet.name}!${cell.col},${row.row}`, value: got?.value, formula: got?.formula }).toEqual({ at: `${sheet.name}!${cell.col},${row.row}`, value: cell.value, formula: undefined });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  test('validation lists, date rules, conditional formats, freeze panes, merges and print setup reach ET', () => {
    const mock = wpsMock();
    const spec = ledgerSpec();
    generateInWps(spec, mock.app);
    const pillar = spec.sheets.find((s) => s.kind === 'pillar')!;
    const live = mock.sheet(pillar.name);
    const list = pillar.validations.find((v) => v.kind === 'list')!;
    expect(live.validations.find((v) => v.address === list.range)).toMatchObject({ type: 3, formula1: list.kind === 'list' ? list.values.join(',') : '', ShowError: true });
    expect(live.formatConditions).toHaveLength(pillar.conditionalFormats.length);
    expect(live.merges.sort()).toEqual([...pillar.merges].sort());
    if (pillar.freeze) expect(mock.world.freezes.map((f) => ({ ...f, sheet: f.sheet.name }))).toContainEqual({ sheet: pillar.name, rows: pillar.freeze.rows, columns: pillar.freeze.columns });
    expect(live.pageSetup).toMatchObject({ PaperSize: 9, Orientation: pillar.print?.orientation === 'landscape' ? 2 : 1 });
  });

  test('values go in as one 2-D array per sheet, formats by runs, never cell by cell', () => {
    const mock = wpsMock();
    const spec = ledgerSpec();
    generateInWps(spec, mock.app);
    const cells = spec.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.cells.length, 0), 0);
    expect(mock.calls('Value2=')).toBe(spec.sheets.filter((s) => s.rows.length > 0).length);
    expect(mock.calls('NumberFormat=')).toBeLessThan(cells / 5);
  });

  test('a name the user already has gets （2）, and the user’s sheet of that name is left alone', () => {
    const spec = ledgerSpec();
    const taken = spec.sheets[0]!.name;
    const mock = wpsMock([userSheet(taken)]);
    const before = fingerprint(mock.sheet(taken));
    const result = generateInWps(spec, mock.app);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.sheets[0]).toBe(`${taken}（2）`);
    expect(result.notes.map((n) => n.code)).toContain('OFFICE_SHEET_RENAMED');
    expect(fingerprint(mock.sheet(taken))).toBe(before);
  });

  const KINDS = ['Add', 'Name=', 'NumberFormat=', 'Value2=', 'Merge', 'Validation.Add', 'FormatConditions.Add', 'Protect', 'Visible=', 'Names.Add'];
  test.each(KINDS)('an error at any %s call leaves the workbook as it was: no sheet of ours, the user’s untouched', (kind) => {
    const clean = wpsMock([userSheet()]);
    generateInWps(ledgerSpec(), clean.app);
    const total = clean.calls(kind);
    expect(total).toBeGreaterThan(0);
    const points = [...new Set([1, Math.ceil(total / 2), total])];
    for (const n of points) {
      const mock = wpsMock([userSheet()]);
      const prints = new Map([['Sheet1', fingerprint(mock.sheet('Sheet1'))]]);
      mock.failOn(kind, n);
      const result = generateInWps(ledgerSpec(), mock.app);
      expect(result).toMatchObject({ ok: false, error: { code: 'WPS_FAILED' } });
      expectUntouched(mock, ['Sheet1'], prints);
      expect(mock.world.prompts).toBe(0);
    }
  });

  test('an error during the final renames leaves no sheet under a final name', () => {
    const spec = ledgerSpec();
    for (let n = spec.sheets.length + 1; n <= 2 * spec.sheets.length; n++) {
      const mock = wpsMock([userSheet()]);
      mock.failOn('Name=', n);
      const result = generateInWps(spec, mock.app);
      expect(result.ok).toBe(false);
      expect(mock.names()).toEqual(['Sheet1']);
    }
  });

  test('a structure-protected workbook is refused before anything is added; no workbook is said plainly', () => {
    const mock = wpsMock([userSheet()]);
    mock.world.protectStructure = true;
    expect(generateInWps(ledgerSpec(), mock.app)).toMatchObject({ ok: false, error: { code: 'WPS_WORKBOOK_PROTECTED' } });
    expect(mock.calls('Add')).toBe(0);
    mock.app.ActiveWorkbook = null;
    expect(generateInWps(ledgerSpec(), mock.app)).toMatchObject({ ok: false, error: { code: 'WPS_NO_WORKBOOK' } });
  });
});

describe('writeSummaryToWps', () => {
  test('text that would read as a formula, a date, a number or a boolean stays exactly as written', () => {
    const mock = wpsMock([userSheet()]);
    const result = writeSummaryToWps(summarySpec(RISKY), mock.app);
    if (!result.ok) throw new Error(result.error.message);
    const live = mock.sheet('汇总');
    RISKY.forEach((text, i) => {
      const cell = live.cells.get(`${String.fromCharCode(65 + i)}2`);
      expect({ text, value: cell?.value, formula: cell?.formula }).toEqual({ text, value: text, formula: undefined });
    });
    expect(live.cells.get('A3')?.value).toBe(42);
    expect(live.merges).toEqual(['A1:C1']);
  });

  test('without protection (@ format) the mock would have turned them into formulas, dates and numbers', () => {
    // Guards the test above: the mock does coerce plain text the way typing does.
    const mock = wpsMock();
    const range = mock.app.ActiveWorkbook.Worksheets.Item(1).Range('A1:D1');
    range.Value2 = [['=1+1', '2024-06-30', '007', 'TRUE']];
    const cells = ['A1', 'B1', 'C1', 'D1'].map((a) => mock.sheet('Sheet1').cells.get(a));
    expect(cells.map((c) => c?.formula ?? typeof c?.value)).toEqual(['=1+1', 'number', 'number', 'boolean']);
  });
});
