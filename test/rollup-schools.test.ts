/** Roll-up: who is who — roster matching, 未报送 / 名单外 / 重复报送, refused files, accounting, determinism. */
import { parseRoster, rollUp, schoolFromFileName } from '../src/core/rollup/roll-up';
import { normaliseName } from '../src/core/rollup/school-names';
import { ALL_DONE, AS_OF, index, refused, shuffled, submitted } from './rollup-fixtures';

const ROSTER = ['仪征市实验小学', '真州小学', 'ＡＢＣ中学', '新城中学', '月塘小学', '大仪中学'];

function statusTable(r: ReturnType<typeof rollUp>): Record<string, string> {
  return Object.fromEntries(r.schools.map((s) => [s.name, `${s.status}/${s.roster}`]));
}

describe('school names', () => {
  test('normalising removes every kind of space and folds full-width forms', () => {
    expect(normaliseName(' 仪征市\u3000实验 小学\t')).toBe('仪征市实验小学');
    expect(normaliseName('ＡＢＣ中学（东区）')).toBe('ABC中学(东区)');
  });

  test.each([
    ['仪征市实验小学.xlsx', '仪征市实验小学'],
    ['学校/仪征市实验小学-台账.xlsx', '仪征市实验小学'],
    ['C:\\报送\\真州小学台账（已填）.xlsx', '真州小学'],
    ['新城中学_台账_2024-06-30.xlsx', '新城中学'],
    ['2024年台账-大仪中学(修改版).xlsx', '大仪中学'],
    ['月塘小学 20240701.xlsx', '月塘小学'],
    ['台账.xlsx', '台账'],
    ['报送/实验小学/台账.xlsx', '实验小学'],
    ['D:\\收件\\真州小学（已填）\\副本 台账(2).xlsx', '真州小学'],
  ])('%s → %s', (file, school) => {
    expect(schoolFromFileName(file)).toBe(school);
  });

  test('a roster: BOM, blanks, comments, numbering and repeats are dropped', () => {
    const text = '\ufeff# 2024 年报送名单\n1. 仪征市实验小学\r\n2、真州小学  # 城区\n\n（3）新城中学\n4)\u3000大仪中学\n5\t月塘小学\n 仪征市 实验小学 \n   \n103中学\n';
    expect(parseRoster(text)).toEqual(['仪征市实验小学', '真州小学', '新城中学', '大仪中学', '月塘小学', '103中学']);
  });
});

describe('rollUp: schools', () => {
  const inputs = [
    submitted('a.xlsx', { unit: '仪征市 实验小学', tasks: ALL_DONE }),
    submitted('b.xlsx', { unit: '真州\u3000小学' }),
    submitted('c.xlsx', { unit: 'ABC 中学' }),
    submitted('新城中学-台账（已填）2024-06-30.xlsx', {}),
    submitted('外区学校.xlsx', { unit: '外区学校' }),
    refused('大仪中学.xlsx', 'XLSX_READ_NOT_ZIP'),
    refused('别的台账.xlsx', 'LEDGER_OTHER_PLAN'),
  ];
  const r = rollUp(inputs, index, { roster: ROSTER, asOf: AS_OF });

  test('each school gets its status; spaces and full-width variants match the roster', () => {
    expect(statusTable(r)).toEqual({
      仪征市实验小学: '已报送/listed',
      真州小学: '已报送/listed',
      ＡＢＣ中学: '已报送/listed',
      新城中学: '已报送/listed',
      月塘小学: '未报送/listed',
      大仪中学: '无法读取/listed',
      外区学校: '已报送/unlisted',
      别的: '非本模板/unlisted',
    });
    expect(r.schools.find((s) => s.name === '新城中学')!.files[0]!.identifiedBy).toBe('fileName');
    expect(r.schools.find((s) => s.name === '真州小学')!.files[0]!.identifiedBy).toBe('unit');
  });

  test('schools are sorted by normalised name, numbers in number order', () => {
    const keys = r.schools.map((s) => s.key);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : 1)));
    const names = ['第10中学', '第2中学', '第1中学', '第02小学', 'ABC', '第1中学分校'];
    const numbered = rollUp(names.map((n) => submitted(`${n}.xlsx`, { unit: n })), index, { asOf: AS_OF });
    expect(numbered.schools.map((s) => s.name)).toEqual(['ABC', '第1中学', '第1中学分校', '第2中学', '第02小学', '第10中学']);
  });

  test('a refused file carries its reason, and is a problem of its school', () => {
    const bad = r.schools.find((s) => s.name === '大仪中学')!;
    expect(bad.files).toEqual([
      expect.objectContaining({ file: '大仪中学.xlsx', outcome: '无法读取', code: 'XLSX_READ_NOT_ZIP', rows: 0, errors: 1 }),
    ]);
    expect(bad.files[0]!.reason).toContain('不是 Excel 工作簿');
    expect(r.problems.filter((p) => p.file === '别的台账.xlsx')).toEqual([
      expect.objectContaining({ school: '别的', code: 'LEDGER_OTHER_PLAN', severity: 'error' }),
    ]);
    expect(r.problems.find((p) => p.file === '别的台账.xlsx')!.message).toContain('2023年工作要点');
  });

  test('accounting: files found = read + refused, rows read = detail rows', () => {
    const a = r.accounting;
    expect([a.filesFound, a.filesRead, a.filesRefused, a.filesAdopted, a.filesSuperseded]).toEqual([7, 5, 2, 5, 0]);
    // 5 tasks per ledger.
    expect([a.rowsRead, a.detailRows, a.rowsAdopted]).toEqual([25, 25, 25]);
    expect(a.refusals.map((x) => [x.file, x.code])).toEqual([
      ['别的台账.xlsx', 'LEDGER_OTHER_PLAN'],
      ['大仪中学.xlsx', 'XLSX_READ_NOT_ZIP'],
    ]);
    expect(a.refusals.every((x) => x.reason.length > 10)).toBe(true);
    expect([a.schoolsListed, a.schoolsSubmitted, a.schoolsMissing, a.schoolsUnlisted, a.schoolsUnreadable]).toEqual([6, 5, 1, 2, 2]);
    expect(a.balanced).toBe(true);
  });

  test('the same files in any order give the same roll-up', () => {
    for (const seed of [1, 7, 42]) expect(rollUp(shuffled(inputs, seed), index, { roster: ROSTER, asOf: AS_OF })).toEqual(r);
  });

  test('without a roster nobody is missing or unlisted', () => {
    const plain = rollUp(inputs, index, { asOf: AS_OF });
    expect(plain.schools.map((s) => s.roster)).toEqual(plain.schools.map(() => 'none'));
    expect(plain.schools.some((s) => s.status === '未报送')).toBe(false);
    expect(plain.accounting.schoolsMissing).toBe(0);
    expect(plain.schools.find((s) => s.key === '仪征市实验小学')!.name).toBe('仪征市 实验小学');
  });

  test('a near name matches the one roster school containing it; an ambiguous one matches none', () => {
    const near = rollUp([submitted('x.xlsx', { unit: '实验小学' }), submitted('y.xlsx', { unit: '小学' })], index, {
      roster: ROSTER,
      asOf: AS_OF,
    });
    expect(statusTable(near)['仪征市实验小学']).toBe('已报送/similar');
    expect(statusTable(near)['小学']).toBe('已报送/unlisted');
  });

  test('a readable file rescues a school whose other file was refused', () => {
    const both = rollUp([refused('真州小学.xlsx', 'XLSX_READ_NOT_ZIP'), submitted('zz.xlsx', { unit: '真州小学' })], index, {
      roster: ROSTER,
      asOf: AS_OF,
    });
    const s = both.schools.find((x) => x.name === '真州小学')!;
    expect(s.status).toBe('已报送');
    expect(s.files.map((f) => [f.file, f.outcome])).toEqual([
      ['zz.xlsx', '采用'],
      ['真州小学.xlsx', '无法读取'],
    ]);
  });
});
