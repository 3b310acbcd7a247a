/**
 * Shapes real plans take that the seed does not (issue 13), each on a fixture
 * written for it (test/fixtures/plans/shapes): a table of contents before the
 * body, a flat list without pillars, headings followed by prose, run-on lines
 * from web pages, four levels, and a plan numbered in a style we do not read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { messageFor } from '../src/core/issues';
import { Plan, type Issue, type ParseResult } from '../src/core/model';
import { parsePlan } from '../src/core/plan/index';

const SHAPES = path.join(__dirname, 'fixtures', 'plans', 'shapes');
const parse = (name: string): ParseResult => parsePlan(fs.readFileSync(path.join(SHAPES, name), 'utf8'), { fallbackYear: 2031 });
const brief = (issues: Issue[]) => issues.map((i) => [i.code, i.severity, i.where.line, i.params]);
const outline = (result: ParseResult) =>
  result.plan.pillars.map((p) => [`${p.numeral}、${p.title}`, p.tasks.map((t) => `${t.id} ${t.title}`)]);

describe('a table of contents before the body', () => {
  const result = parse('contents-2025.txt');

  test('is skipped with an info issue; the four pillars come from the body, not the contents', () => {
    expect(() => Plan.parse(result.plan)).not.toThrow();
    expect(brief(result.issues)).toEqual([['PLAN_CONTENTS_SKIPPED', 'info', 3, { count: 5 }]]);
    expect(result.plan.pillars.map((p) => [p.numeral, p.line, p.tasks.length])).toEqual([
      ['一', 11, 2], ['二', 17, 3], ['三', 25, 2], ['四', 31, 2],
    ]);
    expect(result.plan.pillars.flatMap((p) => p.tasks.map((t) => t.no))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test('the real title and preamble survive', () => {
    expect(result.plan.title).toBe('某某区教育局2025年工作要点');
    expect(result.plan.year).toBe(2025);
    expect(result.plan.preamble).toMatch(/^2025年是“十四五”规划收官之年，.*加快建设高质量教育体系。$/);
    expect(result.plan.preamble).not.toContain('目');
  });

  test('a bracket inside a sentence is text, the trailing note is read', () => {
    const task = result.plan.pillars[3]!.tasks[1]!;
    expect(task.body).toBe('落实校长（园长）陪餐制度，学校食堂“明厨亮灶”全覆盖。');
    expect(task.notes?.units).toEqual(['安全办', '后勤管理中心']);
  });
});

describe('a flat list 1. 2. 3. without pillar headings', () => {
  const result = parse('flat-list-2025.txt');

  test('is one pillar named after the document, with an info issue instead of PLAN_NO_PILLARS', () => {
    expect(brief(result.issues)).toEqual([
      ['PLAN_FLAT_LIST', 'info', 5, { title: '某某幼儿园2025年安全工作要点', count: 6 }],
      ['PLAN_TRAILER_IGNORED', 'info', 12, { count: 2, text: '某某幼儿园' }],
    ]);
    expect(outline(result)).toEqual([[
      '一、某某幼儿园2025年安全工作要点',
      ['P1T1 健全安全责任体系', 'P1T2 开展每日安全巡查', 'P1T3 加强食品安全管理', 'P1T4 组织应急疏散演练', 'P1T5 做好家园共育安全宣传', 'P1T6 落实接送管理制度'],
    ]]);
    expect(result.plan.preamble).toBe('为切实做好本园安全工作，保障全园幼儿和教职工生命财产安全，结合我园实际，制定本要点。');
  });

  test('责任人 notes prefill owners', () => {
    const tasks = result.plan.pillars[0]!.tasks;
    expect(tasks[1]!.notes).toEqual({ units: [], cooperatingUnits: [], owners: ['李明'], raw: '（责任人：李明）' });
    expect(tasks[5]!.notes?.owners).toEqual(['各班班主任']);
    expect(tasks[0]!.notes).toMatchObject({ units: ['园务办'], deadline: '2025年3月底前' });
  });
});

describe('headings followed by unnumbered prose', () => {
  const result = parse('heading-prose-2025.txt');
  const [guide, goals, work, support] = result.plan.pillars;

  test('a pillar heading keeps its short title; the next paragraph, or the text after its colon, is its description', () => {
    expect([guide!.title, guide!.line, guide!.tasks.length]).toEqual(['指导思想', 3, 0]);
    expect(guide!.description).toMatch(/^以习近平新时代中国特色社会主义思想为指导，.*全方位育人格局。$/);
    expect(goals!.title).toBe('工作目标');
    expect(goals!.description).toMatch(/^德育队伍建设进一步加强，.*更加完善。$/);
    expect(brief(result.issues)).toEqual([
      ['PLAN_PILLAR_PROSE', 'info', 3, { title: '指导思想' }],
      ['PLAN_PILLAR_PROSE', 'info', 6, { title: '工作目标' }],
    ]);
  });

  test('（一） work items: title from the heading (next paragraph, 。, full-width space or colon), prose as the body', () => {
    expect(result.reading?.taskLevel).toBe(2);
    expect(work!.tasks.map((t) => [t.id, t.title, t.body.slice(0, 8)])).toEqual([
      ['P3T1', '党建引领', '切实加强学校党组'],
      ['P3T2', '班主任队伍建设', '健全班主任培训制'],
      ['P3T3', '行为习惯养成', '以“文明礼仪月”'],
      ['P3T4', '心理健康教育', '配齐专职心理教师'],
    ]);
    expect(work!.tasks[1]!.notes?.units).toEqual(['德育处']);
    expect(support!.tasks.map((t) => [t.title, t.body])).toEqual([
      ['加强组织领导', '成立由校长任组长的德育工作领导小组，定期研究解决德育工作中的重要问题。'],
      ['强化考核评价', '将德育工作纳入教师绩效考核，考核结果与评优评先挂钩。'],
    ]);
  });

  test('a long heading broken at a page end still joins, and a colon inside a short title stays', () => {
    const { plan } = parsePlan(['2025年工作要点', '一、夯实组织体系建设，实现党组织规范化、标准化、', '特色化发展', '1. 任务。',
      '二、聚焦立德树人：推进五育并举', '2. 任务。'].join('\n'));
    expect(plan.pillars.map((p) => [p.title, p.description])).toEqual([
      ['夯实组织体系建设，实现党组织规范化、标准化、特色化发展', undefined],
      ['聚焦立德树人：推进五育并举', undefined],
    ]);
  });
});

describe('markers in the middle of a line (web copies that lost their line breaks)', () => {
  const result = parse('run-on-2025.txt');

  test('are split into pillars and tasks, with one info issue', () => {
    expect(brief(result.issues)).toEqual([['PLAN_LINES_SPLIT', 'info', 2, { count: 9 }]]);
    expect(outline(result)).toEqual([
      ['一、强化督政，压实政府教育职责', ['P1T1 开展乡镇人民政府履行教育职责评价', 'P1T2 做好义务教育优质均衡发展县创建迎检工作']],
      ['二、规范督学，提升学校办学水平', ['P2T3 落实责任督学挂牌督导', 'P2T4 开展学校办学行为专项督导']],
      ['三、优化监测，发挥评估诊断作用', ['P3T1 组织义务教育质量监测', 'P3T2 用好监测结果']],
    ]);
    expect(result.plan.preamble).toBe('2025年全县教育督导工作以推进教育督导体制机制改革为主线，着力提升督导质量和实效。');
  });

  test('not inside 三、四年级, a date, 第1.2节 or 1.5; notes stay with their task', () => {
    const tasks = result.plan.pillars.flatMap((p) => p.tasks);
    expect(tasks[1]!.body).toBe('对照评估指标逐项查漏补缺，确保2025.9.30前完成县级自评。');
    expect(tasks[2]!.body).toBe('责任督学每月到校督导不少于2次，全年覆盖率达100%。三、四年级学生课业负担纳入督导重点。');
    expect(tasks[5]!.body).toBe('形成县级监测报告，对照《监测手册》第1.2节逐项分析，学业合格率较上年提高1.5个百分点。');
    expect(tasks[0]!.notes).toMatchObject({ units: ['督导室'], deadline: '2025年10月底前' });
    expect(tasks[3]!.notes?.units).toEqual(['督导室', '基础教育股']);
  });
});

describe('four levels 一、/（一）/1./（1） with the work at （1）', () => {
  const result = parse('four-level-2025.txt');

  test('the task level is 4, chosen because the （1） items carry the notes; 1. headings are groups under （一）', () => {
    expect(result.reading).toEqual({ taskLevel: 4, levels: [2, 3, 4], taskLevelGiven: false });
    expect(result.issues).toEqual([]);
    expect(result.plan.pillars[0]!.groups).toEqual([
      { no: 1, title: '强化思想政治引领', line: 4 },
      { no: 1, title: '深化理论学习', line: 5, parent: 0 },
      { no: 2, title: '加强意识形态管理', line: 8, parent: 0 },
      { no: 2, title: '夯实基层组织基础', line: 10 },
      { no: 1, title: '推进支部标准化建设', line: 11, parent: 3 },
    ]);
    expect(result.plan.pillars.flatMap((p) => p.tasks.map((t) => [t.id, t.group]))).toEqual([
      ['P1G1S1T1', 1], ['P1G1S1T2', 1], ['P1G1S2T1', 2], ['P1G2S1T1', 4], ['P1G2S1T2', 4], ['P2G1S1T1', 1], ['P2G1S1T2', 1],
    ]);
    expect(result.plan.pillars[0]!.tasks[0]).toMatchObject({
      title: '落实党组织“第一议题”制度，全年开展集中学习不少于12次',
      notes: { units: ['组织人事科'], deadline: '2025年12月底前' },
    });
  });
});

describe('a plan numbered in a style taizhang does not read', () => {
  const result = parse('unreadable-2025.txt');

  test('says what it saw and what to do, and warns about the skipped headings', () => {
    expect(brief(result.issues)).toEqual([
      ['PLAN_NO_PILLARS', 'error', undefined, {
        paragraphs: 9, pillars: 0, numbered: 0,
        unread: '，还有以“第一部分”开头的 3 段、以“①”开头的 3 段（taizhang 不把这类编号当作大项或任务）',
      }],
      ['PLAN_UNREAD_NUMBERING', 'warning', 3, { found: '以“第一部分”开头的 3 段、以“①”开头的 3 段' }],
    ]);
    const message = messageFor('PLAN_NO_PILLARS', result.issues[0]!.params);
    expect(message).toContain('共 9 段文字，找到 0 个“一、”大项、0 个“（一）”“1.”“（1）”编号段落，还有以“第一部分”开头的 3 段');
    expect(message).toContain('请确认每个大项、每项任务单独成段');
    expect(result.plan.pillars).toEqual([]);
  });
});
