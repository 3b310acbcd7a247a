/** 红/黄/绿 per task on the as-of date, 序时进度, ranks (ties share), the lowest places marked, 逾期 rows. */
import { readDeadline } from '../src/core/deadline/index';
import { rollUp, type Rollup } from '../src/core/rollup/roll-up';
import { schoolOrder } from '../src/core/rollup/pace';
import { rowLight, type LightContext } from '../src/core/rollup/task-light';
import type { StatusValue } from '../src/core/template/constants';
import { defaultRules } from '../src/core/validate/default-rules';
import { ValidationRules } from '../src/core/validate/rules';
import { index, submitted } from './rollup-fixtures';

const ctx = (asOf: string, rules = defaultRules.pace): LightContext => ({ year: 2024, date1904: false, asOf, planStart: '2024-01-01', rules });
const light = (status: StatusValue, deadline: string, asOf: string, progress = '', rules = defaultRules.pace) =>
  rowLight(status, readDeadline(deadline, { year: 2024 }), progress, ctx(asOf, rules));

describe('rowLight', () => {
  test.each([
    // [why, status, 完成时限, as-of, 完成情况, light]
    ['done is green even past its date', '已完成', '2024-06-30', '2024-09-01', '已完成', '绿'],
    ['a passed date not done is red', '推进中', '2024-08-31', '2024-09-01', '', '红'],
    ['due today is inside the window', '推进中', '2024-09-01', '2024-09-01', '', '黄'],
    ['15 days ahead: last day inside the window', '推进中', '2024-09-16', '2024-09-01', '', '黄'],
    ['16 days ahead: first day outside the window', '推进中', '2024-09-17', '2024-09-01', '', '绿'],
    ['未开始 two thirds into its time is behind pace', '未开始', '年底前', '2024-09-01', '', '黄'],
    ['未开始 a third into its time is on pace', '未开始', '2025-12-31', '2024-09-01', '', '绿'],
    ['每月: this month ends in 29 days', '推进中', '每月', '2024-09-01', '', '绿'],
    ['每月: this month ends in 10 days', '推进中', '每月', '2024-09-20', '', '黄'],
    ['每月 on the period’s last day is not overdue', '未开始', '每月', '2024-09-30', '', '黄'],
    ['每季度 未开始 in the first tenth of the quarter', '未开始', '每季度', '2024-07-10', '', '绿'],
    ['每季度 未开始 two thirds into the quarter', '未开始', '每季度', '2024-09-01', '', '黄'],
    ['每学期 under way, term ends 2025-01-31', '推进中', '每学期', '2024-09-01', '', '绿'],
    ['每学期 in January belongs to the autumn term', '推进中', '每学期', '2025-01-20', '', '黄'],
    ['长期坚持 with 完成情况 text', '推进中', '长期坚持', '2030-01-01', '每周学习一次', '绿'],
    ['长期坚持 without 完成情况 text', '推进中', '长期坚持', '2030-01-01', '', '黄'],
    ['持续推进 not started', '未开始', '持续推进', '2024-09-01', '已有计划', '黄'],
    ['unreadable deadline under way', '推进中', '看情况', '2024-09-01', '', '绿'],
    ['unreadable deadline not started', '未开始', '看情况', '2024-09-01', '', '黄'],
  ] as const)('%s', (_why, status, deadline, asOf, progress, expected) => {
    expect(light(status, deadline, asOf, progress)).toBe(expected);
  });

  test('the window comes from the rules file', () => {
    const rules = ValidationRules.parse({ pace: { dueSoonDays: 0 } }).pace;
    expect(rules).toEqual({ dueSoonDays: 0, notStartedShare: 0.5, lowestCount: 3 });
    expect(light('推进中', '2024-09-02', '2024-09-01', '', rules)).toBe('绿');
    expect(light('推进中', '2024-09-02', '2024-09-01')).toBe('黄');
    expect(light('未开始', '年底前', '2024-09-01', '', { ...rules, notStartedShare: 0.9 })).toBe('绿');
    expect(ValidationRules.safeParse({ pace: { dueSoonDay: 3 } }).success).toBe(false);
  });
});

describe('rollUp: lights, 序时进度 and ranks', () => {
  const AS_OF = '2024-09-01';
  // Tasks: P1T1 due 06-30, P1T2 due 08-31 (both due by the as-of date), P2T3 年底前, P2T4 每学期, P2T5 长期坚持.
  const filled = (p1: StatusValue, p2: StatusValue, extra: Record<string, { status: string; progress?: string }> = {}) => ({
    P1T1: { status: p1, deadline: '2024-06-30', owner: '王主任', progress: p1 === '已完成' ? '已完成' : '' },
    P1T2: { status: p2, deadline: '2024-08-31', owner: '李老师', progress: p2 === '已完成' ? '已完成' : '' },
    P2T3: { status: '推进中', deadline: '年底前' },
    P2T4: { status: '推进中', deadline: '每学期' },
    P2T5: { status: '推进中', deadline: '长期坚持', ...(extra.P2T5 ?? {}) },
  });
  const files = [
    submitted('甲.xlsx', { unit: '甲校', reporter: '甲老师', phone: '111', tasks: filled('已完成', '已完成', { P2T5: { status: '推进中', progress: '坚持' } }) }),
    submitted('乙.xlsx', { unit: '乙校', reporter: '乙老师', phone: '222', tasks: filled('已完成', '推进中') }),
    submitted('丙.xlsx', { unit: '丙校', reporter: '丙老师', phone: '333', tasks: filled('已完成', '推进中') }),
    submitted('丁.xlsx', { unit: '丁校', reporter: '丁老师', phone: '444', tasks: filled('未开始', '推进中') }),
  ];
  const roster = ['丁校', '丙校', '戊校', '乙校', '甲校'];
  const r: Rollup = rollUp(files, index, { asOf: AS_OF, roster, pace: { dueSoonDays: 15, notStartedShare: 0.5, lowestCount: 2 } });
  const school = (name: string) => r.schools.find((s) => s.name === name)!;

  test('per task lights and their counts', () => {
    expect(school('甲校').lights).toEqual(['绿', '绿', '绿', '绿', '绿']);
    expect(school('乙校').lights).toEqual(['绿', '红', '绿', '绿', '黄']);
    expect(school('丁校').lights).toEqual(['红', '红', '绿', '绿', '黄']);
    expect(school('丁校').lightCounts).toEqual({ 红: 2, 黄: 1, 绿: 2, 未填: 0 });
    expect(school('戊校').lights).toEqual([]);
    expect(r.lightCounts).toEqual({ 红: 4, 黄: 3, 绿: 13, 未填: 0 });
  });

  test('序时进度 counts only the tasks due by the as-of date, per pillar and overall', () => {
    expect(school('甲校').pace!.overall).toEqual({ done: 2, total: 2, rate: 1 });
    expect(school('乙校').pace!.overall).toEqual({ done: 1, total: 2, rate: 0.5 });
    expect(school('丁校').pace!.pillars).toEqual([{ done: 0, total: 2, rate: 0 }, { done: 0, total: 0, rate: 0 }]);
    expect(r.pace.overall).toEqual({ done: 4, total: 8, rate: 0.5 });
    expect(school('戊校').pace).toBeUndefined();
  });

  test('ties share a place; the lowest places are marked; a school that sent nothing has no place', () => {
    expect(['甲校', '乙校', '丙校', '丁校', '戊校'].map((n) => school(n).rank)).toEqual([1, 2, 2, 4, undefined]);
    // lowestCount 2 of 4 ranked schools: places above 2 are marked; 乙 and 丙 share place 2 and are not.
    expect(r.schools.filter((s) => s.lagging).map((s) => s.name)).toEqual(['丁校']);
  });

  test('more places to mark than schools: only those behind are marked, never one on pace with nothing overdue', () => {
    const few = rollUp(files.slice(0, 2), index, { asOf: AS_OF });
    expect(few.schools.map((s) => [s.name, s.rank, s.lagging ?? false])).toEqual([
      ['乙校', 2, true],
      ['甲校', 1, false],
    ]);
  });

  test('roster order by default; by rate the ranked schools first, the rest after in roster order', () => {
    expect(schoolOrder(r.schools, 'roster').map((s) => s.name)).toEqual(roster);
    expect(schoolOrder(r.schools, 'rate').map((s) => s.name)).toEqual(['甲校', '丙校', '乙校', '丁校', '戊校']);
    expect(r.sortBy).toBe('roster');
  });

  test('every 红 task is one 逾期 row with who to call, in roster order', () => {
    expect(r.overdue.map((o) => [o.school, o.pillar, o.task, o.owner, o.reporter, o.phone, o.deadline, o.deadlineRead, o.status])).toEqual([
      ['丁校', '一', '1. 深化理论学习', '王主任', '丁老师', '444', '2024-06-30', '2024-06-30', '未开始'],
      ['丁校', '一', '2. 落实意识形态责任制', '李老师', '丁老师', '444', '2024-08-31', '2024-08-31', '推进中'],
      ['丙校', '一', '2. 落实意识形态责任制', '李老师', '丙老师', '333', '2024-08-31', '2024-08-31', '推进中'],
      ['乙校', '一', '2. 落实意识形态责任制', '李老师', '乙老师', '222', '2024-08-31', '2024-08-31', '推进中'],
    ]);
    const reds = r.schools.reduce((n, s) => n + s.lightCounts.红, 0);
    expect(r.overdue).toHaveLength(reds);
  });

  test('an inserted row overdue makes its task red, with the row’s own deadline', () => {
    const one = rollUp(
      [submitted('a.xlsx', { unit: '甲校', tasks: { P2T3: { status: '推进中', deadline: '年底前' } }, extras: [{ under: 'P2T3', values: { status: '推进中', deadline: '7月底前', owner: '赵' } }] })],
      index,
      { asOf: AS_OF },
    );
    expect(one.schools[0]!.lights[2]).toBe('红');
    expect(one.overdue.map((o) => [o.deadline, o.deadlineRead, o.owner])).toEqual([['7月底前', '2024-07-31', '赵']]);
  });
});
