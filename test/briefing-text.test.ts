/** The 通报's sentences, built from the figures: table-driven over small districts. */
import { briefingLines, buildBriefing } from '../src/core/report/briefing';
import type { BriefingInput } from '../src/core/report/briefing-types';
import { briefingInput, demoInput, school } from './briefing-fixtures';

const lines = (input: BriefingInput) => briefingLines(buildBriefing(input));
const all = (input: BriefingInput) => lines(input).join('\n');

test('title, 主送, 落款 and date', () => {
  const b = buildBriefing(demoInput());
  expect(b.title).toBe('关于《2024年党建工作要点》落实情况的通报');
  expect(lines(demoInput()).slice(0, 2)).toEqual([b.title, '各学校：']);
  expect(b.body.at(-1)).toEqual({ kind: 'signature', issuer: { text: '仪征市教育局' }, date: '2024年9月1日' });
});

test('the demo district: sections in order, numbered 一 to 六', () => {
  const headings = buildBriefing(demoInput()).body.filter((b) => b.kind === 'heading1').map((b) => (b as { text: string }).text);
  expect(headings).toEqual(['一、基本情况', '二、完成较好的单位', '三、进度滞后的单位', '四、未按时报送的单位', '五、存在的问题', '六、下一步工作要求']);
});

const allIn = briefingInput([school('甲校', { paceRate: 1, rate: 1 }), school('乙校', { paceRate: 0.8, rate: 0.7 })]);

test.each<[string, BriefingInput, RegExp[], RegExp[]]>([
  [
    'a missing school is named in 基本情况, its own section, and the ask to submit',
    demoInput(),
    [/已报送3所，未报送1所（月塘小学）；另有1个文件无法读取或未使用本模板（城东小学）。/, /^月塘小学未按时报送台账。$/m, /城东小学报送的文件无法读取/, /请月塘小学、城东小学于【请填写：补报截止日期】前按模板补报台账/],
    [/全部按时报送/],
  ],
  [
    'no 未报送 sentence when all submitted; the section is left out and the rest renumbered',
    allIn,
    [/应报送学校2所（按学校名单），已报送2所，全部按时报送。/, /^四、存在的问题$/m, /^五、下一步工作要求$/m],
    [/未报送/, /未按时报送的单位/, /补报/, /无法读取/],
  ],
  [
    'the lowest-ranked school is named with its figures and 红 tasks',
    demoInput(),
    [/最低的是新城中学（40%）/, /^1\. 新城中学：序时进度40%，排名第3位，逾期任务2项：“党的建设”中的“开展主题党日活动”（时限：6月底前）；“教学管理”中的“完成期末质量分析”（时限：7月15日前）。$/m],
    [],
  ],
  [
    'a tie in rank: both named as best, sharing rank 1, both praised; one below the average is not',
    briefingInput([school('甲校', { paceRate: 1 }), school('乙校', { paceRate: 1 }), school('丙校', { paceRate: 0.5 })]),
    [/序时进度最高的是甲校、乙校（100%），最低的是丙校（50%）/, /^甲校、乙校序时进度分别为100%、100%，均无逾期任务/m],
    [/丙校序时进度/],
  ],
  [
    'equal figures everywhere: one figure, no best and worst',
    briefingInput([school('甲校', { paceRate: 0.6 }), school('乙校', { paceRate: 0.6 })]),
    [/各校序时进度均为60%/],
    [/最高的是/],
  ],
  [
    'no 红 anywhere: no 滞后 school and no 整改 ask',
    allIn,
    [/红色（逾期未完成）任务0项.*没有逾期未完成的任务。/, /^各校均无逾期未完成的任务。$/m],
    [/限期整改/, /附件2逾期任务清单/],
  ],
  [
    'red tasks: counted, grouped by pillar, 整改 asked with blanks for a date and a 科室',
    demoInput(),
    [/全区共有2项任务逾期未完成，涉及1所学校，主要集中在“党的建设”（1项）、“教学管理”（1项）等方面/, /（二）限期整改。.*于【请填写：日期】前将整改情况报送【请填写：承办科室】。/],
    [],
  ],
  [
    'a school with 红 is not praised even when ranked high',
    briefingInput([school('甲校', { paceRate: 1, red: 1, redTasks: [{ pillar: 'P', task: 'T', deadline: '5月' }] }), school('乙校', { paceRate: 0.9 }), school('丙校', { paceRate: 0.5 })]),
    [/^乙校序时进度90%，无逾期任务/m],
    [/甲校序时进度/],
  ],
  [
    'without a roster 应报 says where it comes from; without an issuer the 落款 is a blank',
    briefingInput([school('甲校', { paceRate: 1 })], { rosterGiven: false, issuer: undefined }),
    [/未提供学校名单，按收到报送的学校计/, /^【请填写：发文机关】 2024年9月1日$/m],
    [/按学校名单/],
  ],
])('%s', (_name, input, present, absent) => {
  const text = all(input);
  for (const re of present) expect(text).toMatch(re);
  for (const re of absent) expect(text).not.toMatch(re);
});

test('ranks are computed by 序时进度 when none is given, ties sharing (1, 1, 3)', () => {
  const b = buildBriefing(briefingInput([school('丙校', { paceRate: 0.5 }), school('甲校', { paceRate: 1 }), school('乙校', { paceRate: 1 }), school('丁校', { status: '未报送' })]));
  expect(b.attachments[0]!.rows.map((r) => [r[0], r[1]])).toEqual([['1', '甲校'], ['1', '乙校'], ['3', '丙校'], ['—', '丁校']]);
});

test('附件2 lists every 红 task with whom to call; an empty list says so', () => {
  const [, overdue] = buildBriefing(demoInput()).attachments;
  expect(overdue!.rows).toEqual([
    ['1', '新城中学', '党的建设', '开展主题党日活动', '6月底前', '王老师', '13800000000'],
    ['2', '新城中学', '教学管理', '完成期末质量分析', '7月15日前', '王老师', '13800000000'],
  ]);
  expect(buildBriefing(allIn).attachments[1]!.rows).toEqual([['—', '无逾期任务', '', '', '', '', '']]);
});

test('places a person must write are marked runs, and the only runs in 【】', () => {
  const runs = buildBriefing(demoInput()).body.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading2' ? b.runs : []));
  const marked = runs.filter((r) => r.fill);
  expect(marked.length).toBeGreaterThanOrEqual(4);
  for (const r of runs) expect(/^【请填写：.+】$/.test(r.text)).toBe(r.fill === true);
});

test('a school with many 红 tasks: five in the text, the count and 附件2 named for the rest', () => {
  const redTasks = Array.from({ length: 7 }, (_, i) => ({ pillar: '板块', task: `任务${i + 1}`, deadline: '6月' }));
  const text = all(briefingInput([school('甲校', { paceRate: 0.1, red: 7, redTasks })]));
  expect(text).toContain('“板块”中的“任务5”');
  expect(text).not.toContain('任务6');
  expect(text).toContain('等，共7项，详见附件2');
});
