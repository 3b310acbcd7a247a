/**
 * A three-level plan (一、 → （一） → １．) with a 〔2025〕 notice header, task
 * numbers restarting per group, and inline 责任/时限 notes in every form.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Plan } from '../src/core/model';
import { parsePlan } from '../src/core/plan/index';

const TEXT = fs.readFileSync(path.join(__dirname, 'fixtures', 'plans', 'three-level-2025.txt'), 'utf8');
const { plan, issues } = parsePlan(TEXT);
const tasks = plan.pillars.flatMap((p) => p.tasks);
const task = (id: string) => {
  const found = tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id}`);
  return found;
};

describe('parsePlan on a three-level plan', () => {
  test('is valid and raises no issues (restarting numbers are not gaps)', () => {
    expect(() => Plan.parse(plan)).not.toThrow();
    expect(issues).toEqual([]);
  });

  test('reads the header with a 〔2025〕 文号 and an inline 附件 title', () => {
    expect(plan.header).toEqual({
      issuer: '江都区教育局',
      docNumber: '江教〔2025〕12号',
      noticeTitle: '关于印发《江都区教育局2025年基础教育工作要点》的通知',
      issueDate: '2025-02-20',
      attachmentTitle: '江都区教育局2025年基础教育工作要点',
    });
    expect(plan.title).toBe('江都区教育局2025年基础教育工作要点');
    expect(plan.year).toBe(2025);
    expect(plan.preamble).toBe('2025年全区基础教育工作以办好人民满意的教育为目标，坚持稳中求进。');
  });

  test('reads groups per pillar with their lines', () => {
    expect(plan.pillars.map((p) => ({ no: p.no, title: p.title, line: p.line, groups: p.groups }))).toEqual([
      {
        no: 1, title: '提升育人质量', line: 19,
        groups: [
          { no: 1, title: '深化课堂教学改革', line: 21 },
          { no: 2, title: '落实“双减”要求', line: 27 },
        ],
      },
      {
        no: 2, title: '推进均衡发展', line: 33,
        groups: [
          { no: 1, title: '优化资源配置', line: 35 },
          { no: 2, title: '保障校园安全', line: 45 },
        ],
      },
    ]);
  });

  test('task ids include the group; `group` indexes the pillar’s groups; full-width numbers read', () => {
    expect(tasks.map((t) => [t.id, t.no, t.group, t.line])).toEqual([
      ['P1G1T1', 1, 0, 23],
      ['P1G1T2', 2, 0, 25],
      ['P1G2T1', 1, 1, 29],
      ['P1G2T2', 2, 1, 31],
      ['P2G1T1', 1, 0, 37],
      ['P2G1T2', 2, 0, 39],
      ['P2G1T3', 3, 0, 41],
      ['P2G2T1', 1, 1, 47],
    ]);
  });

  test('责任科室 + deadline note is read and removed from the body', () => {
    const t = task('P1G1T1');
    expect(t.title).toBe('推进“双新”实施');
    expect(t.body).toBe('完善新课程新教材实施方案，推动课堂教学方式变革。');
    expect(t.notes).toEqual({
      units: ['基础教育科', '教研室'],
      cooperatingUnits: [],
      deadline: '2025年6月底前',
      raw: '（责任科室：基础教育科、教研室；2025年6月底前）',
    });
    expect(t.source).toContain('（责任科室：基础教育科、教研室；2025年6月底前）');
  });

  test('牵头/配合/完成时限 in half-width brackets', () => {
    const t = task('P1G1T2');
    expect(t.body).toBe('开展学科视导20次以上。');
    expect(t.notes).toEqual({
      units: ['教研室'],
      cooperatingUnits: ['各中小学', '幼儿园'],
      deadline: '2025年12月底前',
      raw: '(牵头单位：教研室；配合单位：各中小学、幼儿园；完成时限：2025年12月底前)',
    });
  });

  test('a bracket that is not a note stays in the body', () => {
    const t = task('P1G2T1');
    expect(t.body).toBe('建立作业公示制度（试行）。');
    expect(t.notes).toBeUndefined();
  });

  test('units split on /, a bare deadline, keys separated by a comma, 时限 key', () => {
    expect(task('P1G2T2').notes).toEqual({ units: ['基础教育科', '督导室'], cooperatingUnits: [], raw: '（责任单位：基础教育科/督导室）' });
    expect(task('P1G2T2').body).toBe('课后服务覆盖率保持100%。');
    expect(task('P2G1T1').notes).toEqual({ units: [], cooperatingUnits: [], deadline: '2025年8月底前', raw: '（2025年8月底前）' });
    expect(task('P2G1T1').body).toBe('新建、改扩建学校3所。');
    expect(task('P2G1T2').notes).toEqual({
      units: ['人事科'],
      cooperatingUnits: ['各学校'],
      deadline: '年底前',
      raw: '（牵头科室：人事科，配合单位：各学校；时限：年底前）',
    });
  });

  test('a page-broken task is healed before its note is read', () => {
    const t = task('P2G1T3');
    expect(t.body).toBe('新组建教育集团2个，实现城乡学校结对全覆盖。');
    expect(t.notes?.deadline).toBe('2025年9月');
  });

  test('（1）（2） sub-points stay inside their task; a note before the final 。 keeps the 。', () => {
    const t = task('P2G2T1');
    expect(t.title).toBe('开展安全隐患排查');
    expect(t.body).toBe('每学期开展一次全面排查：（1）校舍安全排查；（2）食品安全检查。');
    expect(t.notes).toEqual({ units: ['安全办', '后勤科'], cooperatingUnits: [], raw: '（责任部门：安全办、后勤科）' });
  });
});
