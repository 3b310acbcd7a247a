/** The summary workbook: the spec's frame on every sheet, rendered and read back with our own reader, CSV fields. */
import { rollUp } from '../src/core/rollup/roll-up';
import { buildSummarySpec, csvField, csvLine } from '../src/core/summary/build-summary';
import type { SheetSnapshot } from '../src/core/workbook/snapshot';
import { readWorkbook } from '../src/xlsx/read/index';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { AS_OF, index, shuffled } from './rollup-fixtures';
import { FORMULA_LIKE, ROSTER, summaryInputs, summaryRollup } from './summary-fixtures';

const SHEETS = ['报送情况', '汇总', '图表', '逾期清单', '催报名单', '按任务统计', '明细', '问题清单', '重复报送变化', '数据核对', '_taizhang_summary'];
const rollup = summaryRollup();
const spec = buildSummarySpec(rollup, index);

function text(sheet: SheetSnapshot, row: number, col: number): string | number | boolean | undefined {
  return sheet.cells.find((c) => c.row === row && c.col === col)?.value;
}

function rowOf(sheet: SheetSnapshot, col: number, value: string): number {
  const cell = sheet.cells.find((c) => c.col === col && c.value === value);
  if (!cell) throw new Error(`no “${value}” in column ${col} of ${sheet.name}`);
  return cell.row;
}

describe('summary spec', () => {
  test('sheets in order; 重复报送变化 only when a school sent more than one file', () => {
    expect(spec.sheets.map((s) => s.name)).toEqual(SHEETS);
    const single = rollUp(summaryInputs().filter((i) => i.file !== '真州小学-0630.xlsx'), index, { roster: ROSTER, asOf: AS_OF });
    expect(buildSummarySpec(single, index).sheets.map((s) => s.name)).not.toContain('重复报送变化');
  });

  test('the summary is marked by a very hidden sheet, so it is never read as a school ledger', () => {
    expect(spec.sheets.filter((s) => s.kind !== 'summary').map((s) => [s.name, s.state])).toEqual([['_taizhang_summary', 'veryHidden']]);
  });

  test('every sheet: A4 landscape one page wide, title and header repeated, header frozen, filter on the header row, page numbers', () => {
    // The chart sheet is a page of charts over two small tables: no frozen header or filter (test/xlsx-write-charts checks its print setup).
    for (const sheet of spec.sheets.filter((s) => s.kind === 'summary' && !s.charts)) {
      const header = sheet.freeze!.rows;
      expect(sheet.kind).toBe('summary');
      expect(sheet.print).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0, printTitleRows: `1:${header}` });
      expect(sheet.print!.footer).toContain('第 &P 页 共 &N 页');
      expect(sheet.autoFilter).toMatch(new RegExp(`^A${header}:[A-Z]+\\d+$`));
      const headerCells = sheet.rows.find((r) => r.row === header)!.cells;
      expect(headerCells.map((c) => c.value)).toEqual(sheet.columns.map((c) => c.header));
    }
  });

  test('the chart sheet prints A4 landscape with page numbers and holds the two charts over its own tables', () => {
    const charts = spec.sheets.find((s) => s.name === '图表')!;
    expect(charts.print).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    expect(charts.print!.footer).toContain('第 &P 页 共 &N 页');
    expect(charts.charts?.map((c) => c.kind)).toEqual(['bar', 'stackedBar']);
    const adopted = rollup.schools.filter((s) => s.rates !== undefined).map((s) => s.name).sort();
    const names = charts.rows.flatMap((r) => r.cells).filter((c) => adopted.includes(String(c.value))).map((c) => String(c.value));
    expect([...new Set(names)].sort()).toEqual(adopted);
  });

  test('every cell names a style that exists and has a font; no width is exactly 9', () => {
    for (const sheet of spec.sheets) {
      for (const row of sheet.rows) for (const cell of row.cells) expect(spec.styles[cell.style]?.font.name).toBeTruthy();
      expect(sheet.columns.some((c) => c.width === 9)).toBe(false);
    }
  });

  test('汇总: task columns headed by number, one state per school and task coloured by its light, legend with every task title', () => {
    const matrix = spec.sheets[1]!;
    const header = matrix.rows.find((r) => r.row === matrix.freeze!.rows)!;
    expect(header.cells.slice(3, 8).map((c) => c.value)).toEqual(['1', '2', '3', '4', '5']);
    const school = matrix.rows.find((r) => r.cells[1]?.value === '真州小学')!;
    expect(school.cells.slice(3, 8).map((c) => [c.value, c.style])).toEqual([
      ['已完成', 'sumGood'],
      ['逾期', 'sumBad'],
      // Not started with most of its time gone: 黄, behind pace.
      ['未开始', 'sumWarn'],
      ['未填', 'sumMuted'],
      ['未填', 'sumMuted'],
    ]);
    const notes = matrix.rows.flatMap((r) => r.cells.map((c) => String(c.value)));
    for (const t of rollup.tasks) expect(notes.some((n) => n.includes(`${t.no}. ${t.title}`))).toBe(true);
  });

  test('the same files in any order give the same spec', () => {
    for (const seed of [3, 11]) {
      const again = rollUp(shuffled(summaryInputs(), seed), index, { roster: ROSTER, asOf: AS_OF });
      expect(buildSummarySpec(again, index)).toEqual(spec);
    }
  });
});

describe('summary rendered and read back', () => {
  let sheets: Map<string, SheetSnapshot>;
  beforeAll(async () => {
    const read = readWorkbook(await renderWorkbook(spec), { fileName: 'summary.xlsx' });
    if (!read.ok) throw new Error(read.issue.code);
    sheets = new Map(read.workbook.sheets.map((s) => [s.name, s]));
  });

  test('every sheet is present', () => {
    expect([...sheets.keys()]).toEqual(SHEETS);
  });

  test('数据核对 holds the accounting numbers', () => {
    const sheet = sheets.get('数据核对')!;
    const count = (label: string) => text(sheet, rowOf(sheet, 1, label), 2);
    expect(count('收到的文件')).toBe(7);
    expect(count('  读取成功')).toBe(5);
    expect(count('  无法读取或非本模板')).toBe(2);
    expect(count('读取的任务行')).toBe(rollup.accounting.rowsRead);
    expect(count('“明细”中的行')).toBe(rollup.accounting.rowsRead);
    expect(count('核对结果')).toBe('相符');
    expect(text(sheet, rowOf(sheet, 1, '无法计入：大仪中学.xlsx'), 3)).toContain('XLSX_READ_NOT_ZIP');
  });

  test('明细 has exactly one row per row read', () => {
    const sheet = sheets.get('明细')!;
    const header = rowOf(sheet, 1, '学校');
    const rows = new Set(sheet.cells.filter((c) => c.row > header && c.col === 1).map((c) => c.row));
    expect(rows.size).toBe(rollup.accounting.rowsRead);
    expect(rollup.accounting.rowsRead).toBe(26);
    const adopted = sheet.cells.filter((c) => c.row > header && c.col === 15).map((c) => c.value);
    expect(adopted.filter((v) => v === '否')).toHaveLength(5);
  });

  test('formula-like school text stays plain text: no formula, the exact string', () => {
    const places: [string, string][] = [
      ['报送情况', FORMULA_LIKE.unit],
      ['报送情况', FORMULA_LIKE.reporter],
      ['报送情况', FORMULA_LIKE.phone],
      ['汇总', FORMULA_LIKE.unit],
      ['明细', FORMULA_LIKE.owner],
      ['明细', FORMULA_LIKE.progress],
    ];
    for (const [name, value] of places) {
      const cells = sheets.get(name)!.cells.filter((c) => c.value === value);
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) {
        expect(cell.type).toBe('string');
        expect(cell.formula).toBeUndefined();
      }
    }
  });

  test('报送情况 lists missing, refused and superseded files with their status', () => {
    const sheet = sheets.get('报送情况')!;
    const statusOf = (file: string) => text(sheet, rowOf(sheet, 5, file), 6);
    expect(text(sheet, rowOf(sheet, 2, '月塘小学'), 4)).toBe('未报送');
    expect(statusOf('大仪中学.xlsx')).toBe('无法读取');
    expect(statusOf('刘集中学-台账.xlsx')).toBe('非本模板');
    expect(statusOf('真州小学-0630.xlsx')).toBe('已替代');
    expect(statusOf('真州小学-0830.xlsx')).toBe('采用');
    expect(text(sheet, rowOf(sheet, 5, '真州小学-0830.xlsx'), 11)).toBe(2);
  });
});

describe('csvField', () => {
  test.each([
    ['仪征市实验小学', '仪征市实验小学'],
    ['=HYPERLINK("http://x","点我")', `"'=HYPERLINK(""http://x"",""点我"")"`],
    ['+86 138', "'+86 138"],
    ['-', "'-"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['a,b', '"a,b"'],
    ['第一行\n第二行', '"第一行\n第二行"'],
    ['说"好"', '"说""好"""'],
    [' 前有空格', '" 前有空格"'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(csvField(input)).toBe(output);
  });

  test('numbers are written as they are; a record ends with CRLF', () => {
    expect(csvLine(['学校', -3, 0.5, '=1'])).toBe("学校,-3,0.5,'=1\r\n");
  });
});
