import { columnLetter, rangeRef } from '../src/core/workbook/a1';
import { estimateRowHeight, MAX_ROW_HEIGHT_PT, RowHeight, wrappedLineCount } from '../src/core/template/row-height';

describe('wrapped line count', () => {
  test('a 50-unit column holds about 23 CJK characters at 11 pt', () => {
    // 50 × 7 px + 5 px padding ≈ 355 px; an 11-pt CJK glyph is 14.7 px wide.
    expect(wrappedLineCount('字'.repeat(23), 50, 11)).toBe(1);
    expect(wrappedLineCount('字'.repeat(24), 50, 11)).toBe(2);
    expect(wrappedLineCount('字'.repeat(230), 50, 11)).toBe(10);
  });

  test('Latin and digits take about half a CJK width; newlines start new lines', () => {
    expect(wrappedLineCount('2024'.repeat(10), 50, 11)).toBe(1);
    expect(wrappedLineCount('甲\n乙\n丙', 50, 11)).toBe(3);
  });

  test('narrower columns and bigger fonts need more lines', () => {
    const text = '坚持以习近平新时代中国特色社会主义思想为指导'.repeat(5);
    expect(wrappedLineCount(text, 25, 11)).toBeGreaterThan(wrappedLineCount(text, 50, 11));
    expect(wrappedLineCount(text, 50, 16)).toBeGreaterThan(wrappedLineCount(text, 50, 11));
  });
});

describe('remembered measurements', () => {
  test('the same text is measured anew for each column width and font size', () => {
    const text = '坚持以习近平新时代中国特色社会主义思想为指导'.repeat(4);
    const narrow = wrappedLineCount(text, 10, 10);
    expect(wrappedLineCount(text, 40, 10)).toBeLessThan(narrow);
    expect(wrappedLineCount(text, 10, 14)).toBeGreaterThan(narrow);
    expect(wrappedLineCount(text, 10, 10)).toBe(narrow);
  });

  test('a character outside the BMP (a surrogate pair) is one square character', () => {
    expect(wrappedLineCount('𠀀'.repeat(23), 50, 11)).toBe(1);
    expect(wrappedLineCount('𠀀'.repeat(24), 50, 11)).toBe(2);
    expect(wrappedLineCount('𠀀'.repeat(46) + '\n甲', 50, 11)).toBe(3);
  });

  test('a text exactly one line long stays one line; one more character wraps', () => {
    // 50 units at 11 pt hold 23.08 em: 23 CJK characters fit, and 41 Latin letters (22.55 em) but not 42 (23.1 em).
    expect(wrappedLineCount('字'.repeat(23), 50, 11)).toBe(1);
    expect(wrappedLineCount('a'.repeat(41), 50, 11)).toBe(1);
    expect(wrappedLineCount('a'.repeat(42), 50, 11)).toBe(2);
  });
});

describe('row height', () => {
  test('measured cell by cell it is the same as from a list', () => {
    const cells = [
      { text: '短', widthChars: 20, fontSize: 11 },
      { text: '字'.repeat(60), widthChars: 14, fontSize: 10 },
      { text: '', widthChars: 5, fontSize: 10 },
    ];
    const height = new RowHeight(18);
    for (const c of cells) height.add(c.text, c.widthChars, c.fontSize);
    expect(height.points).toBe(estimateRowHeight(cells, 18));
    // 14 units at 10 pt hold 7 CJK characters a line: 60 take 9 lines.
    expect(height.points).toBe(Math.ceil(9 * 10 * 1.3 + 6));
  });

  test('the tallest cell decides; empty rows keep the minimum; Excel caps at 409 pt', () => {
    const short = { text: '短', widthChars: 20, fontSize: 11 };
    const long = { text: '字'.repeat(230), widthChars: 50, fontSize: 11 };
    expect(estimateRowHeight([short], 30)).toBe(30);
    expect(estimateRowHeight([short, long])).toBe(Math.ceil(10 * 11 * 1.3 + 6));
    expect(estimateRowHeight([{ text: '字'.repeat(5000), widthChars: 50, fontSize: 11 }])).toBe(MAX_ROW_HEIGHT_PT);
  });
});

test('A1 references', () => {
  expect([1, 11, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'K', 'Z', 'AA', 'AZ', 'AAA']);
  expect(rangeRef(1, 3, 10, 6)).toBe('A3:J6');
});
