/**
 * Files found beside the submissions that are never one: Office lock files
 * (`~$台账.xlsx`, left while a workbook is open), hidden files (`.DS_Store`,
 * macOS's `._台账.xlsx`) and Windows' Thumbs.db / desktop.ini. The CLI's
 * folder walk and the page's folder pick both leave them out (and count
 * them), so a folder rolls up the same whichever way it was given.
 */
const NOT_SUBMISSIONS = /^(~\$|\.|thumbs\.db$|desktop\.ini$)/i;

/** Whether an entry's own name (not its path) marks a file no school sends. */
export function isNotSubmission(name: string): boolean {
  return NOT_SUBMISSIONS.test(name);
}
