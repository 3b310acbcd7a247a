/**
 * What WPS throws → what the pane shows. ET's object model throws plain
 * script errors (a COM failure turned into an Error whose message is WPS's
 * own, localized text): there are no error codes to choose advice by, so the
 * message is shown as the detail inside our zh-CN advice for the action.
 */
import { messageFor } from '../core/issues.js';
import type { MessageCode } from '../core/messages.zh-CN.js';

export interface WpsFailure {
  code: MessageCode;
  message: string;
}

export function detailOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' && error !== '' ? error : String(error);
}

export function wpsFailure(code: MessageCode, params: Record<string, string | number> = {}): WpsFailure {
  return { code, message: messageFor(code, params) };
}

/** `code` takes `{detail}`: WPS's own words for what went wrong. */
export function toWpsFailure(error: unknown, code: MessageCode = 'WPS_ACTION_FAILED'): WpsFailure {
  return wpsFailure(code, { detail: detailOf(error) });
}
