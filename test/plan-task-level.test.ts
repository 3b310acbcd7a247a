/**
 * Which numbered level carries the work (`（一）` 2, `1.` 3, `（1）` 4), chosen
 * by where the prose and the notes are, and the clerk's override
 * (`taskLevel`, the CLI's `--task-level`). Also the splitting of run-on lines.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlan } from '../src/core/plan/index';
import { splitRunOnLines } from '../src/core/plan/inline-split';
import { chooseTaskLevel } from '../src/core/plan/task-level';

const FIXTURES = path.join(__dirname, 'fixtures', 'plans');
const read = (...parts: string[]) => fs.readFileSync(path.join(FIXTURES, ...parts), 'utf8');
const SEED = fs.readFileSync(path.join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8');
const lines = (...texts: string[]) => texts;

describe('chooseTaskLevel', () => {
  test.each([
    ['the seed: only 1.', SEED.split('\n'), 3, [3]],
    ['headings （一） over 1. tasks, with （1） sub-points in one task', read('three-level-2025.txt').split('\n'), 3, [2, 3, 4]],
    ['four levels with the notes at （1）', read('shapes', 'four-level-2025.txt').split('\n'), 4, [2, 3, 4]],
    ['（一） items that stand alone', lines('一、甲', '（一）任务一。内容。', '（二）任务二。'), 2, [2]],
    ['（一） items with prose and short 1. sub-points inside', lines('一、甲', '（一）加强师德建设。切实落实师德师风第一标准，健全师德考核评价制度，开展师德专题教育活动。', '1. 签订承诺书；', '2. 开展评选。',
      '（二）加强教师培训。组织全员培训，实施骨干教师研修计划，完成培训学时不少于72学时。', '1. 组织集中培训。'), 2, [2, 3]],
    ['1. headings (short, no sentence) over （1） work', lines('一、甲', '1. 党建', '（1）落实“三会一课”制度。', '2. 队伍', '（1）开展师德培训。'), 4, [3, 4]],
    ['（一） headings that are one sentence, over long 1. tasks', lines('一、甲', '（一）坚持党的全面领导。',
      '1. 落实党组织领导的校长负责制，完善议事规则，健全党组织会议和校长办公会议制度，推动学校管理机制创新。',
      '2. 加强领导班子建设，配齐配强专职副书记，选优配强党务工作者，压实书记第一责任人责任。'), 3, [2, 3]],
  ] as const)('%s → level %s', (_name, texts, level, present) => {
    expect(chooseTaskLevel(texts)).toEqual({ level, present, given: false });
  });

  test('a given level is taken as given', () => {
    expect(chooseTaskLevel(read('shapes', 'four-level-2025.txt').split('\n'), 2)).toEqual({ level: 2, present: [2, 3, 4], given: true });
  });
});

describe('parsePlan with a task level chosen by the clerk', () => {
  const text = read('shapes', 'four-level-2025.txt');

  test('level 3: the 1. items are the tasks, （1） joined into them; the first note is reported, the last prefilled', () => {
    const { plan, issues, reading } = parsePlan(text, { taskLevel: 3 });
    expect(reading).toEqual({ taskLevel: 3, levels: [2, 3, 4], taskLevelGiven: true });
    expect(plan.pillars.flatMap((p) => p.tasks.map((t) => `${t.id} ${t.title}`))).toEqual([
      'P1G1T1 深化理论学习', 'P1G1T2 加强意识形态管理', 'P1G2T1 推进支部标准化建设', 'P2G1T1 实施学校建设工程',
    ]);
    const first = plan.pillars[0]!.tasks[0]!;
    expect(first.body).toBe('（1）落实党组织“第一议题”制度，全年开展集中学习不少于12次。（责任科室：组织人事科；完成时限：2025年12月底前）（2）开展“四史”主题教育进校园活动，覆盖全区中小学。');
    expect(first.notes?.units).toEqual(['宣传科']);
    expect(issues.map((i) => [i.code, i.where.line])).toEqual([
      ['PLAN_NOTE_IN_TEXT', 5], ['PLAN_NOTE_IN_TEXT', 11], ['PLAN_NOTE_IN_TEXT', 16],
    ]);
  });

  test('level 2: the （一） items are the tasks', () => {
    const { plan } = parsePlan(text, { taskLevel: 2 });
    expect(plan.pillars.map((p) => p.tasks.map((t) => t.title))).toEqual([['强化思想政治引领', '夯实基层组织基础'], ['扩大优质资源供给']]);
    expect(plan.pillars.every((p) => p.groups.length === 0)).toBe(true);
  });

  test('a level the plan does not use is an error that lists the levels it has', () => {
    const { issues } = parsePlan(SEED, { taskLevel: 4 });
    expect(issues.map((i) => [i.code, i.severity, i.params])).toEqual([
      ['PLAN_TASK_LEVEL_ABSENT', 'error', { level: 4, sample: '（1）', found: '第 3 级“1.”' }],
    ]);
  });

  test('the seed chooses level 3 by itself and reads exactly as it does without a choice', () => {
    const auto = parsePlan(SEED);
    expect(auto.reading).toEqual({ taskLevel: 3, levels: [3], taskLevelGiven: false });
    const given = parsePlan(SEED, { taskLevel: 3 });
    expect(given.plan).toEqual(auto.plan);
    expect(given.issues).toEqual(auto.issues);
  });
});

describe('splitRunOnLines', () => {
  const split = (text: string) => splitRunOnLines([{ text, line: 7 }]).lines.map((l) => l.text);

  test.each([
    ['after 。 and a note’s bracket', '1.甲。（责任单位：办公室）2.乙。3.丙。', ['1.甲。（责任单位：办公室）', '2.乙。', '3.丙。']],
    ['a first item after a short heading, with or without a space', '一、加强政治建设 1. 坚持学习。2. 落实制度。', ['一、加强政治建设', '1. 坚持学习。', '2. 落实制度。']],
    ['a first item after a colon', '二、主要任务：（一）党建。（二）教学。', ['二、主要任务：', '（一）党建。', '（二）教学。']],
    ['numbers out of sequence stay text', '1.甲。5.乙。', ['1.甲。5.乙。']],
    ['a list of grades after 。', '1.甲。三、四年级开展。一、二年级不布置作业。', ['1.甲。三、四年级开展。一、二年级不布置作业。']],
    ['inside quotes and brackets', '1.开展“2.培训。3.考核”活动（2.分批）。', ['1.开展“2.培训。3.考核”活动（2.分批）。']],
    ['decimals, dates and section numbers', '1.完成。2025.3.1前提交，第1.2节，提高1.5倍。', ['1.完成。2025.3.1前提交，第1.2节，提高1.5倍。']],
    ['1、2 as a list of numbers', '一、甲。1、2号楼改造。', ['一、甲。1、2号楼改造。']],
  ])('%s', (_name, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  test('every piece keeps the line it came from', () => {
    expect(splitRunOnLines([{ text: '1.甲。2.乙。', line: 7 }])).toEqual({ lines: [{ text: '1.甲。', line: 7 }, { text: '2.乙。', line: 7 }], split: 1 });
  });

  test('a hostile 2 MB line of would-be markers is split or refused within 2 s', () => {
    const started = Date.now();
    const many = splitRunOnLines([{ text: '。1.a'.repeat(500_000), line: 1 }]);
    const none = splitRunOnLines([{ text: 'a1.a'.repeat(500_000), line: 1 }]);
    const parsed = parsePlan(`一、甲\n1. ${'（责任单位：甲）'.repeat(50_000)}`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(many.split).toBe(1); // the first `1.` starts a count; `1.` again and again never continues it
    expect(none.split).toBe(0);
    expect(parsed.plan.pillars[0]!.tasks).toHaveLength(1);
  });
});
