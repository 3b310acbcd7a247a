/** Small BriefingInputs for the 通报 tests: a district of five schools, one missing, one file unreadable. */
import type { BriefingInput, BriefingSchool } from '../src/core/report/briefing-types';

export function school(name: string, over: Partial<BriefingSchool> = {}): BriefingSchool {
  return { name, status: '已报送', red: 0, yellow: 0, green: 10, redTasks: [], filler: '王老师', phone: '13800000000', ...over };
}

export function briefingInput(schools: BriefingSchool[], over: Partial<BriefingInput> = {}): BriefingInput {
  const count = (...statuses: string[]) => schools.filter((s) => statuses.includes(s.status)).length;
  return {
    planTitle: '2024年党建工作要点',
    asOf: '2024-09-01',
    issuer: '仪征市教育局',
    rosterGiven: true,
    schools,
    totals: { listed: schools.length, submitted: count('已报送', '重复报送'), missing: count('未报送'), refused: count('无法读取', '非本模板') },
    ...over,
  };
}

/** The demo district: 月塘小学 did not submit, 城东小学's file was unreadable, 新城中学 is last with two 红 tasks. */
export function demoInput(): BriefingInput {
  return briefingInput([
    school('实验小学', { rate: 1, paceRate: 1, rank: 1 }),
    school('第二中学', { rate: 0.9, paceRate: 0.95, rank: 2, yellow: 1, green: 9 }),
    school('月塘小学', { status: '未报送', red: 0, green: 0, filler: undefined, phone: undefined }),
    school('城东小学', { status: '无法读取', red: 0, green: 0 }),
    school('新城中学', {
      rate: 0.5,
      paceRate: 0.4,
      rank: 3,
      red: 2,
      yellow: 2,
      green: 6,
      redTasks: [
        { pillar: '党的建设', task: '开展主题党日活动', deadline: '6月底前' },
        { pillar: '教学管理', task: '完成期末质量分析', deadline: '7月15日前' },
      ],
    }),
  ]);
}
