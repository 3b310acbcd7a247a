/**
 * The ledger of the seed plan printed to PDF by LibreOffice: A4 landscape
 * pillar pages, every task title printed, the header row repeated on every
 * page, rows tall enough that wrapped text does not run into the next row,
 * and real Chinese text in embedded CJK fonts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Plan } from '../src/core/model';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { columnWords, convertBytes, pdfFonts, pdfPages, pdfPageSizes, pdfWords, squash, type PdfWord } from './helpers/libreoffice';
import { seedPlan } from './helpers/seed-plan';

let plan: Plan;
let pdf: string;
let pages: string[];
let words: PdfWord[][];

beforeAll(async () => {
  plan = seedPlan();
  pdf = convertBytes(await renderWorkbook(buildTemplateSpec(plan, { unit: '仪征市实验小学' })), 'pdf');
  pages = pdfPages(pdf);
  words = pdfWords(pdf);
  // Kept for a human look: pdftoppm -png -r 60 -f 2 -l 2 <this file> /tmp/page
  fs.copyFileSync(pdf, path.join(path.dirname(pdf), '..', 'taizhang-seed-ledger.pdf'));
});

/** Pages of the pillar tables: those with a printed header cell 备注 (the 填报说明 page has none). */
const pillarPages = (): number[] => words.map((_, i) => i).filter((i) => words[i]!.some((w) => w.text === '备注'));

test('填报说明 prints portrait, every pillar page A4 landscape', () => {
  const sizes = pdfPageSizes(pdf);
  expect(sizes).toHaveLength(pages.length);
  expect(sizes[0]!.height).toBeGreaterThan(sizes[0]!.width);
  expect(pillarPages().length).toBeGreaterThanOrEqual(plan.pillars.length);
  for (const i of pillarPages()) {
    expect(sizes[i]!.width).toBeCloseTo(841.9, 0);
    expect(sizes[i]!.height).toBeCloseTo(595.3, 0);
  }
});

test('the header row and the pillar title are repeated on every pillar page; footer numbers pages', () => {
  for (const i of pillarPages()) {
    const text = squash(pages[i]!);
    for (const header of ['序号', '工作任务', '工作要求', '责任单位', '完成时限', '完成情况', '状态']) expect(text).toContain(header);
    expect(plan.pillars.some((p) => text.includes(squash(`${p.numeral}、${p.title}`)))).toBe(true);
    expect(text).toContain(`第${i + 1}页共${pages.length}页`);
  }
});

test('every task title is printed whole in the 工作任务 column, and its body in 工作要求', () => {
  const taskColumn = squash(pillarPages().flatMap((i) => columnWords(words[i]!, '工作任务', '序号')).map((w) => w.text).join(''));
  const bodyColumn = squash(pillarPages().flatMap((i) => columnWords(words[i]!, '工作要求', '工作任务')).map((w) => w.text).join(''));
  for (const task of plan.pillars.flatMap((p) => p.tasks)) {
    expect(taskColumn).toContain(squash(task.title));
    expect(bodyColumn).toContain(squash(task.body).slice(0, 30));
  }
});

test('rows are tall enough: each body ends above the next task number', () => {
  let checked = 0;
  for (const i of pillarPages()) {
    const page = words[i]!;
    const seqColumnRight = page.find((w) => w.text === '序号')!.xMax + 4;
    for (const task of plan.pillars.flatMap((p) => p.tasks)) {
      const tail = page.find((w) => w.text.length >= 3 && squash(task.body).endsWith(squash(w.text)));
      const next = page.find((w) => w.text === String(task.no + 1) && w.xMax <= seqColumnRight);
      if (!tail || !next) continue;
      expect([task.id, tail.yMax < next.yMin]).toEqual([task.id, true]);
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(8);
});

test('the hidden 任务编号 column is not printed', () => {
  for (const i of pillarPages()) {
    const remark = words[i]!.find((w) => w.text === '备注')!;
    expect(words[i]!.filter((w) => w.xMin > remark.xMax + 2 && w.yMin > remark.yMax)).toEqual([]);
  }
  expect(squash(pages.join(''))).not.toMatch(/P1T1/);
});

test('Chinese is real text in embedded CJK fonts (no tofu, no replacement characters)', () => {
  const all = pages.join('');
  expect(squash(all)).toContain('“状态”请从下拉列表中选择');
  expect(squash(all)).toContain('仪征市实验小学');
  expect(all).not.toContain('\uFFFD');
  const fonts = pdfFonts(pdf);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) expect(font).toMatch(/CJK/);
});
