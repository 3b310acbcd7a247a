/**
 * Building and describing domain problems. Problems are data (`Issue`); only
 * real faults are thrown, as `TaizhangError`, and both are described through
 * the same zh-CN message table.
 */
import type { Issue, Location, Severity } from './model.js';
import { MESSAGES_ZH_CN, type MessageCode } from './messages.zh-CN.js';

export type Params = Record<string, string | number>;

export function issue(code: MessageCode, severity: Severity, where: Location, params: Params = {}): Issue {
  return { code, severity, where, params };
}

/** Fills `{name}` placeholders; an unknown placeholder is left visible rather than silently dropped. */
export function fillTemplate(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Wordings that replace the CLI's for one front end (the page's: messages.page.zh-CN.ts); none by default. */
let variants: Readonly<Record<string, string | undefined>> = {};

/** A front end without a command line words the messages that name a CLI option its own way. */
export function useMessageVariants(table: Readonly<Partial<Record<MessageCode, string>>>): void {
  variants = table;
}

export function messageFor(code: string, params: Params): string {
  const template = variants[code] ?? (MESSAGES_ZH_CN as Record<string, string>)[code];
  return template === undefined ? `${code}（${JSON.stringify(params)}）` : fillTemplate(template, params);
}

/** `文件 a.xlsx，工作表“一、…”，单元格 G5` — the location in the words a clerk uses. */
export function describeLocation(where: Location): string {
  const parts: string[] = [];
  if (where.file) parts.push(`文件 ${where.file}`);
  if (where.line !== undefined) parts.push(`第 ${where.line} 行`);
  if (where.sheet) parts.push(`工作表“${where.sheet}”`);
  if (where.cell) parts.push(`单元格 ${where.cell}`);
  return parts.join('，');
}

/** How each severity is named to users, everywhere a problem is shown. */
export const SEVERITY_ZH: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };

/** One line for a report: `[错误 PLAN_TASK_GAP] 第 12 行：任务编号不连续…`. */
export function describeIssue(item: Issue): string {
  const place = describeLocation(item.where);
  return `[${SEVERITY_ZH[item.severity]} ${item.code}] ${place ? place + '：' : ''}${messageFor(item.code, item.params)}`;
}

/** A real fault (missing file, unwritable output, a bug): thrown, carries a code and params. */
export class TaizhangError extends Error {
  readonly code: MessageCode;
  readonly params: Params;
  constructor(code: MessageCode, params: Params = {}, options?: { cause?: unknown }) {
    super(messageFor(code, params), options);
    this.name = 'TaizhangError';
    this.code = code;
    this.params = params;
  }
}
