/**
 * The demo's first round (第1期), a quarter before the second: the schools'
 * first submissions. 实验小学 and 城东小学 are clean, 第二中学 sends its plain
 * answers; 新城中学 and 月塘小学 send nothing (新城中学 submits in round 2).
 * 实验小学's last task is still 推进中, so round 2 can complete it.
 */
import type { Plan } from '../../core/model.js';
import { cleaned, lastTaskId, type DemoFile } from './demo-schools.js';
import { daysBefore } from './demo-dates.js';
import { fillSchool } from './fill-school.js';
import { sampleSchoolFill } from './sample-schools.js';

export const FIRST_ROUND_EXPERIMENTAL = '仪征市实验小学-台账.xlsx';

export async function firstRoundSchools(plan: Plan, template: Uint8Array, asOf: string): Promise<DemoFile[]> {
  const experimental = cleaned(plan, sampleSchoolFill(plan, '仪征市实验小学', daysBefore(asOf, 3)), asOf);
  const lastTask = lastTaskId(plan);
  experimental.tasks[lastTask] = { ...experimental.tasks[lastTask], deadline: '年底前', status: '推进中', progress: '已制定方案，正按计划推进。' };
  const east = cleaned(plan, sampleSchoolFill(plan, '城东小学', daysBefore(asOf, 1)), asOf);
  return [
    { name: FIRST_ROUND_EXPERIMENTAL, bytes: await fillSchool(template, experimental), story: '填写规范' },
    { name: '仪征市第二中学.xlsx', bytes: await fillSchool(template, sampleSchoolFill(plan, '仪征市第二中学', daysBefore(asOf, 2))), story: '按时报送' },
    { name: '城东小学.xlsx', bytes: await fillSchool(template, east), story: '填写规范' },
  ];
}
