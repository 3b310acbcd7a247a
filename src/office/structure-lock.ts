/**
 * Workbook structure protection (Review → Protect Workbook) forbids adding,
 * deleting, renaming and hiding sheets, which every write action does. Where
 * ExcelApi 1.7 can tell (`workbook.protection.protected`), an action asks in
 * its first batch and stops before touching anything; older Excel cannot
 * ask, so the actions order their batches to fail at the sheet change first.
 */
/// <reference types="office-js" />
import { messageFor } from '../core/issues.js';
import type { Capabilities } from './capabilities.js';
import type { OfficeFailure } from './office-errors.js';

/** Queues the question; the answer is readable after the next sync (always false where Excel cannot tell). */
export function queueStructureCheck(workbook: Excel.Workbook, caps: Capabilities): () => boolean {
  if (!caps.has('workbookProtection')) return () => false;
  const protection = workbook.protection.load('protected');
  return () => protection.protected === true;
}

export function structureLocked(): OfficeFailure {
  return { code: 'OFFICE_WORKBOOK_PROTECTED', message: messageFor('OFFICE_WORKBOOK_PROTECTED', {}) };
}
