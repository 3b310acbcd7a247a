import { cleanSheetName, pillarSheetBaseName, quoteSheetName, SHEET_NAME_MAX, uniqueSheetNames } from '../src/core/template/sheet-names';

/** What Excel itself refuses (the rule the names must satisfy). */
function excelAccepts(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name) && name.toLowerCase() !== 'history';
}

describe('pillar sheet names', () => {
  test('cut at the first comma: the full title heads the sheet instead', () => {
    expect(pillarSheetBaseName('一', '加强政治建设，把党的领导落实到办学治校全过程')).toBe('一、加强政治建设');
    expect(pillarSheetBaseName('四', '狠抓党的纪律建设，压紧压实全面从严治党主体责任')).toBe('四、狠抓党的纪律建设');
  });

  test('a title without a comma is kept whole when it fits', () => {
    expect(pillarSheetBaseName('二', '加强组织建设')).toBe('二、加强组织建设');
  });

  test('a long CJK title is cut to 31 characters', () => {
    const name = pillarSheetBaseName('三', '深入推进新时代教育系统基层党组织标准化规范化建设全面提升组织力和政治功能水平');
    expect(name).toHaveLength(SHEET_NAME_MAX);
    expect(name.startsWith('三、深入推进新时代')).toBe(true);
    expect(excelAccepts(name)).toBe(true);
  });

  test('forbidden characters become their full-width forms', () => {
    expect(cleanSheetName('A:B\\C/D?E*F[G]H', 'x')).toBe('A：B＼C／D？E＊F【G】H');
    expect(excelAccepts(pillarSheetBaseName('五', '“双减”/课后服务[试点]'))).toBe(true);
  });

  test('leading and trailing apostrophes are dropped; nothing left gives the fallback', () => {
    expect(cleanSheetName("'引号'", 'x')).toBe('引号');
    expect(cleanSheetName("'''", '大项五')).toBe('大项五');
    expect(pillarSheetBaseName('六', '，')).toBe('大项六');
    expect(pillarSheetBaseName('七', '，补充任务，其他')).toBe('七、补充任务');
  });

  test('a cut never splits a surrogate pair', () => {
    const name = cleanSheetName('一'.repeat(30) + '𠀀𠀀', 'x');
    expect(name).toBe('一'.repeat(30));
  });
});

describe('unique sheet names', () => {
  test('duplicates get （2）, （3） — case-insensitively — and reserved names are avoided', () => {
    expect(uniqueSheetNames(['一、甲', '一、甲', 'abc', 'ABC', '填报说明'], ['填报说明'])).toEqual([
      '一、甲',
      '一、甲（2）',
      'abc',
      'ABC（2）',
      '填报说明（2）',
    ]);
  });

  test('History is never used, in any case', () => {
    expect(uniqueSheetNames(['History', 'history'])).toEqual(['History（2）', 'history（3）']);
  });

  test('the suffix still fits in 31 characters', () => {
    const long = '一'.repeat(31);
    const [first, second] = uniqueSheetNames([long, long]);
    expect(first).toBe(long);
    expect(second).toHaveLength(31);
    expect(second!.endsWith('（2）')).toBe(true);
  });

  test('every generated name is one Excel accepts', () => {
    const names = uniqueSheetNames(
      ['History', "'x'", 'a/b', '一'.repeat(40), '一'.repeat(40)].map((n) => cleanSheetName(n, '空')),
    );
    for (const name of names) expect(excelAccepts(name)).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  test('quoted for formulas with apostrophes doubled', () => {
    expect(quoteSheetName("一、党's建")).toBe("'一、党''s建'");
  });
});
