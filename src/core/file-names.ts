/**
 * The names of the files taizhang offers to save: one rule each, so the CLI,
 * the page and the add-ins name the same output the same way.
 */

/** Output file names made from plan titles: the characters Windows and macOS refuse are dropped. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim() || '台账';
}

/** `<plan title>-台账.xlsx`, or `<plan title>-<unit>-台账.xlsx` when the unit is known. */
export function ledgerFileName(planTitle: string, unit?: string): string {
  const who = unit?.trim() ? `-${safeFileName(unit.trim())}` : '';
  return `${safeFileName(planTitle)}${who}-台账.xlsx`;
}

/** `<plan title>-汇总.xlsx`, or `<plan title>-汇总-2024-09-01.xlsx` with the day it judges by (a round's summaries side by side). */
export function summaryFileName(planTitle: string, asOf?: string): string {
  return `${safeFileName(planTitle)}-汇总${asOf ? `-${asOf}` : ''}.xlsx`;
}

/** `学校台账.xlsx` → `学校台账-校验标注.xlsx`. */
export function annotatedFileName(fileName: string): string {
  return `${fileName.replace(/\.xlsx$/i, '')}-校验标注.xlsx`;
}

/** The files of 各校反馈 besides the annotated copies. */
export const FEEDBACK_LIST_FILE = '反馈清单.xlsx';
export const FEEDBACK_MESSAGES_FILE = '各校反馈消息.txt';
export const CHASE_MESSAGE_FILE = '催报消息.txt';

/** `<plan title>-各校反馈-2024-09-01.zip`: what the page's 下载各校反馈 saves. */
export function feedbackZipFileName(planTitle: string, asOf: string): string {
  return `${safeFileName(planTitle)}-各校反馈-${asOf}.zip`;
}
