/**
 * The end of a 工作要点 sent as an official document (附件 list, 署名, 成文日期,
 * 抄送, 印发) is not part of the last task: it is set aside with an info issue
 * naming where it starts, and the last task reads as it does without it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlan } from '../src/core/plan/index';
import type { Task } from '../src/core/model';

const SEED = fs.readFileSync(path.join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8');
const SEED_LINES = SEED.split(/\r\n|\r|\n/).length;
const tasksOf = (text: string): Task[] => parsePlan(text).plan.pillars.flatMap((p) => p.tasks);
const plain = tasksOf(SEED);

test('the seed alone has no trailer, and its last task ends with its own sentence', () => {
  expect(parsePlan(SEED).issues.map((i) => i.code)).not.toContain('PLAN_TRAILER_IGNORED');
  expect(plain.at(-1)!.body.endsWith('一体推进不敢腐不能腐不想腐。')).toBe(true);
});

test('署名 and 成文日期 after the last task are set aside', () => {
  const text = `${SEED}\n\n中共仪征市教育局委员会\n2024年3月1日\n`;
  const { plan, issues } = parsePlan(text);
  expect(plan.pillars.flatMap((p) => p.tasks)).toEqual(plain);
  expect(issues.map((i) => [i.code, i.severity, i.where.line, i.params])).toEqual([
    ['PLAN_TRAILER_IGNORED', 'info', SEED_LINES + 2, { count: 2, text: '中共仪征市教育局委员会' }],
  ]);
});

test('a whole 公文 ending: an 附件 list numbered like tasks, two 署名, a date in Chinese numerals, 抄送 and 印发', () => {
  const ending = ['附件：', '1. 2024年党建工作任务分解表', '2. 责任清单', '', '中共仪征市教育局委员会', '仪征市教育局', '二〇二四年三月一日', '', '抄送：市委组织部，市纪委监委派驻纪检监察组。', '仪征市教育局办公室 2024年3月1日印发'];
  const { plan, issues } = parsePlan(`${SEED}\n\n${ending.join('\n')}\n`);
  // The list's “1.” and “2.” are not tasks 15 and 16, nor duplicates of tasks 1 and 2.
  expect(plan.pillars.flatMap((p) => p.tasks)).toEqual(plain);
  expect(issues.map((i) => [i.code, i.params.count, i.params.text])).toEqual([['PLAN_TRAILER_IGNORED', 8, '附件：']]);
});

test('a last paragraph without a full stop stays with its task when no date follows it', () => {
  const text = `${SEED}\n坚持长期推进\n`;
  const tasks = tasksOf(text);
  expect(tasks.at(-1)!.body.endsWith('坚持长期推进')).toBe(true);
  expect(parsePlan(text).issues.map((i) => i.code)).not.toContain('PLAN_TRAILER_IGNORED');
});
