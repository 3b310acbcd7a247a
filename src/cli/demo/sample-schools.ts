/**
 * Realistic, repeatable school answers for the demo and the benchmark. A small
 * seeded generator picks measures, people, deadline forms and statuses, so the
 * same school always gets the same ledger.
 */
import type { Plan } from '../../core/model.js';
import type { SchoolFill } from './fill-school.js';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭'];
const GIVEN = ['芳', '伟', '娜', '敏', '静', '磊', '洋', '艳', '军', '杰', '涛', '明', '霞', '平', '刚', '桂英'];
const OFFICES = ['党政办公室', '教务处', '德育处', '总务处', '工会', '团委', '教科室'];
const MEASURES = [
  '制定专项工作方案，明确分工和时间节点',
  '每月召开一次专题会议，研究推进中的问题',
  '组织全体党员教师集中学习，开展交流研讨',
  '建立工作台账，逐项对照销号',
  '邀请专家来校专题辅导，开展案例分析',
  '结合主题党日开展实践活动',
];
/** `{year}` becomes the plan's year. */
const DEADLINES = ['{year}年6月30日', '6月底前', '年底前', '上半年', '第三季度', '每月', '每学期', '长期坚持', '{year}-11-30', '持续推进'];
const PROGRESS = ['已制定方案并召开动员会，正按计划推进。', '已完成集中学习 3 次，形成学习心得 20 篇。', '已建立台账，完成 60% 的工作量。'];
const STATUSES = ['已完成', '推进中', '推进中', '未开始'] as const;

/** Mulberry32: tiny, fast, and the same sequence on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let hash = 2166136261;
  for (const ch of text) hash = Math.imul(hash ^ ch.codePointAt(0)!, 16777619);
  return hash >>> 0;
}

export function sampleSchoolFill(plan: Plan, school: string, reportDate: string): SchoolFill {
  const next = random(seedOf(school));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const person = (): string => pick(SURNAMES) + pick(GIVEN);
  const tasks: SchoolFill['tasks'] = {};
  for (const pillar of plan.pillars) {
    for (const task of pillar.tasks) {
      const status = pick(STATUSES);
      tasks[task.id] = {
        measures: pick(MEASURES),
        unit: task.notes?.units.join('、') || pick(OFFICES),
        owner: next() < 0.3 ? `${person()}、${person()}` : person(),
        deadline: task.notes?.deadline ?? pick(DEADLINES).replace('{year}', String(plan.year)),
        progress: status === '未开始' ? null : status === '已完成' ? '已全部完成，' + pick(PROGRESS) : pick(PROGRESS),
        status,
      };
    }
  }
  return {
    info: { unit: school, reporter: person(), phone: `0514-8${Math.floor(1000000 + next() * 8999999)}`, date: reportDate },
    tasks,
  };
}
