/** Plan shapes other than the seed: no notice header, other task markers, other 文号 and date styles. */
import { Plan } from '../src/core/model';
import { parsePlan } from '../src/core/plan/index';

const text = (...lines: string[]) => lines.join('\n');
const shape = (plan: Plan) => plan.pillars.map((p) => [p.title, p.tasks.map((t) => `${t.id} ${t.title}`)]);

describe('parsePlan on other plan shapes', () => {
  test('a plain plan: title, preamble, pillars; 1、 markers; 十二、 pillars', () => {
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
    const lines = ['某某中学2025年春学期工作计划', '', '本学期工作总体思路。', '坚持立德树人。'];
    numerals.forEach((n, i) => lines.push(`${n}、第${n}项`, `${i + 1}、任务${i + 1}。内容。`));
    const { plan, issues } = parsePlan(text(...lines));
    expect(issues).toEqual([]);
    expect(plan.title).toBe('某某中学2025年春学期工作计划');
    expect(plan.year).toBe(2025);
    expect(plan.header).toEqual({});
    expect(plan.preamble).toBe('本学期工作总体思路。\n坚持立德树人。');
    expect(plan.pillars.map((p) => [p.no, p.numeral])).toEqual(numerals.map((n, i) => [i + 1, n]));
    expect(plan.pillars[11]?.tasks[0]).toMatchObject({ id: 'P12T12', title: '任务12', body: '内容。', line: 28 });
  });

  test('（1） tasks when the plan uses them as its task level', () => {
    const { plan, issues } = parsePlan(text('2025年工作要点', '一、甲', '（1）任务一。内容。', '(2)任务二。', '二、乙', '（1）任务三。'));
    expect(issues).toEqual([]);
    expect(shape(plan)).toEqual([
      ['甲', ['P1T1 任务一', 'P1T2 任务二']],
      ['乙', ['P2T1 任务三']],
    ]);
  });

  test('（1） inside a 1. plan is a sub-point, not a task', () => {
    const { plan } = parsePlan(text('2025年工作要点', '一、甲', '1. 任务一。分两步：', '（1）第一步；', '（2）第二步。', '2. 任务二。'));
    expect(shape(plan)).toEqual([['甲', ['P1T1 任务一', 'P1T2 任务二']]]);
    expect(plan.pillars[0]?.tasks[0]?.body).toBe('分两步：（1）第一步；（2）第二步。');
  });

  test('a two-level plan (一、 → （一）): the （一） paragraphs are the tasks', () => {
    const { plan, issues } = parsePlan(text('2025年工作要点', '一、甲', '（一）任务一。内容。', '（二）任务二。', '二、乙', '（一）任务三。'));
    expect(issues).toEqual([]);
    expect(shape(plan)).toEqual([
      ['甲', ['P1T1 任务一', 'P1T2 任务二']],
      ['乙', ['P2T1 任务三']],
    ]);
    expect(plan.pillars.every((p) => p.groups.length === 0)).toBe(true);
  });

  test('decimals at the start of a continuation line are not task numbers', () => {
    const { plan } = parsePlan(text('2025年工作要点', '一、甲', '1. 开展“', '5.10”教育日活动。', '2. 任务二。'));
    expect(plan.pillars[0]?.tasks.map((t) => t.no)).toEqual([1, 2]);
    expect(plan.pillars[0]?.tasks[0]?.title).toBe('开展“5.10”教育日活动');
  });

  test.each([
    ['苏教办〔2025〕3号', '苏教办〔2025〕3号'],
    ['扬教发[2025]12号', '扬教发〔2025〕12号'],
    ['仪教委【2024】8号', '仪教委〔2024〕8号'],
    ['某教 ( 2023 ) 第 5 号     签发人：张三', '某教〔2023〕5号'],
  ])('文号 %s → %s', (line, docNumber) => {
    const { plan } = parsePlan(text('某某教育局文件', line, '', '工作要点', '一、甲', '1. 任务。'));
    expect(plan.header.docNumber).toBe(docNumber);
    expect(plan.header.issuer).toBe('某某教育局文件');
    expect(plan.title).toBe('工作要点');
  });

  test('a date in Chinese numerals gives the issue date and, lacking a title year, the year', () => {
    const { plan, issues } = parsePlan(text('某某教育局', '二〇二五年三月十二日', '附件', '教育工作要点', '一、甲', '1. 任务。'));
    expect(plan.header.issueDate).toBe('2025-03-12');
    expect(plan.header.attachmentTitle).toBe('教育工作要点');
    expect(plan.year).toBe(2025);
    expect(issues).toEqual([]);
  });

  test('a notice without 附件 line: the title comes from the line after the header, else from the notice', () => {
    const withLine = parsePlan(text('关于印发《甲区2025年工作要点》的通知', '2025年1月5日', '甲区2025年工作要点', '一、甲', '1. 任务。'));
    expect(withLine.plan.title).toBe('甲区2025年工作要点');
    const fromNotice = parsePlan(text('关于印发《乙区2026年工作要点》', '的通知', '各学校：', '一、甲', '1. 任务。'));
    expect(fromNotice.plan.header.noticeTitle).toBe('关于印发《乙区2026年工作要点》的通知');
    expect(fromNotice.plan.title).toBe('乙区2026年工作要点');
    expect(fromNotice.plan.year).toBe(2026);
  });

  test('CRLF text gives the same lines as LF', () => {
    const lf = text('2025年工作要点', '一、甲', '1. 任务一。', '', '2. 任务二。');
    expect(parsePlan(lf.replace(/\n/g, '\r\n'))).toEqual(parsePlan(lf));
  });
});
