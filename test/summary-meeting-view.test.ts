/**
 * The summary as a bureau head reads it at a meeting, read back by openpyxl
 * (not our reader): every roster school in 汇总 in roster order, submitted or
 * not, with its state as text; the rank column; 逾期清单 one row per 红 cell;
 * 催报名单 the schools to call; the new sheets print like the others. Then
 * LibreOffice prints it: the first page names who is behind and who is missing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue } from '../src/core/issues';
import { rollUp } from '../src/core/rollup/roll-up';
import { buildSummarySpec } from '../src/core/summary/build-summary';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { PYTHON } from './helpers/openpyxl';
import { convertBytes, pdfPages, squash, tempDir } from './helpers/libreoffice';
import { AS_OF, index } from './rollup-fixtures';
import { FORMULA_LIKE, ROSTER, summaryInputs } from './summary-fixtures';

const SCRIPT = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    fills = [[c.fill.fgColor.rgb if c.fill.patternType else None for c in row] for row in ws.iter_rows()]
    ps = ws.page_setup
    out[ws.title] = {'rows': rows, 'fills': fills, 'print': [ps.orientation, ps.paperSize, ws.print_title_rows, ws.oddFooter.center.text]}
json.dump(out, sys.stdout, ensure_ascii=False, default=str)
`;

type Sheet = { rows: (string | number | null)[][]; fills: (string | null)[][]; print: [string, number, string, string] };

const rollup = rollUp(summaryInputs(), index, { roster: ROSTER, asOf: AS_OF, pace: { dueSoonDays: 15, notStartedShare: 0.5, lowestCount: 1 } });
let bytes: Uint8Array;
let book: Record<string, Sheet>;

/** Body rows of a table sheet: the rows under the header row whose first cell is a 序号. */
function body(sheet: Sheet, headerFirst = '序号'): (string | number | null)[][] {
  const header = sheet.rows.findIndex((r) => r[0] === headerFirst);
  const rows = sheet.rows.slice(header + 1);
  const end = rows.findIndex((r) => typeof r[0] !== 'number');
  return end < 0 ? rows : rows.slice(0, end);
}

beforeAll(async () => {
  bytes = await renderWorkbook(buildSummarySpec(rollup, index));
  const file = path.join(tempDir(), 'summary.xlsx');
  fs.writeFileSync(file, bytes);
  const run = spawnSync(PYTHON, ['-c', SCRIPT, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(run.stderr);
  book = JSON.parse(run.stdout) as Record<string, Sheet>;
});

test('汇总 lists every roster school in roster order, then the school not on it, each with its state as text', () => {
  const rows = body(book['汇总']!);
  expect(rows.map((r) => r[1])).toEqual([...ROSTER, FORMULA_LIKE.unit]);
  const state = new Map(rows.map((r) => [r[1], r[2]]));
  expect(state.get('月塘小学')).toBe('未报送');
  expect(state.get('大仪中学')).toBe('无法读取');
  expect(state.get('刘集中学')).toBe('非本模板');
  // A school that sent nothing: no task state, no rate, no rank.
  const missing = rows.find((r) => r[1] === '月塘小学')!;
  expect(missing.slice(3, 8)).toEqual(['—', '—', '—', '—', '—']);
});

test('汇总: the rank column holds each school’s place; the lowest one says 进度靠后', () => {
  const sheet = book['汇总']!;
  const header = sheet.rows.find((r) => r[0] === '序号')!;
  const rankCol = header.indexOf('排名');
  expect(header.slice(-5)).toEqual(['序时进度', '红', '黄', '绿', '排名']);
  const rows = body(sheet);
  for (const school of rollup.schools) {
    const row = rows.find((r) => r[1] === school.name)!;
    expect([school.name, row[rankCol] ?? '']).toEqual([school.name, school.rank ?? '']);
  }
  // The totals row lines up with the header: overall rate under 总体, the 红/黄/绿 counts under theirs.
  const total = sheet.rows.find((r) => r[1] === '完成率')!;
  expect(total[header.indexOf('总体')]).toBeCloseTo(rollup.overall.overall.rate);
  expect(['红', '黄', '绿'].map((l) => total[header.indexOf(l)])).toEqual([rollup.lightCounts.红, rollup.lightCounts.黄, rollup.lightCounts.绿]);
  const ranks = rollup.schools.flatMap((s) => (s.rank ? [s.rank] : []));
  // 仪征市实验小学, 真州小学, 新城中学 and the school not on the roster sent usable files.
  expect(ranks.length).toBe(4);
  const lowest = rollup.schools.filter((s) => s.rank === Math.max(...ranks));
  for (const s of lowest) expect(rows.find((r) => r[1] === s.name)![2]).toBe('进度靠后');
});

test('逾期清单 has one row per 红 cell of 汇总, with who to call', () => {
  const sheet = book['汇总']!;
  const start = sheet.rows.findIndex((r) => r[0] === '序号') + 1;
  const red = new Set<string>();
  sheet.rows.forEach((row, r) => {
    if (r < start || typeof row[0] !== 'number') return;
    for (let c = 3; c < 3 + rollup.tasks.length; c++) if (sheet.fills[r]![c] === 'FFFFC7CE') red.add(`${row[1]}|${rollup.tasks[c - 3]!.no}`);
  });
  expect(red.size).toBeGreaterThan(0);
  const overdue = body(book['逾期清单']!);
  expect(new Set(overdue.map((r) => `${r[1]}|${String(r[3]).split('.')[0]}`))).toEqual(red);
  expect(overdue).toHaveLength(red.size);
  const zhenzhou = overdue.find((r) => r[1] === '真州小学')!;
  expect(zhenzhou.slice(5, 10)).toEqual(['钱老师', '13812345678', '2024-06-30', '2024-06-30', '逾期（推进中）']);
});

test('催报名单: the schools not submitted, unreadable or not on the template, in roster order', () => {
  const rows = body(book['催报名单']!);
  expect(rows.map((r) => [r[1], r[2]])).toEqual([
    ['月塘小学', '未报送'],
    ['大仪中学', '无法读取'],
    ['刘集中学', '非本模板'],
    ['陈集小学', '未报送'],
    ['马集小学', '未报送'],
  ]);
});

test('a school whose adopted file has errors is on 催报名单 with its 填报人 and 联系电话', () => {
  const inputs = summaryInputs().map((i) =>
    i.file === '仪征市实验小学.xlsx' && i.result.status === 'checked'
      ? { ...i, result: { ...i.result, issues: [issue('VALIDATE_STATUS_MISSING', 'error', { file: i.file }, {})] } }
      : i,
  );
  const spec = buildSummarySpec(rollUp(inputs, index, { roster: ROSTER, asOf: AS_OF }), index);
  const chase = spec.sheets.find((s) => s.name === '催报名单')!;
  const row = chase.rows.find((r) => r.cells[1]?.value === '仪征市实验小学')!;
  expect(row.cells.slice(2, 5).map((c) => c.value)).toEqual(['有 1 处错误', '赵老师', '0514-83456789']);
});

test('the new sheets print like the others: A4 landscape, header repeated, page numbers', () => {
  for (const name of ['汇总', '逾期清单', '催报名单', '报送情况']) {
    const [orientation, paper, titles, footer] = book[name]!.print;
    expect([name, orientation, paper, footer]).toEqual([name, 'landscape', 9, '第 &P 页 共 &N 页']);
    expect(titles).toMatch(/^\$1:\$\d+$/);
  }
});

test('--sort rate: 汇总 by rank, schools without a place after them', () => {
  const byRate = rollUp(summaryInputs(), index, { roster: ROSTER, asOf: AS_OF, sortBy: 'rate' });
  const matrix = buildSummarySpec(byRate, index).sheets.find((s) => s.name === '汇总')!;
  const header = matrix.freeze!.rows;
  const names = matrix.rows.filter((r) => r.row > header && typeof r.cells[0]?.value === 'number').map((r) => String(r.cells[1]!.value));
  const places = names.map((n) => byRate.schools.find((s) => s.name === n)!.rank ?? Infinity);
  expect(places).toEqual([...places].sort((a, b) => a - b));
  expect(names).toHaveLength(ROSTER.length + 1);
});

test('printed by LibreOffice, the first page names the schools behind and the schools missing', () => {
  const pdf = convertBytes(bytes, 'pdf', 'summary.xlsx');
  const first = squash(pdfPages(pdf)[0]!);
  for (const name of ['月塘小学', '大仪中学', '刘集中学', '陈集小学', '马集小学', '未报送', '无法读取', '进度靠后', '序时进度', '排名']) expect(first).toContain(name);
  for (const s of rollup.schools.filter((x) => x.lagging)) expect(first).toContain(s.name);
  // Kept for a human look: pdftoppm -png -r 60 -f 1 -l 1 <this file> /tmp/page
  fs.copyFileSync(pdf, path.join(path.dirname(pdf), '..', 'taizhang-meeting-view.pdf'));
}, 120_000);
