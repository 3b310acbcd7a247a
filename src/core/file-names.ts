/**
 * The names of the files taizhang offers to save: one rule each, so the CLI,
 * the page and the add-ins name the same output the same way.
 */

/** Output file names made from plan titles: the characters Windows and macOS refuse are dropped. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim() || '台账';
}

/** `<plan title>-台账.xlsx`. */
export function ledgerFileName(planTitle: string): string {
  return `${safeFileName(planTitle)}-台账.xlsx`;
}

/** `<plan title>-汇总.xlsx`. */
export function summaryFileName(planTitle: string): string {
  return `${safeFileName(planTitle)}-汇总.xlsx`;
}

/** `学校台账.xlsx` → `学校台账-校验标注.xlsx`. */
export function annotatedFileName(fileName: string): string {
  return `${fileName.replace(/\.xlsx$/i, '')}-校验标注.xlsx`;
}
