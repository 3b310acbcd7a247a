/**
 * The same plan saved by different editors must read the same: UTF-8 with and
 * without BOM, UTF-16 LE/BE with BOM (Notepad "Unicode") and without (other
 * programs, `iconv -t UTF-16LE`), GB18030 with CRLF
 * (Notepad "ANSI" on Chinese Windows; the fixture was made with
 * `iconv -f UTF-8 -t GB18030` and CRLF line ends).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodePlanText } from '../src/core/plan/decode-text';
import { parsePlan } from '../src/core/plan/index';

const SEED_TEXT = fs.readFileSync(path.join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8');
const GB_FIXTURE = path.join(__dirname, 'fixtures', 'plans', 'yizheng-2024.gb18030-crlf.txt');

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [first, second] = bigEndian ? [unit >> 8, unit & 0xff] : [unit & 0xff, unit >> 8];
    bytes[2 + i * 2] = first;
    bytes[3 + i * 2] = second;
  }
  return bytes;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const expected = parsePlan(SEED_TEXT);

describe('decodePlanText', () => {
  const cases: [string, () => Uint8Array, string][] = [
    ['UTF-8 without BOM', () => utf8(SEED_TEXT), 'utf-8'],
    ['UTF-8 with BOM', () => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SEED_TEXT)]), 'utf-8'],
    ['UTF-16LE with BOM', () => utf16(SEED_TEXT, false), 'utf-16le'],
    ['UTF-16BE with BOM', () => utf16(SEED_TEXT, true), 'utf-16be'],
    ['UTF-16LE without BOM', () => utf16(SEED_TEXT, false).subarray(2), 'utf-16le'],
    ['UTF-16BE without BOM', () => utf16(SEED_TEXT, true).subarray(2), 'utf-16be'],
    ['GB18030 with CRLF', () => new Uint8Array(fs.readFileSync(GB_FIXTURE)), 'gb18030'],
  ];

  test.each(cases)('%s gives the seed text and the same plan', (_name, bytes, encoding) => {
    const decoded = decodePlanText(bytes());
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.issues).toEqual([]);
    expect(decoded.text).toBe(SEED_TEXT);
    expect(parsePlan(decoded.text)).toEqual(expected);
  });

  test('the GB18030 fixture really is GB18030 with CRLF, not UTF-8', () => {
    const bytes = new Uint8Array(fs.readFileSync(GB_FIXTURE));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(bytes.includes(0x0d)).toBe(true);
  });

  test('CR-only line ends become LF, so line numbers still match', () => {
    const decoded = decodePlanText(utf8('一、甲\r1. 乙。\r\n2. 丙。'));
    expect(decoded.text).toBe('一、甲\n1. 乙。\n2. 丙。');
    expect(parsePlan(decoded.text).plan.pillars[0]?.tasks.map((t) => t.line)).toEqual([2, 3]);
  });

  test('replacement characters are reported with their count', () => {
    // A BOM forces UTF-8; the lone 0xFF bytes cannot be decoded.
    const decoded = decodePlanText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42, 0xff]));
    expect(decoded.text).toBe('A\uFFFDB\uFFFD');
    expect(decoded.issues).toEqual([
      { code: 'PLAN_DECODE_REPLACED', severity: 'warning', where: {}, params: { count: 2 } },
    ]);
  });

  test('empty input decodes to empty UTF-8 text', () => {
    expect(decodePlanText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', issues: [] });
  });
});
