/**
 * 各校反馈: what the bureau sends back to each school after a roll-up, as
 * plain data and as the ready-to-paste message for a 企业微信 or QQ group.
 * One line per school, every problem named once with its sheet, its cells
 * and the fix: `仪征市第二中学：请于9月10日前修改后重新报送。1. 一、加强政治建设 F3 责任人未填；2. …`.
 * The same numbered items fill the 反馈清单 sheet, so the list and the
 * messages always agree.
 */
import { isoParts } from '../calendar.js';

export interface FeedbackProblem {
  /** '' for a problem of the whole file. */
  sheet: string;
  /** '' when the problem has no one cell. */
  cell: string;
  severity: 'error' | 'warning';
  /** What is wrong and the fix, in a few words (see feedback-fixes.ts). */
  fix: string;
}

export interface SchoolFeedback {
  school: string;
  /** The school's file the feedback speaks of (the adopted one, or the refused one). */
  file: string;
  reporter: string;
  phone: string;
  /** `problems`: read, with errors or warnings; `refused`: the file could not be used at all. */
  kind: 'problems' | 'refused';
  /** 有错误 / 有警告 / 无法读取 / 非本模板. */
  situation: string;
  errors: number;
  warnings: number;
  problems: FeedbackProblem[];
  /** Why the file could not be used (refused files). */
  reason?: string;
}

/** `2024-09-10` → `9月10日`; with the year when it is not `year` (a resubmission due after New Year). */
export function chineseDate(iso: string, year?: number): string {
  const parts = isoParts(iso);
  if (!parts) return iso;
  return `${parts.year === year ? '' : `${parts.year}年`}${parts.month}月${parts.day}日`;
}

/** `请于9月10日前` or, with no date given, `请尽快` (never a date the bureau did not set). */
export function resubmitPhrase(resubmitBy: string | undefined, asOf: string): string {
  return resubmitBy ? `请于${chineseDate(resubmitBy, isoParts(asOf)?.year)}前` : '请尽快';
}

/**
 * The problems as numbered items: problems with the same sheet and fix share one item, their cells joined
 * (`一、加强政治建设 F3、F5 责任人未填`); errors first, each group in the order found; warnings end `（请核对）`.
 */
export function feedbackItems(problems: readonly FeedbackProblem[]): string[] {
  const groups = new Map<string, { first: FeedbackProblem; cells: string[] }>();
  for (const severity of ['error', 'warning'] as const) {
    for (const p of problems) {
      if (p.severity !== severity) continue;
      const key = `${severity}\u0000${p.sheet}\u0000${p.fix}`;
      const group = groups.get(key) ?? { first: p, cells: [] };
      if (p.cell && !group.cells.includes(p.cell)) group.cells.push(p.cell);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ first, cells }, i) => {
    const place = [first.sheet, cells.join('、')].filter(Boolean).join(' ');
    return `${i + 1}. ${place ? `${place} ` : ''}${first.fix}${first.severity === 'warning' ? '（请核对）' : ''}`;
  });
}

/** The one-line message for a school. */
export function schoolMessage(feedback: SchoolFeedback, resubmitBy: string | undefined, asOf: string): string {
  const when = resubmitPhrase(resubmitBy, asOf);
  if (feedback.kind === 'refused') {
    // What happened, in the reader's first sentence; its advice is the bureau's (让报送单位重新发送), not the school's.
    const what = /^[^。]*。?/u.exec((feedback.reason ?? '').replace(/\s+/g, ' ').trim())?.[0] ?? '';
    const how = feedback.situation === '非本模板' ? '用本次下发的台账模板填写后' : '检查文件后';
    return `${feedback.school}：报送的文件无法使用：${what.replace(/。?$/u, '。')}${when}${how}重新报送。`;
  }
  const items = feedbackItems(feedback.problems).join('；');
  const head = feedback.errors > 0 ? `${when}修改后重新报送。` : `台账已收到，以下几处请核对，需要修改的${when}重新报送。`;
  return `${feedback.school}：${head}${items}。`;
}

/** The 催报 message: every roster school that sent nothing, in roster order; undefined when none is missing. */
export function chaseMessage(planTitle: string, missing: readonly string[], resubmitBy: string | undefined, asOf: string): string | undefined {
  if (missing.length === 0) return undefined;
  const when = resubmitBy ? `请于${chineseDate(resubmitBy, isoParts(asOf)?.year)}前报送` : '请尽快报送';
  return `截至${chineseDate(asOf)}，以下 ${missing.length} 所学校尚未报送《${planTitle}》台账，${when}：${missing.join('、')}。`;
}
