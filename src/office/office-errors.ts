/**
 * Office errors → TaizhangError with a zh-CN message saying what to do. The
 * pane never sees a raw OfficeExtension.Error: every action catches, cleans
 * up, and returns `{ ok: false, error }` built here.
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

/** Office error code → our code. Codes from OfficeExtension.ErrorCodes and Excel.ErrorCodes. */
const BY_OFFICE_CODE: Record<string, MessageCode> = {
  InvalidOperation: 'OFFICE_PROTECTED',
  AccessDenied: 'OFFICE_READ_ONLY',
  InvalidOperationInCellEditMode: 'OFFICE_CELL_EDITING',
  EditModeCellEditing: 'OFFICE_CELL_EDITING',
  RequestPayloadSizeLimitExceeded: 'OFFICE_PAYLOAD_TOO_LARGE',
  ResponsePayloadSizeLimitExceeded: 'OFFICE_PAYLOAD_TOO_LARGE',
  ActivityLimitReached: 'OFFICE_BUSY',
  Conflict: 'OFFICE_BUSY',
  ServiceUnavailable: 'OFFICE_BUSY',
  ApiNotFound: 'OFFICE_NOT_SUPPORTED',
  NotImplemented: 'OFFICE_NOT_SUPPORTED',
  UnsupportedOperation: 'OFFICE_NOT_SUPPORTED',
  UnsupportedFeature: 'OFFICE_NOT_SUPPORTED',
};

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Maps anything an Excel.run may throw. A TaizhangError passes through; an
 * InvalidOperation whose message does not mention protection or read-only is
 * still most often protection (Excel's own wording varies by language), so it
 * keeps that advice but shows Excel's message as the detail.
 */
export function toOfficeFailure(error: unknown): OfficeFailure {
  if (error instanceof TaizhangError) return { code: error.code, message: error.message };
  const e = (error ?? {}) as OfficeErrorLike;
  const officeCode = text(e.code) || text(e.debugInfo?.code);
  const detail = text(e.message) || text(e.debugInfo?.message) || officeCode || String(error);
  let code: MessageCode = BY_OFFICE_CODE[officeCode] ?? 'OFFICE_FAILED';
  if (code === 'OFFICE_PROTECTED' && /read.?only|只读/i.test(detail)) code = 'OFFICE_READ_ONLY';
  if (code === 'OFFICE_FAILED' && /protect|受保护/i.test(detail)) code = 'OFFICE_PROTECTED';
  const failure = new TaizhangError(code, { detail });
  return { code, message: failure.message, ...(officeCode ? { officeCode } : {}) };
}
