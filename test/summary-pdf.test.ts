/**
 * The summary printed to PDF by LibreOffice, with enough schools that 明细
 * runs over several pages: every page A4 landscape, the title and header
 * printed again on each page of 明细, page numbers, real Chinese text in CJK
 * fonts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rollUp } from '../src/core/rollup/roll-up';
import { buildSummarySpec } from '../src/core/summary/build-summary';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { convertBytes, pdfFonts, pdfPages, pdfPageSizes, squash } from './helpers/libreoffice';
import { ALL_DONE, AS_OF, index, submitted } from './rollup-fixtures';
import { ROSTER, summaryInputs } from './summary-fixtures';

const MORE = Array.from({ length: 30 }, (_, i) => `第${i + 1}中学`);

let pdf: string;
let pages: string[];

beforeAll(async () => {
  const inputs = [
    ...summaryInputs(),
    ...MORE.map((school, i) => submitted(`${school}.xlsx`, { unit: school, reporter: '王老师', date: '2024-08-15', tasks: i % 3 === 0 ? ALL_DONE : {} })),
  ];
  const rollup = rollUp(inputs, index, { roster: [...ROSTER, ...MORE], asOf: AS_OF });
  pdf = convertBytes(await renderWorkbook(buildSummarySpec(rollup, index)), 'pdf', 'summary.xlsx');
  pages = pdfPages(pdf).map(squash);
  // Kept for a human look: pdftoppm -png -r 60 -f 1 -l 1 <this file> /tmp/page
  fs.copyFileSync(pdf, path.join(path.dirname(pdf), '..', 'taizhang-summary.pdf'));
});

test('every page is A4 landscape', () => {
  const sizes = pdfPageSizes(pdf);
  expect(sizes).toHaveLength(pages.length);
  for (const size of sizes) {
    expect(size.width).toBeCloseTo(841.9, 0);
    expect(size.height).toBeCloseTo(595.3, 0);
  }
});

test('each sheet prints, in order, with 第 N 页 共 M 页', () => {
  const firstPage = (title: string) => pages.findIndex((p) => p.includes(squash(title)));
  const order = ['报送情况', '完成情况汇总', '按任务统计', '填报明细', '问题清单', '重复报送变化', '数据核对'].map((t) => firstPage(`2024年党建工作要点 ${t}`));
  expect(order.every((i) => i >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  pages.forEach((p, i) => expect(p).toContain(`第${i + 1}页共${pages.length}页`));
});

test('明细 runs over several pages, each with the title and the header row', () => {
  const detail = pages.filter((p) => p.includes('填报明细'));
  expect(detail.length).toBeGreaterThanOrEqual(2);
  for (const page of detail) {
    // Narrow header cells wrap and interleave in the text layer; these fit on one line.
    for (const header of ['学校', '工作任务', '具体举措', '完成情况', '来源文件', '来源工作表']) expect(page).toContain(header);
  }
  // Rows of the last school in name order reach a later page than the first.
  expect(detail[0]).toContain('仪征市实验小学');
  expect(detail.slice(1).some((p) => p.includes('第9中学'))).toBe(true);
});

test('Chinese is real text in embedded CJK fonts', () => {
  const all = pages.join('');
  for (const text of ['未报送', '名单外', '已完成', '逾期', '核对结果', '相符', '真州小学']) expect(all).toContain(text);
  expect(all).not.toContain('\uFFFD');
  const fonts = pdfFonts(pdf);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) expect(font).toMatch(/CJK/);
});
