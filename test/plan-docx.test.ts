/**
 * .docx plans. The fixture was made by LibreOffice from the seed text
 * (`soffice --headless --infilter="Text (encoded):UTF8" --convert-to docx:"MS Word 2007 XML"`),
 * so it is a file written by another program, not by us.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { parsePlan } from '../src/core/plan/index';
import { extractDocxText } from '../src/docx/extract-text';

const FIXTURES = path.join(__dirname, 'fixtures', 'plans');
const SEED_TEXT = fs.readFileSync(path.join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8');

describe('extractDocxText', () => {
  test('reads the LibreOffice .docx into the same plan as the .txt', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'yizheng-2024.docx')));
    const text = await extractDocxText(bytes, 'yizheng-2024.docx');
    // One paragraph per line: LibreOffice made one paragraph of each seed line,
    // empty ones included, so the text (and every line number) comes back exactly.
    expect(text).toBe(SEED_TEXT);
    const fromDocx = parsePlan(text);
    expect(fromDocx.issues).toEqual([]);
    expect(fromDocx.plan.pillars.map((p) => p.tasks.length)).toEqual([4, 3, 3, 4]);
    expect(fromDocx).toEqual(parsePlan(SEED_TEXT));
  });

  test('works on a view into a larger buffer', async () => {
    const file = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'yizheng-2024.docx')));
    const padded = new Uint8Array(file.length + 16);
    padded.set(file, 8);
    const text = await extractDocxText(padded.subarray(8, 8 + file.length), 'x.docx');
    expect(text).toContain('仪征市教育系统 2024 年党建统群工作要点');
  });

  test('random bytes are FAULT_DOCX_INVALID naming the file', async () => {
    const junk = new Uint8Array(2048).map((_, i) => (i * 7919 + 13) % 256);
    await expect(extractDocxText(junk, '要点.docx')).rejects.toMatchObject({
      name: 'TaizhangError',
      code: 'FAULT_DOCX_INVALID',
      params: { file: '要点.docx' },
    });
  });

  test('a zip without word/document.xml is FAULT_DOCX_INVALID', async () => {
    const zip = zipSync({ 'hello.txt': strToU8('不是 Word 文档') });
    await expect(extractDocxText(zip, 'renamed.docx')).rejects.toMatchObject({
      code: 'FAULT_DOCX_INVALID',
      params: { file: 'renamed.docx' },
    });
  });

  test('an empty file is FAULT_DOCX_INVALID', async () => {
    await expect(extractDocxText(new Uint8Array(), 'empty.docx')).rejects.toMatchObject({ code: 'FAULT_DOCX_INVALID' });
  });
});
