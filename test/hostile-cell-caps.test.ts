/**
 * What we write must open in Excel (issue 12, class 8): no cell of ours holds
 * more than Excel's 32,767 characters, whatever a school or a plan sends, and
 * each cut names its cell; plan files that are too big, or whose package
 * inflates past what it declares, are refused before anything reads them.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strToU8 } from 'fflate';
import { indexTemplate } from '../src/core/ledger/template-index';
import { rollUp } from '../src/core/rollup/roll-up';
import { buildSummarySpec } from '../src/core/summary/build-summary';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { CUT_MARK, EXCEL_CELL_CHARS, fitSpecTexts, fitText } from '../src/core/workbook/text-limit';
import { DOCX_LIMITS } from '../src/docx/package-limits';
import { MAX_PLAN_TEXT_BYTES, readPlanDocument } from '../src/docx/plan-document';
import { writeSummaryToExcel } from '../src/office/generate';
import { checkSubmission } from '../src/app/check-submission';
import { readWorkbook } from '../src/xlsx/read/index';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { deflatedZeros, rawZip } from './fixtures/xlsx/craft';
import { excelMock } from './helpers/excel-mock';
import { fillLedger } from './helpers/fill-ledger';
import { AS_OF, seedIndex, seedPlan, SHEET, withChanges } from './helpers/validate-fixture';

const BIN = path.join(__dirname, '..', 'bin', 'taizhang.js');
/** A school's 具体举措 three times what Excel holds. */
const LONG = '认真落实'.repeat(25_000);

let dir: string;
beforeAll(() => void (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-hostile-caps-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): { status: number | null; stdout: string; stderr: string; seconds: number } {
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--max-old-space-size=512', BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, seconds: (Date.now() - started) / 1000 };
}

/** Every string cell of a workbook we wrote, read back by our reader, with its address. */
function longestCell(bytes: Uint8Array): { sheet: string; address: string; length: number } {
  const read = readWorkbook(bytes);
  if (!read.ok) throw new Error(read.issue.code);
  let longest = { sheet: '', address: '', length: 0 };
  for (const sheet of read.workbook.sheets) {
    for (const c of sheet.cells) if (typeof c.value === 'string' && c.value.length > longest.length) longest = { sheet: sheet.name, address: c.address, length: c.value.length };
  }
  return longest;
}

/** The longest cell as openpyxl (a second, independent reader) sees it. */
function longestByOpenpyxl(file: string): number {
  const script = 'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nprint(max(len(str(c.value)) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None))';
  const run = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stdout.trim());
}

describe('fitText and fitSpecTexts', () => {
  test('a text past the limit keeps its beginning and says it was cut, 32,767 characters in all', () => {
    expect(fitText('短文字')).toBe('短文字');
    const exact = 'x'.repeat(EXCEL_CELL_CHARS);
    expect(fitText(exact)).toBe(exact);
    const cut = fitText(LONG);
    expect(cut).toHaveLength(EXCEL_CELL_CHARS);
    expect(cut.endsWith(CUT_MARK)).toBe(true);
    expect(LONG.startsWith(cut.slice(0, -CUT_MARK.length))).toBe(true);
  });

  test('a surrogate pair at the cut is kept whole or dropped whole', () => {
    const keep = EXCEL_CELL_CHARS - CUT_MARK.length;
    const text = 'a'.repeat(keep - 1) + '𠀀' + 'b'.repeat(EXCEL_CELL_CHARS); // the pair straddles the cut
    const cut = fitText(text);
    expect(cut.length).toBe(EXCEL_CELL_CHARS - 1);
    expect(cut.endsWith(CUT_MARK)).toBe(true);
    expect(cut.slice(0, -CUT_MARK.length) === 'a'.repeat(keep - 1)).toBe(true);
    const whole = fitText('a'.repeat(keep - 2) + '𠀀' + 'b'.repeat(EXCEL_CELL_CHARS)); // the pair ends at the cut
    expect(whole.slice(0, -CUT_MARK.length) === 'a'.repeat(keep - 2) + '𠀀').toBe(true);
  });

  test('only the long cells change, each named in a warning; a spec without any is returned as it is', () => {
    const spec = buildTemplateSpec(seedPlan);
    expect(fitSpecTexts(spec).spec).toBe(spec);
    const sheet = spec.sheets[1]!;
    const row = sheet.rows.find((r) => r.row === 3)!;
    const longSpec = { ...spec, sheets: spec.sheets.map((s) => (s === sheet ? { ...s, rows: s.rows.map((r) => (r === row ? { ...r, cells: r.cells.map((c) => (c.col === 4 ? { ...c, value: LONG } : c)) } : r)) } : s)) };
    const { spec: fitted, issues } = fitSpecTexts(longSpec);
    expect(issues).toEqual([
      { code: 'WORKBOOK_TEXT_CUT', severity: 'warning', where: { sheet: sheet.name, cell: 'D3' }, params: { sheet: sheet.name, cell: 'D3', length: LONG.length, limit: EXCEL_CELL_CHARS } },
    ]);
    expect(fitted.sheets[1]!.rows.find((r) => r.row === 3)!.cells.find((c) => c.col === 4)!.value).toBe(fitText(LONG));
    // Untouched sheets and rows are the same objects.
    expect(fitted.sheets[0]).toBe(longSpec.sheets[0]);
    expect(fitted.sheets[1]!.rows.find((r) => r.row === 4)).toBe(longSpec.sheets[1]!.rows.find((r) => r.row === 4));
  });
});

describe('a school cell of 100,000 characters', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await fillLedger(seedPlan, withChanges({ info: { unit: '仪征市实验小学' }, tasks: { P1T2: { measures: LONG } } }));
  });

  test('the ledger holds it cut, with a warning naming the school’s cell; the roll-up lists it and 明细 fits', async () => {
    const check = checkSubmission(bytes, '实验小学.xlsx', seedIndex, { asOf: AS_OF });
    if (check.status !== 'checked') throw new Error(check.issue.code);
    const row = check.ledger.rows.find((r) => r.taskId === 'P1T2' && r.kind === 'task')!;
    const address = `D${row.row}`;
    expect(row.cells.measures?.text).toBe(fitText(LONG));
    const cut = check.issues.filter((i) => i.code === 'LEDGER_TEXT_CUT');
    expect(cut).toEqual([expect.objectContaining({ severity: 'warning', where: { file: '实验小学.xlsx', sheet: SHEET.p1, cell: address }, params: expect.objectContaining({ length: LONG.length }) })]);

    const rollup = rollUp([{ file: '实验小学.xlsx', result: { status: 'checked', ledger: check.ledger, issues: check.issues } }], seedIndex, { asOf: AS_OF });
    expect(rollup.problems).toContainEqual(expect.objectContaining({ school: '仪征市实验小学', file: '实验小学.xlsx', sheet: SHEET.p1, cell: address, code: 'LEDGER_TEXT_CUT' }));
    const written: string[] = [];
    const summary = await renderWorkbook(buildSummarySpec(rollup, seedIndex), { onIssue: (i) => written.push(i.code) });
    expect(longestCell(summary).length).toBe(EXCEL_CELL_CHARS);
    expect(written).toEqual([]); // nothing left to cut: the ledger already fits
  });

  test('the built CLI rolls it up with a good file: balanced, warned, and every cell of the summary fits (read by openpyxl too)', async () => {
    const inbox = path.join(dir, '报送');
    fs.mkdirSync(inbox, { recursive: true });
    fs.writeFileSync(path.join(inbox, '实验小学.xlsx'), bytes);
    fs.writeFileSync(path.join(inbox, '新城中学.xlsx'), await fillLedger(seedPlan, withChanges({ info: { unit: '仪征市新城中学' } })));
    const hash = createHash('sha256').update(bytes).digest('hex');
    const output = path.join(dir, '汇总.xlsx');
    const run = cli(['rollup', inbox, '-o', output, '--json', '--as-of', AS_OF]);
    expect(run.status).toBe(0); // a warning, not an error
    expect(run.seconds).toBeLessThan(30);
    const result = JSON.parse(run.stdout) as { accounting: { filesRead: number; balanced: boolean }; schools: { name: string; files: { warnings: number }[] }[] };
    expect(result.accounting).toMatchObject({ filesRead: 2, balanced: true });
    expect(result.schools.find((s) => s.name === '仪征市实验小学')!.files[0]!.warnings).toBeGreaterThan(0);
    const summary = new Uint8Array(fs.readFileSync(output));
    expect(longestCell(summary).length).toBe(EXCEL_CELL_CHARS);
    expect(longestByOpenpyxl(output)).toBe(EXCEL_CELL_CHARS);
    const problems = readWorkbook(summary);
    if (!problems.ok) throw new Error(problems.issue.code);
    const list = problems.workbook.sheets.find((s) => s.name === '问题清单')!;
    expect(list.cells.some((c) => c.value === 'LEDGER_TEXT_CUT')).toBe(true);
    expect(createHash('sha256').update(fs.readFileSync(path.join(inbox, '实验小学.xlsx'))).digest('hex')).toBe(hash);
  }, 60_000);

  test('the Office writer cuts it too, with a note naming the cell', async () => {
    const check = checkSubmission(bytes, '实验小学.xlsx', seedIndex, { asOf: AS_OF });
    if (check.status !== 'checked') throw new Error(check.issue.code);
    // A summary spec with the uncut text put back into one 明细 cell, as another caller might build it.
    const spec = buildSummarySpec(rollUp([{ file: 'a.xlsx', result: { status: 'checked', ledger: check.ledger, issues: [] } }], seedIndex, { asOf: AS_OF }), seedIndex);
    const detail = spec.sheets.find((s) => s.name === '明细')!;
    const target = detail.rows[detail.rows.length - 1]!;
    const cell = target.cells[target.cells.length - 1]!;
    cell.value = LONG;
    const mock = excelMock(13);
    const result = await writeSummaryToExcel(spec, mock.env, { token: 't' });
    expect(result.ok).toBe(true);
    const letter = String.fromCharCode(64 + cell.col);
    expect(result.notes).toContainEqual(expect.objectContaining({ code: 'WORKBOOK_TEXT_CUT', where: { sheet: '明细', cell: `${letter}${target.row}` } }));
    const values = mock.ranges.flatMap((r) => (r.values as unknown[][] | undefined) ?? []).flat();
    const longest = values.reduce<number>((n, v) => Math.max(n, typeof v === 'string' ? v.length : 0), 0);
    expect(longest).toBeGreaterThanOrEqual(EXCEL_CELL_CHARS);
    expect(longest).toBeLessThanOrEqual(EXCEL_CELL_CHARS + 1); // +1: Excel's text prefix '
  });
});

describe('plans', () => {
  test('a one-task plan of 100,000 characters: the ledger is written with the task cut, and the warning names the cell', () => {
    const plan = path.join(dir, '超长工作要点.txt');
    fs.writeFileSync(plan, `仪征市教育系统2024年工作要点\n一、加强政治建设\n1. 坚持学习。${'坚持'.repeat(50_000)}\n`);
    const output = path.join(dir, '台账.xlsx');
    const run = cli(['generate', plan, '-o', output]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\[警告 WORKBOOK_TEXT_CUT\] 文件 台账\.xlsx，工作表“一、加强政治建设”，单元格 C3：这个单元格的文字有 \d+ 字/);
    expect(longestCell(new Uint8Array(fs.readFileSync(output)))).toEqual({ sheet: '一、加强政治建设', address: 'C3', length: EXCEL_CELL_CHARS });
    expect(longestByOpenpyxl(output)).toBe(EXCEL_CELL_CHARS);
  });

  test('a .txt plan past the size limit is refused at once with its code, before it is decoded', async () => {
    const big = new Uint8Array(MAX_PLAN_TEXT_BYTES + 1).fill(0x41);
    await expect(readPlanDocument(big, '工作要点.txt')).rejects.toMatchObject({ code: 'FAULT_PLAN_TOO_LARGE', params: { size: big.length } });
    const file = path.join(dir, '50MB.txt');
    fs.writeFileSync(file, `仪征市教育系统2024年工作要点\n一、加强政治建设\n1. 坚持学习。${'坚持'.repeat(8_000_000)}\n`);
    const run = cli(['generate', file, '-o', path.join(dir, 'x.xlsx')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('[FAULT_PLAN_TOO_LARGE]');
    expect(run.seconds).toBeLessThan(10);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });

  /** A .docx whose document part is `mb` megabytes of zeros, declaring `declared` bytes. */
  function docxBomb(mb: number, declared?: number): Uint8Array {
    const zeros = deflatedZeros(mb);
    return rawZip([
      { name: '[Content_Types].xml', data: strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
      { name: 'word/document.xml', data: new Uint8Array(0), body: zeros.body, declaredSize: declared ?? zeros.size, crc: zeros.crc },
    ]);
  }

  test.each([
    ['declares a part past the limit', () => docxBomb(200), 'word/document.xml'],
    ['declares 1 KB and inflates to 200 MB', () => docxBomb(200, 1024), 'word/document.xml'],
  ])('a .docx plan that %s is refused before mammoth reads it, in little time and memory', async (_, make, entry) => {
    const bytes = make();
    expect(bytes.length).toBeLessThan(DOCX_LIMITS.fileBytes);
    const started = Date.now();
    await expect(readPlanDocument(bytes, '工作要点.docx')).rejects.toMatchObject({ code: 'FAULT_DOCX_TOO_LARGE', params: { entry } });
    expect(Date.now() - started).toBeLessThan(5_000);
    const file = path.join(dir, '炸弹.docx');
    fs.writeFileSync(file, bytes);
    const run = cli(['parse', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('[FAULT_DOCX_TOO_LARGE]');
    expect(run.seconds).toBeLessThan(10);
  });

  test('a real .docx plan still reads (the check passes what mammoth needs)', async () => {
    const docx = path.join(__dirname, 'fixtures', 'plans');
    const found = fs.readdirSync(docx).find((f) => f.endsWith('.docx'));
    if (!found) throw new Error('no .docx plan among the fixtures');
    const plan = await readPlanDocument(new Uint8Array(fs.readFileSync(path.join(docx, found))), found);
    expect(plan.source).toBe('docx');
    expect(plan.plan.pillars.length).toBeGreaterThan(0);
    expect(indexTemplate(plan.plan).tasksById.size).toBeGreaterThan(0);
  });
});
