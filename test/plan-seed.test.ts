/**
 * The reference document: 仪征 2024 党建统群工作要点, text extracted from a PDF
 * (paragraphs broken at page ends, half-width commas, spaces around digits).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Plan } from '../src/core/model';
import { parsePlan } from '../src/core/plan/index';

const SEED = path.join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt');
const { plan, issues } = parsePlan(fs.readFileSync(SEED, 'utf8'));
const tasks = plan.pillars.flatMap((p) => p.tasks);
const byNo = (no: number) => {
  const task = tasks.find((t) => t.no === no);
  if (!task) throw new Error(`task ${no} missing`);
  return task;
};

describe('parsePlan on the 仪征 2024 seed', () => {
  test('matches the Plan schema and has no error-severity issues', () => {
    expect(() => Plan.parse(plan)).not.toThrow();
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues).toEqual([]);
  });

  test('reads the notice header', () => {
    expect(plan.header).toEqual({
      issuer: '中共仪征市委教育工作委员会 中共仪征市教育局委员会',
      docNumber: '仪教委〔2024〕8号',
      noticeTitle: '关于印发《仪征市教育系统2024年党建统群工作要点》的通知',
      issueDate: '2024-04-07',
      attachmentTitle: '仪征市教育系统2024年党建统群工作要点',
    });
    expect(plan.title).toBe('仪征市教育系统2024年党建统群工作要点');
    expect(plan.year).toBe(2024);
  });

  test('keeps the 指导思想 paragraph as the preamble, tidied', () => {
    expect(plan.preamble).toMatch(/^2024年是中华人民共和国成立75周年，/);
    expect(plan.preamble).toMatch(/提供智力支撑。$/);
    expect(plan.preamble).not.toContain('\n');
  });

  test('finds 4 pillars with 4/3/3/4 tasks, numbered 1–14 through the plan', () => {
    expect(plan.pillars.map((p) => [p.no, p.numeral, p.line, p.tasks.length])).toEqual([
      [1, '一', 27, 4],
      [2, '二', 39, 3],
      [3, '三', 51, 3],
      [4, '四', 61, 4],
    ]);
    expect(plan.pillars.map((p) => p.title)).toEqual([
      '加强政治建设，把党的领导落实到办学治校全过程',
      '夯实组织体系建设，实现党组织规范化、标准化、特色化发展',
      '突出队伍作风建设，为教育事业高质量发展提供人才支撑',
      '狠抓党的纪律建设，压紧压实全面从严治党主体责任',
    ]);
    expect(tasks.map((t) => t.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(plan.pillars.every((p) => p.groups.length === 0)).toBe(true);
  });

  test('task titles are the first sentence, without its 。', () => {
    expect(tasks.map((t) => t.title)).toEqual([
      '坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平总书记关于党的建设的重要思想，认真学习贯彻落实习近平总书记关于教育的重要论述和重要指示批示精神',
      '全面落实中小学校党组织领导的校长负责制',
      '在教育系统内大兴调查研究',
      '有力推动教育系统意识形态责任制落地落实',
      '增强党建工作基础，提升规范化建设水平',
      '发挥特色品牌优势，推动党建项目化发展',
      '加强群团统战工作，形成党建群建一体化',
      '完善人才管理机制，加强干部队伍培训',
      '规范选人用人机制，抓好干部梯队建设',
      '提高党员发展质量，选树先进教师典型',
      '把牢思想之舵，持之以恒管党治党',
      '规范办学行为，深入推进专项治理',
      '恪守清廉之本，坚定不移正风肃纪',
      '强化追责问责，毫不松懈纠治“四风”',
    ]);
  });

  test('ids and line numbers point back to the source', () => {
    expect(tasks.map((t) => t.id)).toEqual([
      'P1T1', 'P1T2', 'P1T3', 'P1T4', 'P2T5', 'P2T6', 'P2T7',
      'P3T8', 'P3T9', 'P3T10', 'P4T11', 'P4T12', 'P4T13', 'P4T14',
    ]);
    expect(tasks.map((t) => t.line)).toEqual([29, 33, 35, 37, 41, 45, 47, 53, 55, 59, 63, 67, 69, 73]);
  });

  test('heals every paragraph broken at a page end', () => {
    expect(byNo(1).body).toContain('各项决策部署在仪征');
    expect(byNo(5).body).toContain('党员领导干部双重组织生活');
    expect(byNo(7).body).toContain('同频共振');
    expect(byNo(9).body).toContain('突出政治素养');
    expect(byNo(11).body).toContain('深入学习贯彻习近平总书记有关');
    expect(byNo(13).body).toContain('党纪学习教育');
    expect(byNo(14).body).toContain('影响大小，对单位主要负责人');
    expect(byNo(14).body).toMatch(/一体推进不敢腐不能腐不想腐。$/);
  });

  test('source keeps the healed paragraph untouched; body is tidied', () => {
    expect(byNo(12).source).toBe(
      fs.readFileSync(SEED, 'utf8').split('\n')[66],
    );
    expect(byNo(12).source).toContain('规范办学行为, 深入');
    expect(byNo(11).source).toContain('深入学习贯彻习近平总书记有关全面从严治党重要论述和在二十届中央纪委二次全会、三次全会上的重要讲话精神,不断');
    expect(byNo(11).body).toContain('重要讲话精神，不断增强');
    expect(byNo(11).body).toContain('至少研究1次');
    expect(byNo(11).body).not.toMatch(/[,;:]/);
    expect(byNo(6).body).toContain('开展11项帮扶活动');
    expect(byNo(6).body).toContain('“20条措施”');
    expect(byNo(1).body).toContain('2024年全国教育工作会议');
    expect(byNo(4).body).toContain('网络 ID 等新媒体');
    expect(byNo(13).body).toContain('开展“5.10”党风廉政教育日、“12.9”国际反腐败日');
    expect(byNo(10).body).toMatch(/^严把党员“入口关”/);
  });

  test('no task has inline notes', () => {
    expect(tasks.filter((t) => t.notes !== undefined)).toEqual([]);
  });
});
