/**
 * PDF plans end to end, through the built CLI (`taizhang parse --json` in a
 * child process: pdfjs is ES modules only, which jest cannot load): the seed's
 * PDF made by LibreOffice gives the same plan as the seed's text; our own plan
 * as a 公文 PDF with running header and page numbers gives the same plan as its
 * text; Chinese in fonts that are not embedded reads only with the CMaps we
 * ship; a scan, a damaged file and a locked file each get their own code.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { messageFor } from '../src/core/issues';
import { pdfPages, squash, tempDir } from './helpers/libreoffice';
import { craftPdf, type CraftLine } from './helpers/pdf-craft';
import { comparable, expectedFromText, parseWithCli } from './helpers/parse-cli';
import { ANQING_FILE, PLANS, RUNNING_HEADER, SEED_FILE } from './helpers/plan-fixtures';

const ROOT = path.join(__dirname, '..');
const SEED = fs.readFileSync(SEED_FILE, 'utf8');
const ANQING = fs.readFileSync(ANQING_FILE, 'utf8');

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('PDF plans made by LibreOffice', () => {
  test('the seed’s PDF gives the same plan as the seed’s text: header, title, preamble, pillars, tasks, titles, bodies, notes, issues', () => {
    const pdf = path.join(PLANS, 'yizheng-2024.pdf');
    const before = sha(pdf);
    const result = parseWithCli(pdf);
    expect(result.code).toBe(0);
    expect(result.json!.source).toBe('pdf');
    const expected = expectedFromText(SEED);
    expect(expected.plan.pillars.map((p) => p.tasks.length)).toEqual([4, 3, 3, 4]);
    expect(comparable(result.json!)).toEqual(comparable(expected));
    expect(sha(pdf)).toBe(before);
  });

  test.each(['anqing-2025-safety.header-dash.pdf', 'anqing-2025-safety.page-of.pdf'])(
    '%s: running header, footer and page numbers are dropped, paragraphs broken across pages are whole again',
    (file) => {
      const result = parseWithCli(path.join(PLANS, file));
      expect(result.code).toBe(0);
      const expected = expectedFromText(ANQING);
      expect(expected.plan.pillars.map((p) => p.tasks.length)).toEqual([3, 3, 3]);
      expect(comparable(result.json!)).toEqual(comparable(expected));
      // Not vacuous: the furniture is printed on every page (poppler's reading of the same file).
      const pages = pdfPages(path.join(PLANS, file));
      expect(pages).toHaveLength(3);
      for (const [i, page] of pages.entries()) {
        const squashed = squash(page);
        expect(squashed).toMatch(file.includes('dash') ? new RegExp(`^${RUNNING_HEADER}.*—${i + 1}—$`) : new RegExp(`第${i + 1}页共3页$`));
      }
    },
  );

  test('the text-mode outline of the seed’s PDF is the one of its text, line numbers aside', () => {
    const fromPdf = parseWithCli(path.join(PLANS, 'yizheng-2024.pdf'), { json: false });
    const fromText = parseWithCli(SEED_FILE, { json: false });
    const strip = (s: string) => s.replace(/第 \d+ 行，?/g, '');
    expect(strip(fromPdf.stdout)).toBe(strip(fromText.stdout));
  });
});

const PLAN_LINES: CraftLine[] = [
  { text: '某某学校2025年德育工作要点', x: 150, y: 760, size: 18 },
  { text: '一、加强思想引领', x: 72, y: 700 },
  { text: '1. 开展主题班会。每月一次，由各班主任组织。', x: 72, y: 680 },
  { text: '2. 办好升旗仪式。（责任部门：德育处；2025年6月底前）', x: 72, y: 660 },
];

describe('Chinese in fonts that are not embedded (STSong-Light through Adobe’s CMaps)', () => {
  test.each(['UniGB-UCS2-H', 'GBK-EUC-H'] as const)('%s reads with the CMaps shipped in pdfjs-dist', (encoding) => {
    const result = parseWithCli(write('德育.pdf', craftPdf([PLAN_LINES], { encoding })));
    expect(result.code).toBe(0);
    expect(result.json!.plan.title).toBe('某某学校2025年德育工作要点');
    const tasks = result.json!.plan.pillars[0]!.tasks;
    expect(tasks.map((t) => [t.title, t.body])).toEqual([
      ['开展主题班会', '每月一次，由各班主任组织。'],
      ['办好升旗仪式', ''],
    ]);
    expect(tasks[1]!.notes).toMatchObject({ units: ['德育处'], deadline: '2025年6月底前' });
  });

  test('without the CMaps the same file has no readable text: the test above depends on them', () => {
    const file = write('德育.pdf', craftPdf([PLAN_LINES], { encoding: 'GBK-EUC-H' }));
    const script = `
      const { readPdfText } = require(${JSON.stringify(path.join(ROOT, 'lib', 'pdf', 'read-pdf.js'))});
      const { nodePdfRuntime } = require(${JSON.stringify(path.join(ROOT, 'lib', 'cli', 'pdf-runtime.js'))});
      const bytes = new Uint8Array(require('fs').readFileSync(${JSON.stringify(file)}));
      readPdfText(bytes, 'x.pdf', { ...nodePdfRuntime(), cMapUrl: '/nowhere/' }).then((r) => process.stdout.write(JSON.stringify(r)));`;
    const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out.stdout)).toEqual({ text: '', issues: [expect.objectContaining({ code: 'PLAN_PDF_NO_TEXT' })] });
  });
});

describe('PDFs that cannot be read say why', () => {
  test('a scan (LibreOffice’s PDF of a page picture) is PLAN_PDF_NO_TEXT with the plain message, exit 1', () => {
    const result = parseWithCli(path.join(PLANS, 'yizheng-2024.scan.pdf'));
    expect(result.code).toBe(1);
    expect(result.json!.issues).toEqual([
      expect.objectContaining({ code: 'PLAN_PDF_NO_TEXT', severity: 'error', message: messageFor('PLAN_PDF_NO_TEXT', {}) }),
    ]);
    expect(messageFor('PLAN_PDF_NO_TEXT', {})).toContain('请使用原始电子版 PDF 或 .docx，扫描件需先做文字识别');
    const text = parseWithCli(path.join(PLANS, 'yizheng-2024.scan.pdf'), { json: false });
    expect(text.stdout + text.stderr).toContain('PLAN_PDF_NO_TEXT');
  });

  test('pages with no text between pages with text are named in a warning', () => {
    const result = parseWithCli(write('混合.pdf', craftPdf([PLAN_LINES, [], PLAN_LINES.slice(1, 2)])));
    expect(result.json!.issues.map((i) => [i.code, i.params])).toContainEqual(['PLAN_PDF_PAGES_NO_TEXT', { pages: '2' }]);
  });

  test.each([
    ['garbage after a PDF header', () => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0x5a)]))],
    ['a PDF header and nothing else', () => new TextEncoder().encode('%PDF-1.4\n')],
  ])('%s is FAULT_PDF_INVALID naming the file, exit 2, no stack trace', (_name, bytes) => {
    const file = write('坏的.pdf', bytes());
    const result = parseWithCli(file);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[FAULT_PDF_INVALID]');
    expect(result.stderr).toContain(file);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('a PDF cut off halfway is read as far as it goes or refused, never a crash; cut off, it says so', () => {
    const whole = fs.readFileSync(path.join(PLANS, 'yizheng-2024.pdf'));
    const result = parseWithCli(write('半截.pdf', whole.subarray(0, Math.floor(whole.length / 2))));
    expect(result.stderr).not.toMatch(/\n\s+at /);
    if (result.code === 2) expect(result.stderr).toContain('[FAULT_PDF_INVALID]');
    else expect(result.json!.issues.map((i) => i.code)).toContain('PLAN_PDF_TRUNCATED');
  });

  test('a PDF with an open password is FAULT_PDF_ENCRYPTED', () => {
    const result = parseWithCli(write('加密.pdf', craftPdf([PLAN_LINES], { encrypted: true })));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[FAULT_PDF_ENCRYPTED]');
  });

  test('a PDF of more pages than a plan has is refused before its pages are read, within 10 s', () => {
    const pages = Array.from({ length: 301 }, () => PLAN_LINES.slice(0, 1));
    const started = Date.now();
    const result = parseWithCli(write('很长.pdf', craftPdf(pages)));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.stderr).toContain('[FAULT_PDF_TOO_LONG]');
  });
});
