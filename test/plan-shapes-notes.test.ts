/**
 * Owner notes in every shape (on their own line, keyed tails, bare （杨）/（教务处）),
 * header variants (（此件主动公开）, a notice title opening with its issuers,
 * issuers over two lines, a title over two lines) and half-width punctuation
 * throughout, each on a fixture written for it (test/fixtures/plans/shapes).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParseResult, Task } from '../src/core/model';
import { parsePlan } from '../src/core/plan/index';

const SHAPES = path.join(__dirname, 'fixtures', 'plans', 'shapes');
const parse = (name: string): ParseResult => parsePlan(fs.readFileSync(path.join(SHAPES, name), 'utf8'));
const tasksOf = (result: ParseResult): Task[] => result.plan.pillars.flatMap((p) => p.tasks);

describe('owner notes on lines of their own after the task', () => {
  const result = parse('owner-lines-2025.txt');
  const tasks = tasksOf(result);

  test('are prefilled, never left in the body, and raise no issue', () => {
    expect(result.issues).toEqual([]);
    expect(tasks.map((t) => [t.id, t.body])).toEqual([
      ['P1T1', '制定学习计划，组织党员干部开展专题学习研讨。'],
      ['P1T2', '每半年专题研究一次意识形态工作，开展风险隐患排查。'],
      ['P2T3', '开展“五星支部”创建，年内创成示范支部10个。'],
      ['P2T4', '严格党员发展程序，全年发展教师党员不少于30名。'],
      ['P2T5', '每年底组织基层党组织书记述职评议。'],
    ]);
    for (const task of tasks) expect(task.body).not.toMatch(/责任|牵头|配合|时限/);
  });

  test('责任单位：… line; 牵头单位/配合单位 on one line and 完成时限 on the next; a bracketed line; 责任人; a keyed tail', () => {
    expect(tasks[0]!.notes).toEqual({ units: ['组干科', '民管办'], cooperatingUnits: [], raw: '责任单位：组干科、民管办。' });
    expect(tasks[1]!.notes).toEqual({
      units: ['办公室'], cooperatingUnits: ['各直属学校'], deadline: '2025年6月底前',
      raw: '牵头单位：办公室　配合单位：各直属学校；完成时限：2025年6月底前',
    });
    expect(tasks[2]!.notes).toMatchObject({ units: ['组干科'], deadline: '2025年11月', raw: '（责任单位：组干科；完成时限：2025年11月）' });
    expect(tasks[3]!.notes).toEqual({ units: [], cooperatingUnits: [], owners: ['王建国'], raw: '责任人：王建国' });
    expect(tasks[4]!.notes).toEqual({ units: ['组干科'], cooperatingUnits: [], raw: '责任单位：组干科' });
  });

  test('a keyed note left in the middle of a task is reported, not silently kept', () => {
    const { issues } = parsePlan(['2025年要点', '一、甲', '1. 推进改革（责任单位：办公室）并按月通报。'].join('\n'));
    expect(issues.map((i) => [i.code, i.where.line, i.params])).toEqual([
      ['PLAN_NOTE_IN_TEXT', 3, { task: '推进改革（责任单位：办公室）并按月通报', text: '（责任单位：办公室）' }],
    ]);
  });
});

describe('bare owners after the task', () => {
  const tasks = tasksOf(parse('bare-owners-2025.txt'));

  test('（教务处） is a 责任单位, （杨） a 责任人, a list or a mix is split', () => {
    expect(tasks.map((t) => [t.id, t.notes?.units, t.notes?.owners])).toEqual([
      ['P1T1', ['教务处'], undefined],
      ['P1T2', [], ['杨']],
      ['P1T3', ['教务处', '各年级组'], undefined],
      ['P2T4', ['教科室'], ['刘']],
      ['P2T5', [], ['杨']],
      ['P2T6', undefined, undefined],
    ]);
    expect(tasks[1]!.body).toBe('每月开展一次备课、作业、听课笔记检查，检查结果纳入教师考核。');
    expect(tasks[4]!.body).toBe('落实“青蓝结对”，青年教师每学期上汇报课1节。');
  });

  test('a bracket before the final 。 qualifies the sentence and stays text', () => {
    expect(tasks[5]!.body).toBe('用好国家中小学智慧教育平台资源（试行）。');
  });
});

describe('header variants', () => {
  test('（此件主动公开） before the title is not the title; a title over two lines is joined', () => {
    const result = parse('disclosure-2025.txt');
    expect(result.issues).toEqual([]);
    expect(result.plan.title).toBe('某某市教育局2025年教育信息化工作要点');
    expect(result.plan.preamble).toBe('2025年全市教育信息化工作要以数字化赋能教育高质量发展为主线，加快推进教育数字化转型。');
    expect(result.plan.pillars.map((p) => p.tasks.length)).toEqual([2, 2]);
  });

  test('a notice title that starts with its issuers, issuers over two lines above the 文号, 此件公开发布 after the date', () => {
    const result = parse('notice-issuer-prefix-2025.txt');
    expect(result.issues).toEqual([]);
    expect(result.plan.header).toEqual({
      issuer: '中共某某省委教育工作委员会 某某省教育厅',
      docNumber: '某教党〔2025〕6号',
      noticeTitle: '中共某某省委教育工作委员会 某某省教育厅关于印发《2025年全省教育系统党风廉政建设工作要点》的通知',
      issueDate: '2025-03-05',
    });
    expect(result.plan.title).toBe('2025年全省教育系统党风廉政建设工作要点');
    expect(result.plan.pillars.map((p) => [p.line, p.tasks.length])).toEqual([[16, 2], [19, 2]]);
  });

  test('issuers over two lines above the notice, without a 文号', () => {
    const result = parse('notice-issuer-lines-2025.txt');
    expect(result.plan.header).toEqual({
      issuer: '中共某某县委教育工作委员会 某某县教育局',
      noticeTitle: '关于印发《某某县教育系统2025年工会工作要点》的通知',
      issueDate: '2025-02-26',
    });
    expect(result.plan.title).toBe('某某县教育系统2025年工会工作要点');
    expect(tasksOf(result).map((t) => t.title)).toEqual(['开展主题宣传教育', '选树先进典型', '推进校务公开']);
  });

  test('issuers over two lines over a plain plan’s title', () => {
    const { plan } = parsePlan(['中共某某县委教育工作委员会', '某某县教育局', '2025年教育系统安全工作要点', '一、甲', '1. 任务。'].join('\n'));
    expect([plan.header.issuer, plan.title]).toEqual(['中共某某县委教育工作委员会 某某县教育局', '2025年教育系统安全工作要点']);
  });
});

describe('half-width punctuation throughout (web copies)', () => {
  const result = parse('half-width-2025.txt');
  const tasks = tasksOf(result);

  test('(一) groups, (key:value;…) notes and , ( ) ! in the text read as their full-width forms', () => {
    expect(result.issues).toEqual([]);
    expect(result.plan.pillars[0]!.groups.map((g) => g.title)).toEqual(['推进“新课堂”建设', '提升教师专业素养']);
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['P1G1T1', '开展“一课一研”活动'], ['P1G1T2', '加强作业设计与管理'], ['P1G2T3', '实施青蓝工程'],
      ['P2T4', '规范课后服务'], ['P2T5', '开展学科素养展示活动'],
    ]);
    expect(tasks[0]!.body).toBe('各学科组每两周开展一次集体备课，每学期每位教师上研讨课不少于1节。');
    expect(tasks[3]!.body).toBe('课后服务每周5天全覆盖（寒暑假除外），学生自愿参加率达95%以上。');
    expect(tasks[4]!.body).toBe('举办英语节、数学节，展示学生学习成果！');
  });

  test('notes with : ; , keys, 负责人 as owner', () => {
    expect(tasks[0]!.notes).toMatchObject({ units: ['教导处'], deadline: '2025年6月底前' });
    expect(tasks[1]!.notes).toMatchObject({ units: ['教导处'], cooperatingUnits: ['各年级组'] });
    expect(tasks[2]!.notes?.owners).toEqual(['王芳']);
    expect(tasks[3]!.notes?.deadline).toBe('每学期');
  });
});
