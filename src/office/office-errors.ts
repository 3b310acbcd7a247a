/**
 * Office errors → TaizhangError with a zh-CN message saying what to do. The
 * pane never sees a raw OfficeExtension.Error: every action catches, cleans
 * up, and returns `{ ok: false, error }` built here.
 *
 * The advice is chosen by the error code (Microsoft's "Error handling with
 * the application-specific JavaScript APIs" lists them, with Excel.ErrorCodes)
 * and by where Excel says it happened (`debugInfo.errorLocation`, such as
 * `WorksheetProtection.unprotect`): the same AccessDenied means a password
 * when lifting protection, a locked structure when adding a sheet, and a
 * read-only workbook when writing cells. Excel's own wording is localized and
 * only consulted for the codes that carry no meaning of their own.
 */
import { TaizhangError } from '../core/issues.js';
import type { MessageCode } from '../core/messages.zh-CN.js';

/** What the pane shows for a failed action. */
export interface OfficeFailure {
  code: MessageCode;
  message: string;
  /** The Office error code, for support (e.g. `InvalidOperation`). */
  officeCode?: string;
}

interface OfficeErrorLike {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown };
}

/** Documented code → advice, where the code alone says what happened. */
export const OFFICE_CODE_ADVICE: Readonly<Record<string, MessageCode>> = {
  AccessDenied: 'OFFICE_READ_ONLY',
  InvalidOperationInCellEditMode: 'OFFICE_CELL_EDITING',
  BadPassword: 'OFFICE_SHEET_PASSWORD',
  RequestPayloadSizeLimitExceeded: 'OFFICE_PAYLOAD_TOO_LARGE',
  ResponsePayloadSizeLimitExceeded: 'OFFICE_PAYLOAD_TOO_LARGE',
  ActivityLimitReached: 'OFFICE_BUSY',
  Conflict: 'OFFICE_BUSY',
  ServiceNotAvailable: 'OFFICE_BUSY',
  ApiNotFound: 'OFFICE_NOT_SUPPORTED',
  ApiNotAvailable: 'OFFICE_NOT_SUPPORTED',
  NotImplemented: 'OFFICE_NOT_SUPPORTED',
  UnsupportedOperation: 'OFFICE_NOT_SUPPORTED',
};

/** Calls that change the workbook's structure: refused with AccessDenied while Review → Protect Workbook is on. */
const STRUCTURE_CALLS = /^(WorksheetCollection\.add|Worksheet\.(delete|name|visibility)|Workbook\.insertWorksheetsFromBase64)\b/;
const REFUSALS = new Set(['AccessDenied', 'InvalidArgument', 'InvalidOperation', 'BadPassword']);

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function adviceFor(officeCode: string, location: string, detail: string): MessageCode {
  if (location.startsWith('WorksheetProtection.') && REFUSALS.has(officeCode)) return 'OFFICE_SHEET_PASSWORD';
  if (officeCode === 'AccessDenied' && STRUCTURE_CALLS.test(location)) return 'OFFICE_WORKBOOK_PROTECTED';
  const byCode = OFFICE_CODE_ADVICE[officeCode];
  if (byCode) return byCode;
  // InvalidOperation and the rest say only "not now": the message tells why (English or the user's language).
  if (/cell.?edit|edit mode|编辑模式|单元格编辑/i.test(detail)) return 'OFFICE_CELL_EDITING';
  if (/protect|受保护/i.test(detail)) return 'OFFICE_PROTECTED';
  if (/read.?only|只读/i.test(detail)) return 'OFFICE_READ_ONLY';
  return 'OFFICE_FAILED';
}

/** Maps anything an Excel.run may throw. A TaizhangError passes through. */
export function toOfficeFailure(error: unknown): OfficeFailure {
  if (error instanceof TaizhangError) return { code: error.code, message: error.message };
  const e = (error ?? {}) as OfficeErrorLike;
  const officeCode = text(e.code) || text(e.debugInfo?.code);
  const detail = text(e.message) || text(e.debugInfo?.message) || officeCode || String(error);
  const code = adviceFor(officeCode, text(e.debugInfo?.errorLocation), detail);
  const failure = new TaizhangError(code, { detail });
  return { code, message: failure.message, ...(officeCode ? { officeCode } : {}) };
}
