/**
 * The 通报 draft as .docx: converted to PDF by LibreOffice and read back with poppler
 * (the text a bureau head reads, page numbers on the outer side, the 附件 landscape), and
 * its document.xml checked for the GB/T 9704 measures (margins in twips, fonts with w:eastAsia).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { writeBriefing } from '../src/app/write-briefing';
import { convertDocument, pdfPages, pdfPageSizes, pdfWords, squash, tempDir } from './helpers/libreoffice';
import { demoInput } from './briefing-fixtures';

let bytes: Uint8Array;
let fileName: string;
let pdf: string;
let pages: string[];
let parts: Record<string, string>;

/** An 附件 page begins with its label and title (the body names them too, but never at a page's top). */
const isAnnex = (page: string) => /^附件[12](各学校落实情况排名表|逾期任务清单)/.test(page);

beforeAll(async () => {
  const input = demoInput();
  const before = JSON.stringify(input);
  ({ bytes, fileName } = await writeBriefing(input));
  expect(JSON.stringify(input)).toBe(before);
  const dir = tempDir('taizhang-briefing-');
  const docx = path.join(dir, '通报.docx');
  fs.writeFileSync(docx, bytes);
  pdf = convertDocument(docx, 'pdf', dir);
  pages = pdfPages(pdf).map(squash);
  parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
  // Kept for a human look: page 1 at 60 dpi beside the PDF.
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(dir, 'page')]);
});

test('the use case names the file with the plan and the as-of date', () => {
  expect(fileName).toBe('2024年党建工作要点-通报-2024-09-01.docx');
});

test('the PDF shows the title, the missing school and the lowest-ranked school in the body', () => {
  const body = pages.filter((p) => !isAnnex(p)).join('');
  expect(body).toContain(squash('关于《2024年党建工作要点》落实情况的通报'));
  expect(body).toContain('未报送1所（月塘小学）');
  expect(body).toContain('月塘小学未按时报送台账');
  expect(body).toContain('最低的是新城中学（40%）');
  expect(body).toContain('【请填写：补报截止日期】');
});

test('pages are numbered — N — in order, right on odd pages and left on even', () => {
  const sizes = pdfPageSizes(pdf);
  expect(pages.length).toBeGreaterThanOrEqual(3);
  pages.forEach((p, i) => expect(p).toContain(`—${i + 1}—`));
  pdfWords(pdf).forEach((words, i) => {
    const { width, height } = sizes[i]!;
    const number = words.find((w) => w.text.replace(/[—\s]/g, '') === String(i + 1) && w.yMin > height * 0.85);
    expect(number).toBeDefined();
    if ((i + 1) % 2 === 1) expect(number!.xMin).toBeGreaterThan(width * 0.75);
    else expect(number!.xMax).toBeLessThan(width * 0.25);
  });
});

test('the body is A4 portrait and the 附件 pages A4 landscape', () => {
  const sizes = pdfPageSizes(pdf);
  const annex = pages.map((p, i) => [p, i] as const).filter(([p]) => isAnnex(p));
  expect(annex.map(([p]) => p.match(/附件[12]/)![0])).toEqual(['附件1', '附件2']);
  annex.forEach(([, i]) => expect(sizes[i]).toEqual({ width: expect.closeTo(841.9, 0), height: expect.closeTo(595.3, 0) }));
  sizes.slice(0, annex[0]![1]).forEach((s) => expect(s).toEqual({ width: expect.closeTo(595.3, 0), height: expect.closeTo(841.9, 0) }));
  // 附件1 ranks every school; the two without figures come last.
  expect(pages[annex[0]![1]]).toMatch(/1实验小学.*2第二中学.*3新城中学.*—月塘小学.*—城东小学/);
});

test('document.xml has the GB/T 9704 margins (twips), sizes and East Asian fonts', () => {
  const xml = parts['word/document.xml']!;
  const margins = [...xml.matchAll(/<w:pgMar ([^>]*)\/>/g)].map((m) => m[1]!);
  expect(margins[0]).toMatch(/w:top="2098"/);
  expect(margins[0]).toMatch(/w:bottom="1984"/);
  expect(margins[0]).toMatch(/w:left="1587"/);
  expect(margins[0]).toMatch(/w:right="1474"/);
  expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  const runFonts = (name: string) => new RegExp(`<w:rFonts w:ascii="${name}" w:cs="${name}" w:eastAsia="${name}" w:hAnsi="${name}"/>`);
  for (const font of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312']) expect(xml).toMatch(runFonts(font));
  // The title run: 2号 (44 half-points) 小标宋; body 3号 at fixed 28 pt with a two-character first-line indent.
  expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
  expect(xml).toMatch(/<w:spacing w:line="560" w:lineRule="exact"\/><w:ind w:firstLine="640" w:firstLineChars="200"\/>/);
  expect(xml).toMatch(/<w:rStyle w:val="BriefingFill"\/>/);
  expect(parts['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>/);
});

test('footers: — PAGE — in 4号宋体, right on odd pages and left on even', () => {
  const footers = Object.entries(parts).filter(([name]) => /^word\/footer\d+\.xml$/.test(name)).map(([, x]) => x);
  const odd = footers.filter((x) => x.includes('w:val="right"'));
  const even = footers.filter((x) => x.includes('w:val="left"'));
  expect(odd.length).toBeGreaterThanOrEqual(1);
  expect(even.length).toBeGreaterThanOrEqual(1);
  for (const x of [...odd, ...even]) {
    expect(x).toMatch(/w:eastAsia="宋体"/);
    expect(x).toMatch(/<w:sz w:val="28"\/>/);
    expect(x).toMatch(/PAGE/);
    expect(x).toContain('— ');
  }
});
