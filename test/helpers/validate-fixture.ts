/**
 * The seed plan filled in correctly, for the validation tests: every 完成时限
 * form the reader accepts (spread over the 14 tasks and rows inserted under
 * them), real date cells, a serial with a date format, every status, 已完成
 * with 完成情况, a past due date that is done, several owners per cell, rich
 * text, a formula with a cached result, leading ordinary and full-width spaces.
 * Tests break one thing at a time on top of it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractLedger } from '../../src/core/ledger/extract-ledger';
import { indexTemplate, type TemplateIndex } from '../../src/core/ledger/template-index';
import type { Issue, Plan } from '../../src/core/model';
import { parsePlan } from '../../src/core/plan/index';
import { validateLedger, type ValidateOptions } from '../../src/core/validate/validate-ledger';
import { readWorkbook } from '../../src/xlsx/read/index';
import { fillLedger, type FillOptions, type RowValues } from './fill-ledger';

export const seedPlan: Plan = parsePlan(
  fs.readFileSync(path.join(__dirname, '..', '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8'),
).plan;
export const seedIndex: TemplateIndex = indexTemplate(seedPlan);
export const AS_OF = '2024-09-01';

export const SHEET = {
  p1: '一、加强政治建设',
  p2: '二、夯实组织体系建设',
  p3: '三、突出队伍作风建设',
  p4: '四、狠抓党的纪律建设',
  info: '填报说明',
} as const;

const DONE = '已完成';
const done = (deadline: RowValues['deadline'], extra: RowValues = {}): RowValues => ({
  measures: '召开专题会议，制定实施方案',
  unit: '党建办',
  owner: '张三',
  deadline,
  progress: '已召开专题会议 3 次，方案已印发。',
  status: DONE,
  ...extra,
});
const ongoing = (deadline: RowValues['deadline'], status = '推进中', extra: RowValues = {}): RowValues => ({
  measures: '按计划分步推进',
  unit: '办公室、德育处',
  owner: '李四、王五',
  deadline,
  progress: '正在推进，已完成阶段目标。',
  status,
  ...extra,
});
/** An inserted row: more measures for the same task, with their own deadline and status. */
const more = (deadline: RowValues['deadline'], status: string): RowValues => ({
  measures: '补充举措：开展专项检查',
  deadline,
  status,
  ...(status === DONE ? { progress: '检查已完成，问题已整改。' } : {}),
});

/** Rows after filling: 一 T1..T4 at 3,4,5,7 (extra at 6); 二 T5..T7 at 3,5,7 (extras 4,6,8); 三 T8..T10 at 3,5,7 (extras 4,6,8); 四 T11..T14 at 3,5,7,8 (extras 4,6). */
export function goodFill(): FillOptions {
  return {
    info: {
      unit: '仪征市实验小学',
      reporter: '赵老师',
      phone: '0514-83456789',
      date: { date: '2024-08-30', numFmt: 'yyyy"年"m"月"d"日"' },
    },
    tasks: {
      // A past due date that is done: no overdue warning.
      P1T1: done('2024-06-30'),
      P1T2: done('2024/6/30', { owner: '钱七，孙八', remark: '-' }),
      P1T3: done('2024.6.30', { progress: { richText: ['已形成', '调研报告', ' 2 篇。'] } }),
      P1T4: done('\u30002024年6月30日', { owner: '  周九/吴十' }),
      P2T5: done('6月底前'),
      P2T6: ongoing('年底前'),
      P2T7: done('上半年'),
      P3T8: ongoing('第三季度', '\u3000推进中'),
      P3T9: ongoing('每月', '推进中', { status: { formula: 'IF(TRUE,"推进中","")', result: '推进中' } }),
      P3T10: ongoing('每学期'),
      P4T11: ongoing('长期坚持'),
      P4T12: ongoing('持续推进'),
      // A real date cell, and a bare serial (2024-12-15) with a Chinese date format.
      P4T13: ongoing({ date: '2024-11-30' }),
      P4T14: ongoing({ serial: 45641, numFmt: 'yyyy"年"m"月"d"日"' }, '未开始', { progress: null }),
    },
    inserted: [
      { under: 'P1T3', values: more('6月30日', DONE) },
      { under: 'P2T5', values: more('2024年6月底前', DONE) },
      { under: 'P2T6', values: more('年内', '推进中') },
      { under: 'P2T7', values: more('下半年', '未开始') },
      { under: 'P3T8', values: more('三季度末', '推进中') },
      { under: 'P3T9', values: more('每季度', '推进中') },
      { under: 'P3T10', values: more('每年', '推进中') },
      { under: 'P4T11', values: more('长期', '推进中') },
      { under: 'P4T12', values: more('常态化', '推进中') },
    ],
  };
}

/** `goodFill()` with some tasks' values and some info fields replaced. */
export function withChanges(change: { tasks?: Record<string, RowValues>; info?: FillOptions['info'] } & Omit<FillOptions, 'tasks' | 'info'>): FillOptions {
  const base = goodFill();
  const tasks = { ...base.tasks };
  for (const [id, values] of Object.entries(change.tasks ?? {})) tasks[id] = { ...tasks[id], ...values };
  return { ...base, ...change, tasks, info: { ...base.info, ...change.info } };
}

export interface Checked {
  issues: Issue[];
  /** Extraction issues, for the tests that want to know the file was read the normal way. */
  extractIssues: Issue[];
}

export function validateBytes(bytes: Uint8Array, options: Partial<ValidateOptions> = {}): Checked {
  const read = readWorkbook(bytes, { fileName: 'ledger.xlsx' });
  if (!read.ok) throw new Error(`read failed: ${read.issue.code}`);
  const extracted = extractLedger(read.workbook, seedIndex, 'ledger.xlsx');
  if (!extracted.ok) throw new Error(`extract failed: ${extracted.issue.code}`);
  const issues = validateLedger(extracted.ledger, seedIndex, {
    asOf: AS_OF,
    date1904: read.workbook.date1904,
    ...options,
  });
  return { issues, extractIssues: extracted.issues };
}

export async function fillAndValidate(fill: FillOptions, options: Partial<ValidateOptions> = {}): Promise<Checked> {
  return validateBytes(await fillLedger(seedPlan, fill), options);
}

/** `CODE 工作表!A1` lines: what a test compares. */
export function brief(issues: Issue[]): string[] {
  return issues.map((i) => `${i.code} ${i.where.sheet ?? ''}!${i.where.cell ?? ''}`);
}
