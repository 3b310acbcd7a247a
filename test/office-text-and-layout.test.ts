/**
 * The pure parts of the Office adapter: text that Excel would turn into a
 * formula, date or number is written so it stays text; a spec becomes whole
 * range writes whose count does not grow with rows; requirement sets decide
 * what is skipped; names never clash with the user's sheets.
 */
import { capabilitiesFor } from '../src/office/capabilities';
import { excelWouldCoerce, protectText, TEXT_FORMAT } from '../src/office/text-cells';
import { cellOps, sheetGrid, styleBlocks } from '../src/office/sheet-layout';
import { layOutSpecWrites } from '../src/office/spec-layout';
import { layOutSheetNames, retargetSpec } from '../src/office/sheet-names-layout';
import { specWithTasks } from './helpers/office-specs';

describe('text stays text', () => {
  test.each(['=SUM(A1:A3)', '+86 138', '-完成了一半', '@全体', '2024-06-30', '2024/6/30', '6/30', '6-30', '2024年6月30日', '6月30日', '007', '0123456', '1,234', '50%', '1e5', 'TRUE', '10:30', '1/2', '#N/A'])(
    '“%s” gets the text format before its value',
    (text) => {
      expect(excelWouldCoerce(text)).toBe(true);
      expect(protectText(text)).toEqual({ value: text, numberFormat: TEXT_FORMAT });
    },
  );

  test.each(['已完成', '按计划推进，6月底前完成', '第3季度', '基础教育科', '', '2024年度工作'])('“%s” is written as is, keeping the column format', (text) => {
    expect(excelWouldCoerce(text)).toBe(false);
    expect(protectText(text)).toEqual({ value: text });
  });

  test('long text that Excel would coerce gets the apostrophe prefix instead (a text-formatted cell over 255 characters shows ####)', () => {
    const long = `-${'进展顺利'.repeat(70)}`;
    expect(protectText(long)).toEqual({ value: `'${long}` });
  });

  test('a leading apostrophe is doubled so it survives', () => {
    expect(protectText("'90后")).toEqual({ value: "''90后" });
  });

  test('in a sheet, only the risky cells get "@", and the date column keeps its format', () => {
    const spec = specWithTasks(3);
    const sheet = { ...spec.sheets[1]! };
    sheet.rows = sheet.rows.map((row) =>
      row.row === 3 ? { ...row, cells: row.cells.map((c) => (c.col === 8 ? { ...c, value: '=HYPERLINK("x")' } : c.col === 7 ? { ...c, value: '2024-06-30' } : c)) } : row,
    );
    const grid = sheetGrid(sheet, spec.styles);
    expect(grid.values[2]![7]).toBe('=HYPERLINK("x")');
    expect(grid.formats[2]![7]).toBe('@');
    expect(grid.formats[2]![6]).toBe('@');
    expect(grid.formats[3]![6]).toBe(spec.styles.input!.numFmt ?? 'General');
    expect(grid.formats[2]![2]).toBe('General');
  });
});

describe('spec → range writes', () => {
  test('format blocks and op count stay the same from 10 to 10,000 rows; only the arrays grow', () => {
    const count = (tasks: number) => {
      const spec = specWithTasks(tasks);
      const ops = cellOps(spec.sheets[1]!, 'x', spec.styles, Number.MAX_SAFE_INTEGER);
      return { blocks: styleBlocks(spec.sheets[1]!).length, ops: ops.length, rows: ops.filter((o) => o.kind === 'values').reduce((n, o) => n + (o.kind === 'values' ? o.values.length : 0), 0) };
    };
    const small = count(10);
    const large = count(10_000);
    expect(large.blocks).toBe(small.blocks);
    expect(large.ops).toBe(small.ops);
    expect(large.rows).toBe(10_002);
    expect(small.blocks).toBeLessThan(15);
  });

  test('number formats are queued before the values of the same rows', () => {
    const spec = specWithTasks(5);
    const ops = cellOps(spec.sheets[1]!, 'x', spec.styles, Number.MAX_SAFE_INTEGER);
    const kinds = ops.map((o) => o.kind);
    expect(kinds.indexOf('numberFormat')).toBeLessThan(kinds.indexOf('values'));
  });

  test.each([
    // 1.1 also cannot hide the metadata sheet: setting visibility is 1.2.
    [1, ['merges', 'columnWidths', 'cellLocking', 'dataValidation', 'conditionalFormats', 'freezePanes', 'tabColor', 'autoFilter', 'pageLayout', 'protection', 'sheetVisibility']],
    [7, ['dataValidation', 'autoFilter', 'pageLayout']],
    [9, []],
  ])('ExcelApi 1.%i skips exactly what it lacks', (minor, skipped) => {
    const spec = specWithTasks(3);
    const layout = layOutSpecWrites(spec, spec.sheets.map((s) => s.name), capabilitiesFor(minor));
    expect([...layout.skipped].sort()).toEqual([...skipped].sort());
    expect(layout.ops.every((o) => !o.feature || capabilitiesFor(minor).has(o.feature))).toBe(true);
  });

  test('protection and hiding come after every other write', () => {
    const spec = specWithTasks(3);
    const { ops } = layOutSpecWrites(spec, spec.sheets.map((s) => s.name), capabilitiesFor(13));
    const firstFinishing = ops.findIndex((o) => o.kind === 'protect' || o.kind === 'visibility');
    expect(firstFinishing).toBeGreaterThan(0);
    expect(ops.slice(firstFinishing).every((o) => o.kind === 'protect' || o.kind === 'visibility')).toBe(true);
  });
});

describe('sheet names next to the user’s sheets', () => {
  test('final names avoid existing ones case-insensitively; temporary names avoid both', () => {
    const layout = layOutSheetNames(['填报说明', 'Data', '_taizhang'], ['填报说明', 'data'], 'k');
    expect(layout.finals).toEqual(['填报说明（2）', 'Data（2）', '_taizhang']);
    expect(layout.temps).toEqual(['~tzk-1', '~tzk-2', '~tzk-3']);
    expect(layout.renamed).toEqual([
      { name: '填报说明', newName: '填报说明（2）' },
      { name: 'Data', newName: 'Data（2）' },
    ]);
  });

  test('contents follow a renamed sheet: defined names and the metadata sheet', () => {
    const spec = specWithTasks(2);
    const finals = spec.sheets.map((s, i) => (i === 1 ? `${s.name}（2）` : s.name));
    const moved = retargetSpec(spec, finals);
    expect(moved.definedNames[0]!.refersTo).toBe(`'${finals[1]}'!$A$1`);
    const meta = moved.sheets.find((s) => s.kind === 'meta')!;
    const values = meta.rows.flatMap((r) => r.cells.map((c) => c.value));
    expect(values).toContain(finals[1]);
    expect(values).not.toContain(spec.sheets[1]!.name);
  });
});
