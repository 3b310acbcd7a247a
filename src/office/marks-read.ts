/**
 * The reads every mark action starts with, in two requests whatever the
 * workbook's size: (1) sheet names, each sheet's protection as it is now
 * (ExcelApi 1.2), the comments (1.10) and the structure lock (1.7); (2) the
 * store's rows and where each comment sits. Restoring then works from the
 * sheets' present state, not from what was remembered when marking: the user
 * may have protected, unprotected or deleted things since.
 */
/// <reference types="office-js" />
import type { Capabilities } from './capabilities.js';
import { cellKey, MARKS_SHEET_NAME, rowsToRecords, type MarkRecord } from './marks-store.js';
import { queueStructureCheck } from './structure-lock.js';

export type Counter = { syncs: number };

export async function counted(context: Excel.RequestContext, counter: Counter): Promise<void> {
  counter.syncs++;
  await context.sync();
}

export interface WorkbookState {
  names: string[];
  /** Sheets protected right now, with their options (ExcelApi 1.2). */
  protectedNow: Map<string, Excel.WorksheetProtectionOptions>;
  hasStore: boolean;
  structureLocked: boolean;
  comments?: Excel.CommentCollection;
}

/** Request 1. */
export async function readWorkbookState(context: Excel.RequestContext, caps: Capabilities, counter: Counter): Promise<WorkbookState> {
  const props = caps.has('protection') ? 'items/name,items/protection/protected,items/protection/options' : 'items/name';
  const sheets = context.workbook.worksheets.load(props);
  const comments = caps.has('comments') ? context.workbook.comments.load('items/id,items/content') : undefined;
  const locked = queueStructureCheck(context.workbook, caps);
  await counted(context, counter);
  const names = sheets.items.map((s) => s.name);
  const protectedNow = new Map<string, Excel.WorksheetProtectionOptions>();
  // Copied now: the proxies are read once, before this action changes anything.
  if (caps.has('protection')) for (const s of sheets.items) if (s.protection.protected) protectedNow.set(s.name, { ...s.protection.options });
  return { names, protectedNow, hasStore: names.includes(MARKS_SHEET_NAME), structureLocked: locked(), ...(comments ? { comments } : {}) };
}

export interface Stored {
  /** The store's records (empty when there is no store). */
  records: MarkRecord[];
  /** Cells (`sheet!A1`) that carry a comment, anyone's. */
  commented: Set<string>;
  /**
   * Our comments by cell: only these exist to be deleted (getItemByCell
   * throws on a cell without one), and one the user wrote in place of ours is not ours.
   */
  ourCommentAt: Map<string, Excel.Comment>;
}

/** How our comments begin (marks.ts writes them). */
export const COMMENT_PREFIX = '台账校验：';

/** Request 2. */
export async function readStored(context: Excel.RequestContext, state: WorkbookState, counter: Counter): Promise<Stored> {
  const items = state.comments?.items ?? [];
  const locations = items.map((c) => c.getLocation().load('address'));
  const used = state.hasStore ? context.workbook.worksheets.getItem(MARKS_SHEET_NAME).getUsedRange().load('values') : undefined;
  await counted(context, counter);
  const commented = new Set<string>();
  const ourCommentAt = new Map<string, Excel.Comment>();
  locations.forEach((l, i) => {
    const key = cellKey(l.address);
    commented.add(key);
    if (String(items[i]!.content).startsWith(COMMENT_PREFIX)) ourCommentAt.set(key, items[i]!);
  });
  return { records: used ? rowsToRecords(used.values) : [], commented, ourCommentAt };
}
