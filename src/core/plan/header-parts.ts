/**
 * Header shapes beyond the seed's: a `（此件主动公开）` line, a notice title
 * that starts with its issuers (`中共某某教育工委 某某教育厅关于印发……的通知`),
 * issuers over two lines above the notice, and a title over two lines
 * (`某某中学` / `2025年德育工作要点`).
 */
import type { SourceLine } from './source-line.js';

/** `（此件主动公开）`, `此件公开发布`, `（此件依申请公开）`: a line about publication, never the title. */
export const DISCLOSURE = /^[（(]?\s*此\s*件[^。，]{0,10}?[）)]?$/;

/** The name of an issuing body: ends the way 机关 and schools are named. */
const ORG_END = /(委员会|工委|党委|党组|局|厅|委|政府|办公室|中心|学校|中学|小学|幼儿园|学院|大学|总支|支部)$/;
const ORG_TEXT = /^[\u4e00-\u9fff（）()·\s]{2,60}$/;

export function isOrgName(text: string): boolean {
  const t = text.trim();
  return ORG_TEXT.test(t) && ORG_END.test(t);
}

/** `A B关于印发…` → issuers `A B` and the rest from 关于; `关于印发…` → no issuers. */
export function splitNoticeIssuers(text: string): { issuers: string; rest: string } | undefined {
  const at = text.indexOf('关于');
  if (at < 0 || at > 60) return undefined;
  const issuers = text.slice(0, at).replace(/\s+/g, ' ').trim();
  if (issuers && !isOrgName(issuers)) return undefined;
  return { issuers, rest: text.slice(at) };
}

/** Issuer lines straight above `index` (one or two: a party committee and the bureau). */
export function issuerLinesAbove(lines: readonly SourceLine[], index: number, floor: number): string[] {
  const found: string[] = [];
  for (let i = index - 1; i > floor && i >= index - 3; i--) {
    const text = lines[i]!.text;
    if (!isOrgName(text)) break;
    found.unshift(text.replace(/\s+/g, ' ').trim());
  }
  return found;
}

/** What a plan's title names: 要点, 计划, 方案 …. A first title line without one may go on in the next line. */
const PLAN_WORD = /(要点|计划|方案|安排|任务|意见|规划|清单|分解表|细则|台账|思路)/;

/** The title line at `index` and, when it does not yet name the plan, the title-like line after it. */
export function titleRun(lines: readonly SourceLine[], index: number, isTitleLike: (text: string) => boolean): { text: string; end: number } {
  const first = lines[index]?.text ?? '';
  const next = lines[index + 1]?.text;
  const joins = next !== undefined && isTitleLike(next) && PLAN_WORD.test(next) && !next.startsWith(first);
  if (!PLAN_WORD.test(first) && joins && (first + next).length <= 60) {
    return { text: first + next, end: index + 1 };
  }
  return { text: first, end: index };
}
