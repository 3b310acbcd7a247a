/**
 * Word's automatic numbering in .docx plans: the 一、 /（一）/ 1. that Word
 * shows but that are not in the text (numbering.xml) come out as the text
 * they display. Fixtures: .docx files built here with numbering.xml
 * (test/helpers/docx-build.ts, our own zip writer), and ones LibreOffice
 * Writer made from list numbering (test/fixtures/plans/*.numbered.docx).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlan } from '../src/core/plan/index';
import { formatListNumber } from '../src/docx/number-format';
import { extractDocxText } from '../src/docx/extract-text';
import { abstractNum, buildDocx, num, paragraphStyle, type Paragraph } from './helpers/docx-build';
import { comparable } from './helpers/parse-cli';
import { ANQING_FILE, PLANS, SEED_FILE } from './helpers/plan-fixtures';
import { deflatedZeros, rawZip } from './fixtures/xlsx/craft';

const SEED = fs.readFileSync(SEED_FILE, 'utf8');
const THREE_LEVEL = fs.readFileSync(path.join(PLANS, 'three-level-2025.txt'), 'utf8');

async function textOf(paragraphs: (Paragraph | string)[], numbering: string[] = [], styles: string[] = []): Promise<string[]> {
  return (await extractDocxText(await buildDocx({ paragraphs, numbering, styles }), 't.docx')).split('\n');
}

describe('formatListNumber', () => {
  test.each([
    ['decimal', [1, 9, 10, 123], ['1', '9', '10', '123']],
    ['decimalZero', [1, 9, 10], ['01', '09', '10']],
    ['chineseCounting', [1, 9, 10, 11, 19, 20, 21, 99, 101], ['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一〇一']],
    ['chineseCountingThousand', [10, 11, 100, 101, 110, 1010], ['十', '十一', '一百', '一百〇一', '一百一十', '一千〇一十']],
    ['taiwaneseCountingThousand', [3, 12], ['三', '十二']],
    ['chineseLegalSimplified', [1, 10, 11, 20], ['壹', '壹拾', '壹拾壹', '贰拾']],
    ['ideographLegalTraditional', [2, 3], ['貳', '參']],
    ['ideographTraditional', [1, 3, 10, 11], ['甲', '丙', '癸', '11']],
    ['ideographZodiac', [1, 12, 13], ['子', '亥', '13']],
    ['ideographDigital', [2024, 10], ['二〇二四', '一〇']],
    ['decimalFullWidth', [1, 12], ['１', '１２']],
    ['decimalEnclosedCircle', [1, 10, 20, 21], ['①', '⑩', '⑳', '21']],
    ['decimalEnclosedParen', [1, 3, 20], ['⑴', '⑶', '⒇']],
    ['decimalEnclosedFullstop', [1, 3], ['⒈', '⒊']],
    ['lowerLetter', [1, 26, 27, 28], ['a', 'z', 'aa', 'bb']],
    ['upperLetter', [3], ['C']],
    ['lowerRoman', [4, 9, 14], ['iv', 'ix', 'xiv']],
    ['upperRoman', [1994], ['MCMXCIV']],
    ['none', [5], ['']],
    ['someFutureFormat', [5], ['5']],
  ])('%s', (format, values, shown) => {
    expect(values.map((n) => formatListNumber(n, format))).toEqual(shown);
  });
});

const PILLAR = /^([一二三四五六七八九十]+)、/;
const GROUP = /^（([一二三四五六七八九十]+)）/;
const TASK = /^(\d+|[０-９]+)[.．]\s*/;
const SUB = /^（(\d+)）/;

/** The plan's lines with their typed numbers taken off and put on the paragraph as list numbering instead. */
function numbered(text: string, levels: [RegExp, number][]): Paragraph[] {
  return text.split('\n').map((line) => {
    for (const [pattern, ilvl] of levels) if (pattern.test(line)) return { text: line.replace(pattern, ''), numId: 1, ilvl };
    return { text: line };
  });
}

describe('a plan whose numbers are Word’s automatic numbering', () => {
  test('the seed, 一、 and 1. as numbering (tasks numbered on across pillars), reads as the seed’s text, line for line', async () => {
    const definitions = [
      abstractNum(10, [
        { ilvl: 0, numFmt: 'chineseCounting', lvlText: '%1、', suffix: 'nothing' },
        // Tasks 1–14 run on across pillars: this level never restarts.
        { ilvl: 1, numFmt: 'decimal', lvlText: '%2.', restart: 0 },
      ]),
      num(1, 10),
    ];
    const paragraphs = numbered(SEED, [[PILLAR, 0], [TASK, 1]]);
    expect(paragraphs.filter((p) => p.numId !== undefined)).toHaveLength(18);
    expect(paragraphs.some((p) => /^(一、|\d+\.)/.test(p.text))).toBe(false);
    const text = (await textOf(paragraphs, definitions)).join('\n');
    expect(text).toBe(SEED.replace(/\n+$/, ''));
    expect(parsePlan(text)).toEqual(parsePlan(SEED));
  });

  test('four levels — 一、（一）１．（1）— with restarts below each level, read as the three-level plan’s text', async () => {
    const definitions = [
      abstractNum(3, [
        { ilvl: 0, numFmt: 'chineseCountingThousand', lvlText: '%1、' },
        { ilvl: 1, numFmt: 'chineseCountingThousand', lvlText: '（%2）' },
        { ilvl: 2, numFmt: 'decimalFullWidth', lvlText: '%3．' },
        { ilvl: 3, numFmt: 'decimal', lvlText: '（%4）' },
      ]),
      num(1, 3),
    ];
    const paragraphs = numbered(THREE_LEVEL, [[PILLAR, 0], [GROUP, 1], [TASK, 2], [SUB, 3]]);
    const text = (await textOf(paragraphs, definitions)).join('\n');
    expect(text).toBe(THREE_LEVEL.replace(/\n+$/, ''));
  });

  test('LibreOffice’s own list numbering (Writer’s .docx of the seed and of our plan) reads as their texts', async () => {
    for (const [file, source] of [['yizheng-2024.numbered.docx', SEED_FILE], ['anqing-2025-safety.numbered.docx', ANQING_FILE]] as const) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(PLANS, file)));
      // Writer wrote numbering.xml and left the numbers out of the text: what mammoth's raw text lost.
      expect(new TextDecoder().decode(bytes)).not.toContain('一、');
      const text = await extractDocxText(bytes, file);
      const expected = parsePlan(fs.readFileSync(source, 'utf8'));
      expect(comparable(parsePlan(text))).toEqual(comparable(expected));
      expect(parsePlan(text).plan.pillars.length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('counting as Word counts', () => {
  const two = (extra: Parameters<typeof abstractNum>[1][number] = { ilvl: 1, numFmt: 'decimal', lvlText: '%2.' }) =>
    abstractNum(1, [{ ilvl: 0, numFmt: 'chineseCounting', lvlText: '%1、' }, extra]);

  test('start values, a level text with two numbers, and the lower level restarting under each upper one', async () => {
    const lines = await textOf(
      [{ text: 'A', numId: 1 }, { text: 'a', numId: 1, ilvl: 1 }, { text: 'b', numId: 1, ilvl: 1 }, { text: 'B', numId: 1 }, { text: 'c', numId: 1, ilvl: 1 }],
      [abstractNum(1, [{ ilvl: 0, numFmt: 'chineseCounting', lvlText: '第%1部分', start: 3 }, { ilvl: 1, numFmt: 'decimal', lvlText: '%1.%2' }]), num(1, 1)],
    );
    expect(lines).toEqual(['第三部分A', '三.1 a', '三.2 b', '第四部分B', '四.1 c']);
  });

  test('w:lvlRestart 0 keeps a level counting across the level above; w:isLgl shows every number as decimal', async () => {
    const lines = await textOf(
      [{ text: 'A', numId: 1 }, { text: 'a', numId: 1, ilvl: 1 }, { text: 'B', numId: 1 }, { text: 'b', numId: 1, ilvl: 1 }],
      [two({ ilvl: 1, numFmt: 'decimal', lvlText: '%1.%2', restart: 0, legal: true }), num(1, 1)],
    );
    expect(lines).toEqual(['一、A', '1.1 a', '二、B', '2.2 b']);
  });

  test('two instances of one list continue it; one with a start override restarts it; a whole level can be overridden', async () => {
    const lines = await textOf(
      [
        { text: 'A', numId: 1 },
        { text: 'B', numId: 2 },
        { text: 'C', numId: 3 },
        { text: 'D', numId: 3 },
        { text: 'E', numId: 4 },
      ],
      [
        two(),
        num(1, 1),
        num(2, 1),
        num(3, 1, [{ ilvl: 0, start: 1 }]),
        num(4, 1, [{ ilvl: 0, level: { ilvl: 0, numFmt: 'decimalEnclosedParen', lvlText: '%1' } }]),
      ],
    );
    expect(lines).toEqual(['一、A', '二、B', '一、C', '二、D', '⑶E']);
  });

  test('paragraph styles give numbering, through w:basedOn, at the style’s level; w:numId 0 takes it away; bullets add nothing', async () => {
    const definitions = [
      abstractNum(1, [
        { ilvl: 0, numFmt: 'chineseCounting', lvlText: '%1、', style: 'Heading1' },
        { ilvl: 1, numFmt: 'chineseCounting', lvlText: '（%2）', style: 'Heading2' },
      ]),
      abstractNum(2, [{ ilvl: 0, numFmt: 'bullet', lvlText: '•' }]),
      num(1, 1),
      num(2, 2),
    ];
    const styles = [
      paragraphStyle('Heading1', { numId: 1 }),
      paragraphStyle('Heading2', { numId: 1 }),
      paragraphStyle('PlanPillar', { basedOn: 'Heading1' }),
    ];
    const lines = await textOf(
      [
        { text: '加强政治建设', style: 'Heading1' },
        { text: '理论学习', style: 'Heading2' },
        { text: '不编号的标题', style: 'Heading1', numId: 0 },
        { text: '夯实组织体系', style: 'PlanPillar' },
        { text: '要点', numId: 2 },
      ],
      definitions,
      styles,
    );
    expect(lines).toEqual(['一、加强政治建设', '（一）理论学习', '不编号的标题', '二、夯实组织体系', '要点']);
  });

  test('an abstract numbering that links to a numbering style counts with that style’s list', async () => {
    const lines = await textOf(
      [{ text: 'A', numId: 1 }, { text: 'B', numId: 2 }],
      [
        abstractNum(1, [{ ilvl: 0, numFmt: 'ideographTraditional', lvlText: '%1、' }]),
        abstractNum(2, [], '<w:numStyleLink w:val="PlanList"/>'),
        num(1, 1),
        num(2, 2),
      ],
      [paragraphStyle('PlanList', { type: 'numbering', numId: 1 })],
    );
    expect(lines).toEqual(['甲、A', '乙、B']);
  });

  test('after the label: nothing after Chinese punctuation, a space after 1. or (1), nothing when w:suff says so', async () => {
    const lines = await textOf(
      [{ text: '甲', numId: 1 }, { text: '乙', numId: 2 }, { text: '丙', numId: 3 }],
      [
        abstractNum(1, [{ ilvl: 0, numFmt: 'decimal', lvlText: '(%1)' }]),
        abstractNum(2, [{ ilvl: 0, numFmt: 'decimal', lvlText: '%1.', suffix: 'nothing' }]),
        abstractNum(3, [{ ilvl: 0, numFmt: 'decimalFullWidth', lvlText: '%1、', suffix: 'space' }]),
        num(1, 1),
        num(2, 2),
        num(3, 3),
      ],
    );
    expect(lines).toEqual(['(1) 甲', '1.乙', '１、丙']);
  });
});

describe('the text Word shows, and only that', () => {
  test('tab stops are not tabs, deleted text and field codes are not text, a text box is read once, cells are paragraphs', async () => {
    const fallback = '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:r><w:t>盒内</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>盒内</w:t></w:r></mc:Fallback></mc:AlternateContent>';
    const lines = await textOf([
      { text: '保留', extra: '<w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins>' },
      { text: '第', extra: '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r>' },
      { text: '甲', extra: '<w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>' },
      { text: '框外', extra: fallback },
      { text: '表前', extra: '</w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>单元格一</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>单元格二</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p>' },
    ]);
    expect(lines).toEqual(['保留插入', '第3页', '甲\t乙', '丙', '框外盒内', '表前', '单元格一', '单元格二']);
  });

  test('a zip bomb posing as a .docx is FAULT_DOCX_INVALID within 2 s, without inflating it', async () => {
    const zeros = deflatedZeros(20);
    const bomb = rawZip([{ name: 'word/document.xml', data: new Uint8Array(0), body: zeros.body, declaredSize: zeros.size, crc: zeros.crc }]);
    const started = Date.now();
    await expect(extractDocxText(bomb, 'bomb.docx')).rejects.toMatchObject({ code: 'FAULT_DOCX_INVALID', params: { file: 'bomb.docx' } });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
