/**
 * The school submissions of the demo's second round (第2期): one clean, one
 * with the mistakes clerks really make, a late second submission of the clean
 * school, a school that sent nothing last round now submitting (re-saved by
 * LibreOffice when installed), and a broken file. The clean school's two files
 * start from its carried-forward ledger (`base`), so only what changed since
 * the first round is filled in, as a clerk using `generate --from` would.
 */
import { readDeadline } from '../../core/deadline/index.js';
import type { Plan } from '../../core/model.js';
import { daysBefore } from './demo-dates.js';
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

/** The text the demo's clean school writes for its last task when it completes it (round 2's 新完成). */
export const LAST_TASK_DONE = '已开展集中性纪律教育 2 场，覆盖全体党员。';

/**
 * Makes a fill have nothing to complain about as of `asOf` (past date deadlines are done);
 * returns the ids of the tasks it marked 已完成.
 */
export function cleanUp(plan: Plan, fill: SchoolFill, asOf: string): string[] {
  const done: string[] = [];
  for (const [id, values] of Object.entries(fill.tasks)) {
    const due = readDeadline(typeof values.deadline === 'string' ? values.deadline : null, { year: plan.year });
    if (due.kind === 'date' && due.date < asOf && values.status !== '已完成') {
      values.status = '已完成';
      values.progress = '已按时完成，形成总结材料。';
      done.push(id);
    }
  }
  return done;
}

export function cleaned(plan: Plan, fill: SchoolFill, asOf: string): SchoolFill {
  cleanUp(plan, fill, asOf);
  return fill;
}

export function lastTaskId(plan: Plan): string {
  const lastPillar = plan.pillars[plan.pillars.length - 1]!;
  return lastPillar.tasks[lastPillar.tasks.length - 1]!.id;
}

/**
 * 实验小学 in round 2: on its carried-forward ledger only the date and the tasks
 * completed since (`since`: round 1's as-of) are written; on the blank template, everything.
 */
function experimentalSchool(plan: Plan, asOf: string, reportDate: string, since: string | undefined): SchoolFill {
  const fill = sampleSchoolFill(plan, '仪征市实验小学', reportDate);
  if (since === undefined) return cleaned(plan, fill, asOf);
  cleanUp(plan, fill, since);
  const newlyDone = cleanUp(plan, fill, asOf);
  // The carried ledger keeps 填报单位, 填报人 and 联系电话; the clerk writes only the date again.
  return { info: { date: reportDate }, tasks: Object.fromEntries(newlyDone.map((id) => [id, fill.tasks[id]!])) };
}

/** `base`: 实验小学's ledger carried forward from round 1, whose as-of was `since`. */
export async function demoSchools(plan: Plan, template: Uint8Array, asOf: string, base?: { bytes: Uint8Array; since: string }): Promise<DemoFile[]> {
  const firstTask = plan.pillars[0]!.tasks[0]!.id;
  const secondTask = plan.pillars[1]?.tasks[0]?.id ?? firstTask;
  const lastTask = lastTaskId(plan);
  const start = base?.bytes ?? template;

  const clean = experimentalSchool(plan, asOf, daysBefore(asOf, 4), base?.since);
  const late = experimentalSchool(plan, asOf, daysBefore(asOf, 1), base?.since);
  late.tasks[lastTask] = { ...(base ? {} : late.tasks[lastTask]), status: '已完成', progress: LAST_TASK_DONE };

  const mistakes = sampleSchoolFill(plan, '仪征市第二中学', daysBefore(asOf, 2));
  mistakes.info.phone = '8345';
  mistakes.tasks[firstTask] = { ...mistakes.tasks[firstTask], owner: null, deadline: '下个月' };
  mistakes.tasks[secondTask] = { ...mistakes.tasks[secondTask], status: '完成', progress: '=已完成' };
  mistakes.tasks[lastTask] = { ...mistakes.tasks[lastTask], deadline: `${plan.year}年6月30日`, status: '推进中' };

  const resaved = cleaned(plan, sampleSchoolFill(plan, '仪征市新城中学', daysBefore(asOf, 3)), asOf);
  const good = await fillSchool(start, clean);

  return [
    { name: '仪征市实验小学-台账.xlsx', bytes: good, story: base ? '用上期台账生成本期台账，只改了有变化的任务，补填联系电话和日期，没有问题' : '填写规范，没有问题' },
    { name: '仪征市第二中学.xlsx', bytes: await fillSchool(template, mistakes), story: '有常见错误：漏填责任人、时限写法不对、状态不在下拉选项中、电话号码不全、逾期未完成' },
    { name: '仪征市实验小学-台账（修改）.xlsx', bytes: await fillSchool(start, late), story: '同一学校晚三天又交了一份（最后一项任务已完成）：采用较新的，列出改动' },
    { name: '仪征市新城中学.xlsx', bytes: await fillSchool(template, resaved), story: `上期没有报送，本期${base ? '补报' : '报送'}，用 LibreOffice 打开后另存`, resave: true },
    // A download that broke off half-way.
    { name: '城东小学.xlsx', bytes: good.slice(0, Math.floor(good.length / 2)), story: '文件不完整（下载中断）' },
  ];
}

export const DEMO_ROSTER = ['仪征市实验小学', '仪征市第二中学', '仪征市新城中学', '城东小学', '仪征市月塘小学'];
