/**
 * The handful of school submissions the demo makes: one clean, one with the
 * mistakes clerks really make, a late second submission of the clean school,
 * one re-saved by LibreOffice (when installed), and a broken file.
 */
import { readDeadline } from '../../core/deadline/index.js';
import type { Plan } from '../../core/model.js';
import { fillSchool, type SchoolFill } from './fill-school.js';
import { sampleSchoolFill } from './sample-schools.js';

export interface DemoFile {
  name: string;
  bytes: Uint8Array;
  /** What the file shows, for the demo's printout. */
  story: string;
  /** Re-save through LibreOffice before use. */
  resave?: boolean;
}

/** A fill with nothing to complain about as of `asOf`: past date deadlines are done. */
function cleaned(plan: Plan, fill: SchoolFill, asOf: string): SchoolFill {
  for (const values of Object.values(fill.tasks)) {
    const due = readDeadline(typeof values.deadline === 'string' ? values.deadline : null, { year: plan.year });
    if (due.kind === 'date' && due.date < asOf && values.status !== '已完成') {
      values.status = '已完成';
      values.progress = '已按时完成，形成总结材料。';
    }
  }
  return fill;
}

export async function demoSchools(plan: Plan, template: Uint8Array, asOf: string): Promise<DemoFile[]> {
  const firstTask = plan.pillars[0]!.tasks[0]!.id;
  const secondTask = plan.pillars[1]?.tasks[0]?.id ?? firstTask;
  const lastPillar = plan.pillars[plan.pillars.length - 1]!;
  const lastTask = lastPillar.tasks[lastPillar.tasks.length - 1]!.id;

  const clean = cleaned(plan, sampleSchoolFill(plan, '仪征市实验小学', '2024-08-28'), asOf);
  const late = cleaned(plan, sampleSchoolFill(plan, '仪征市实验小学', '2024-08-31'), asOf);
  late.tasks[lastTask] = { ...late.tasks[lastTask], status: '已完成', progress: '已开展集中性纪律教育 2 场，覆盖全体党员。' };

  const mistakes = sampleSchoolFill(plan, '仪征市第二中学', '2024-08-30');
  mistakes.info.phone = '8345';
  mistakes.tasks[firstTask] = { ...mistakes.tasks[firstTask], owner: null, deadline: '下个月' };
  mistakes.tasks[secondTask] = { ...mistakes.tasks[secondTask], status: '完成', progress: '=已完成' };
  mistakes.tasks[lastTask] = { ...mistakes.tasks[lastTask], deadline: '2024年6月30日', status: '推进中' };

  const resaved = cleaned(plan, sampleSchoolFill(plan, '仪征市新城中学', '2024-08-29'), asOf);
  const good = await fillSchool(template, clean);

  return [
    { name: '仪征市实验小学-台账.xlsx', bytes: good, story: '填写规范，没有问题' },
    { name: '仪征市第二中学.xlsx', bytes: await fillSchool(template, mistakes), story: '有常见错误：漏填责任人、时限写法不对、状态不在下拉选项中、电话号码不全、逾期未完成' },
    { name: '仪征市实验小学-台账（修改）.xlsx', bytes: await fillSchool(template, late), story: '同一学校晚两天又交了一份：采用较新的，列出改动' },
    { name: '仪征市新城中学.xlsx', bytes: await fillSchool(template, resaved), story: '用 LibreOffice 打开后另存', resave: true },
    // A download that broke off half-way.
    { name: '城东小学.xlsx', bytes: good.slice(0, Math.floor(good.length / 2)), story: '文件不完整（下载中断）' },
  ];
}

export const DEMO_ROSTER = ['仪征市实验小学', '仪征市第二中学', '仪征市新城中学', '城东小学', '仪征市月塘小学'];
