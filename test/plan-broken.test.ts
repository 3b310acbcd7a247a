/**
 * Broken plans: every structural problem comes back as an Issue with the
 * right code, params and line, and no text input makes the parser throw.
 */
import { decodePlanText } from '../src/core/plan/decode-text';
import { messageFor } from '../src/core/issues';
import { Plan, type Issue } from '../src/core/model';
import { parsePlan } from '../src/core/plan/index';

/** Lines joined with LF; line N of the array is line N+1 of the text. */
const text = (...lines: string[]) => lines.join('\n');
const brief = (issues: Issue[]) => issues.map((i) => [i.code, i.severity, i.where.line, i.params]);

describe('parsePlan on broken plans', () => {
  test('pillar and task gaps name the expected and found numbers', () => {
    const { plan, issues } = parsePlan(text(
      '2024年工作要点', // 1
      '一、甲', // 2
      '1. 任务一。', // 3
      '2. 任务二。', // 4
      '4. 任务四。', // 5
      '三、丙', // 6
      '5. 任务五。', // 7
    ));
    expect(brief(issues)).toEqual([
      ['PLAN_TASK_GAP', 'warning', 5, { expected: 3, found: 4 }],
      ['PLAN_PILLAR_GAP', 'warning', 6, { expected: '二', found: '三' }],
    ]);
    expect(plan.pillars.map((p) => p.no)).toEqual([1, 3]);
    expect(plan.pillars[1]?.tasks.map((t) => t.id)).toEqual(['P3T5']);
  });

  test('duplicates are reported and ids stay unique', () => {
    const { plan, issues } = parsePlan(text(
      '2024年工作要点', // 1
      '一、甲', // 2
      '1. 任务一。', // 3
      '2. 任务二。', // 4
      '2. 又一个任务二。', // 5
      '二、乙', // 6
      '3. 任务三。', // 7
      '二、乙again', // 8
      '4. 任务四。', // 9
    ));
    expect(brief(issues)).toEqual([
      ['PLAN_TASK_DUPLICATE', 'warning', 5, { found: 2 }],
      ['PLAN_PILLAR_DUPLICATE', 'warning', 8, { found: '二' }],
    ]);
    expect(plan.pillars.flatMap((p) => p.tasks.map((t) => t.id))).toEqual(['P1T1', 'P1T2', 'P1T2-2', 'P2T3', 'P2T4']);
  });

  test('a number repeated three times gets -2 and -3', () => {
    const { plan } = parsePlan(text('2024年要点', '一、甲', '1. 甲。', '1. 乙。', '1. 丙。'));
    expect(plan.pillars[0]?.tasks.map((t) => t.id)).toEqual(['P1T1', 'P1T1-2', 'P1T1-3']);
  });

  test('an empty task, an empty pillar and a group gap', () => {
    const { plan, issues } = parsePlan(text(
      '2024年工作要点', // 1
      '一、甲', // 2
      '（一）分组一', // 3
      '1. 任务一。', // 4
      '2.', // 5
      '（三）分组三', // 6
      '1. 任务。', // 7
      '二、乙', // 8
      '三、丙', // 9
      '1. 任务。', // 10
    ));
    expect(brief(issues)).toEqual([
      ['PLAN_TASK_EMPTY', 'warning', 5, { found: 2 }],
      ['PLAN_GROUP_GAP', 'warning', 6, { expected: '二', found: '三' }],
      ['PLAN_PILLAR_EMPTY', 'warning', 8, { title: '乙' }],
    ]);
    expect(issues.find((i) => i.code === 'PLAN_TASK_EMPTY')?.where.taskId).toBe('P1G1T2');
    expect(plan.pillars[0]?.tasks[1]).toMatchObject({ title: '', body: '', source: '2.' });
  });

  test('a plan restarting per pillar that skips a pillar’s first task', () => {
    const { issues } = parsePlan(text('2024年要点', '一、甲', '1. 甲一。', '2. 甲二。', '二、乙', '1. 乙一。', '三、丙', '2. 丙二。'));
    expect(brief(issues)).toEqual([['PLAN_TASK_GAP', 'warning', 8, { expected: 1, found: 2 }]]);
  });

  test('numbers restarting per pillar may count on through its groups; a group restart then is no gap either', () => {
    const perPillar = parsePlan(text('2024年要点', '一、甲', '（一）组', '1. 甲。', '（二）组', '2. 乙。', '二、乙', '（一）组', '1. 丙。', '（二）组', '2. 丁。'));
    expect(perPillar.issues).toEqual([]);
    const perGroup = parsePlan(text('2024年要点', '一、甲', '（一）组', '1. 甲。', '（二）组', '1. 乙。', '二、乙', '（一）组', '2. 丙。'));
    expect(brief(perGroup.issues)).toEqual([['PLAN_TASK_GAP', 'warning', 9, { expected: 1, found: 2 }]]);
  });

  test('a numbered task before the first pillar is reported and left out of the preamble', () => {
    const { plan, issues } = parsePlan(text('2024年工作要点', '总体要求。', '1. 孤立的任务', '一、甲', '1. 任务。'));
    expect(brief(issues)).toEqual([['PLAN_TASK_BEFORE_PILLAR', 'warning', 3, { text: '1. 孤立的任务' }]]);
    expect(plan.preamble).toBe('总体要求。');
  });

  test('nothing numbered at all: PLAN_NO_PILLARS says what was seen, the title still read', () => {
    const { plan, issues } = parsePlan(text('2024年工作要点', '加强党建。', '第一部分 总体要求', '第二部分 重点任务', '①推进改革。'));
    expect(brief(issues)).toEqual([
      ['PLAN_NO_PILLARS', 'error', undefined, {
        paragraphs: 5, pillars: 0, numbered: 0,
        unread: '，还有以“第一部分”开头的 2 段、以“①”开头的 1 段（taizhang 不把这类编号当作大项或任务）',
      }],
      ['PLAN_UNREAD_NUMBERING', 'warning', 3, { found: '以“第一部分”开头的 2 段、以“①”开头的 1 段' }],
    ]);
    expect(messageFor('PLAN_NO_PILLARS', issues[0]!.params)).toMatch(/^没有读出工作要点的结构：共 5 段文字，找到 0 个“一、”大项、0 个/);
    expect(plan.title).toBe('2024年工作要点');
    expect(plan.pillars).toEqual([]);
  });

  test('pillars without any task: PLAN_NO_TASKS at the first pillar, with what was seen, no per-pillar noise', () => {
    const { issues } = parsePlan(text('2024年工作要点', '', '一、甲', '二、乙'));
    expect(brief(issues)).toEqual([['PLAN_NO_TASKS', 'error', 3, { paragraphs: 3, pillars: 2, numbered: 0, unread: '' }]]);
  });

  test.each([
    ['empty text', ''],
    ['only whitespace and line breaks', ' \n\r\n\t　\n'],
    ['only control characters and a BOM', '\uFEFF\u0000\u0001\u0002\n\u007f'],
  ])('%s: PLAN_EMPTY', (_name, input) => {
    const { plan, issues } = parsePlan(input, { fallbackYear: 2030 });
    expect(brief(issues)).toEqual([['PLAN_EMPTY', 'error', undefined, {}]]);
    expect(plan).toEqual({ title: '', year: 2030, header: {}, pillars: [] });
  });

  test('binary garbage does not throw and yields a schema-valid plan with an error', () => {
    let seed = 12345;
    const bytes = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) % 2147483648) & 0xff);
    const decoded = decodePlanText(bytes);
    const { plan, issues } = parsePlan(decoded.text);
    expect(() => Plan.parse(plan)).not.toThrow();
    expect(issues.some((i) => i.code === 'PLAN_NO_PILLARS' || i.code === 'PLAN_EMPTY')).toBe(true);
  });

  test('the year is guessed from the text when title and date lack it, else the fallback', () => {
    const mentioned = parsePlan(text('教育工作要点', '一、甲', '1. 2025年6月前完成。', '2. 2025年底前完成，2024年已启动。'));
    expect(mentioned.plan.year).toBe(2025);
    expect(brief(mentioned.issues)).toEqual([['PLAN_YEAR_GUESSED', 'warning', undefined, { year: 2025 }]]);
    const silent = parsePlan(text('教育工作要点', '一、甲', '1. 任务。'), { fallbackYear: 2031 });
    expect(silent.plan.year).toBe(2031);
    expect(brief(silent.issues)).toEqual([['PLAN_YEAR_GUESSED', 'warning', undefined, { year: 2031 }]]);
  });

  test('random mixtures of markers and text never throw and always fit the schema', () => {
    const pieces = ['一、', '十二、', '（一）', '(二)', '1.', '１．', '3、', '（1）', '(2)', '5.10', '。', '，', ', ',
      '（责任单位：', '）', '(', '附件：', '关于印发《', '》的通知', '2024 年 4 月 7 日', '仪教委【2024】8号', '\n', '\n\n', '\r\n', ' ', '甲', 'A'];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let round = 0; round < 500; round++) {
      let input = '';
      const length = next() % 40;
      for (let i = 0; i < length; i++) input += pieces[next() % pieces.length];
      const result = parsePlan(input);
      expect(() => Plan.parse(result.plan)).not.toThrow();
      for (const found of result.issues) expect(found.code).toMatch(/^PLAN_/);
    }
  });
});
