/** Display tidying, Chinese numerals and inline-note reading, on their own. */
import { splitTrailingNote, isDeadlineText } from '../src/core/plan/notes';
import { chineseNumeralValue, toChineseNumeral, toAsciiDigits, yearValue } from '../src/core/plan/numerals';
import { tidyText } from '../src/core/plan/tidy';

describe('tidyText', () => {
  test.each([
    ['规范办学行为, 深入推进', '规范办学行为，深入推进'],
    ['重要讲话精神,不断增强', '重要讲话精神，不断增强'],
    ['指导思想是:坚持; 落实', '指导思想是：坚持；落实'],
    ['2024 年 4 月 7 日', '2024年4月7日'],
    ['开展 11 项帮扶', '开展11项帮扶'],
    ['“20 条措施”', '“20条措施”'],
    ['典型。 严把', '典型。严把'],
    ['一 岗 双 责', '一岗双责'],
    ['网络 ID 等新媒体', '网络 ID 等新媒体'],
    ['使用  Office   365 办公', '使用 Office 365办公'],
    ['开展“5.10”党风廉政教育日、“12.9”国际反腐败日', '开展“5.10”党风廉政教育日、“12.9”国际反腐败日'],
    ['共 1,000 人，时间 9:30', '共1,000人，时间9:30'],
    ['  前后空白　', '前后空白'],
  ])('%s → %s', (input, expected) => {
    expect(tidyText(input)).toBe(expected);
  });
});

describe('numerals', () => {
  test.each([
    ['一', 1], ['九', 9], ['十', 10], ['十二', 12], ['二十', 20], ['二十三', 23], ['九十九', 99], ['一百零一', 101],
  ])('%s = %d', (numeral, value) => {
    expect(chineseNumeralValue(numeral)).toBe(value);
  });
  test.each(['', '零', '二三', '十十', 'A'])('%s is not a numeral', (numeral) => {
    expect(chineseNumeralValue(numeral)).toBeUndefined();
  });
  test('write back, full-width digits, digit-by-digit years', () => {
    expect([1, 10, 12, 20, 35].map(toChineseNumeral)).toEqual(['一', '十', '十二', '二十', '三十五']);
    expect(toAsciiDigits('１２．')).toBe('12．');
    expect(yearValue('二〇二四')).toBe(2024);
    expect(yearValue('２０２５')).toBe(2025);
  });
});

describe('splitTrailingNote', () => {
  test('keyed note at the end, after the 。', () => {
    expect(splitTrailingNote('推进改革。（责任科室：基础教育科、教研室；2025年6月底前）')).toEqual({
      text: '推进改革。',
      notes: { units: ['基础教育科', '教研室'], cooperatingUnits: [], deadline: '2025年6月底前', raw: '（责任科室：基础教育科、教研室；2025年6月底前）' },
    });
  });

  test('note before the final 。 keeps one 。', () => {
    expect(splitTrailingNote('推进改革(责任单位:办公室)。')).toMatchObject({ text: '推进改革。', notes: { units: ['办公室'] } });
  });

  test('协办单位, 时间节点 and units split on ，,/ ', () => {
    expect(splitTrailingNote('做好工作。（责任部门：甲科，乙科；协办单位：丙/丁,戊；时间节点：每学期）').notes).toEqual({
      units: ['甲科', '乙科'],
      cooperatingUnits: ['丙', '丁', '戊'],
      deadline: '每学期',
      raw: '（责任部门：甲科，乙科；协办单位：丙/丁,戊；时间节点：每学期）',
    });
  });

  test('a nested bracket inside the note', () => {
    expect(splitTrailingNote('加强指导。（责任单位：民办教育（幼儿园）科）').notes?.units).toEqual(['民办教育（幼儿园）科']);
  });

  test.each([
    '建立作业公示制度（试行）。',
    '加强对民办学校（幼儿园）',
    '开展活动（包括读书、演讲等）',
    '完善制度（2025年版修订稿）',
    '没有括号的任务。',
    '不成对的括号）',
  ])('%s is not a note', (text) => {
    expect(splitTrailingNote(text)).toEqual({ text });
  });

  test('a note must be at the very end', () => {
    expect(splitTrailingNote('（责任单位：办公室）推进改革。')).toEqual({ text: '（责任单位：办公室）推进改革。' });
  });

  test.each(['2025年6月底前', '6月30日', '12月', '年底前', '2025年上半年', '第三季度末', '长期坚持', '每月', '二〇二五年六月底前'])(
    '%s is a deadline',
    (text) => expect(isDeadlineText(text)).toBe(true),
  );
  test.each(['试行', '幼儿园', '2025年版', ''])('%s is not a deadline', (text) => expect(isDeadlineText(text)).toBe(false));
});
