/**
 * The document header of a 工作要点: what comes before the first pillar. A
 * plan is often sent wrapped in its 印发通知 (issuing body, 文号, 关于印发…的通知,
 * 成文日期, 附件：<title>), or on its own as just a title and a preamble.
 * Lines here are read one by one: no page-break healing before the first pillar.
 */
import type { IsoDate, PlanHeader } from '../model.js';
import { isOrgName, issuerLinesAbove, splitNoticeIssuers, titleRun } from './header-parts.js';
import { smallNumberValue, yearValue } from './numerals.js';
import { tidyText } from './tidy.js';

import type { SourceLine } from './source-line.js';

export type { SourceLine } from './source-line.js';

export interface HeaderResult {
  header: PlanHeader;
  /** Tidied plan title, '' when none could be found. */
  title: string;
  /** Index into the lines where the preamble (指导思想) starts. */
  preambleStart: number;
}

/** `仪教委【2024】8号`, `苏教办〔2025〕3号`, `X教[2025]第12号`, at the start of a short line (a 签发人 may follow). */
const DOC_NUMBER = /^([^\s【〔[［(（]{1,20})\s*[【〔[［(（]\s*((?:19|20)\d{2})\s*[】〕\]］)）]\s*(?:第\s*)?(\d{1,4})\s*号/;
/** `2024 年 4 月 7 日`, `二〇二四年四月七日`. */
const DATE_LINE = /^([0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;
/** `附件：`, `附件1：标题`, `附件` on its own. Not `附：《…》`, which lists the attachment inside the notice. */
export const ATTACHMENT_LINE = /^附\s*件\s*[0-9０-９]*\s*[:：]?\s*(.*)$/;
/** A title never ends in running-text punctuation. */
const NOT_TITLE_END = /[。，、；：:,;！？!?]$/;

function readDocNumber(text: string): string | undefined {
  if (text.length > 60) return undefined;
  const m = DOC_NUMBER.exec(text);
  return m ? `${m[1]}〔${m[2]}〕${m[3]}号` : undefined;
}

export function readIssueDate(text: string): IsoDate | undefined {
  const m = DATE_LINE.exec(text);
  if (!m) return undefined;
  const year = yearValue(m[1] ?? '');
  const month = smallNumberValue(m[2] ?? '');
  const day = smallNumberValue(m[3] ?? '');
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * `关于印发《…》的` + `通知` may be wrapped over up to three lines, and may start
 * with its issuers: `中共某某教育工委 某某教育厅关于印发……的通知`.
 */
function readNoticeTitle(lines: SourceLine[], start: number): { title: string; issuers: string; end: number } | undefined {
  const split = splitNoticeIssuers(lines[start]?.text ?? '');
  if (!split) return undefined;
  let text = split.rest;
  for (let end = start; end < start + 3 && end < lines.length; end++) {
    if (end > start) text += lines[end]?.text ?? '';
    if (/通知$/.test(text)) {
      const title = split.issuers ? `${split.issuers}${tidyText(text)}` : tidyText(text);
      return { title, issuers: split.issuers, end };
    }
    if (NOT_TITLE_END.test(text)) return undefined;
  }
  return undefined;
}

function isTitleLike(text: string): boolean {
  return text.length <= 60 && !NOT_TITLE_END.test(text) && /[\u4e00-\u9fff]/.test(text) && !readIssueDate(text);
}

/** `《仪征市教育系统2024年党建统群工作要点》` → the title inside. */
function unquote(title: string): string {
  const m = /^《(.+)》$/.exec(title);
  return m?.[1] ?? title;
}

export function readHeader(lines: SourceLine[]): HeaderResult {
  const header: PlanHeader = {};
  let lastHeaderIndex = -1;
  let titleIndex: number | undefined;
  const seen = (index: number) => (lastHeaderIndex = Math.max(lastHeaderIndex, index));

  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.text ?? '';
    const docNumber = header.docNumber === undefined ? readDocNumber(text) : undefined;
    if (docNumber) {
      header.docNumber = docNumber;
      // The issuing body is what stands above the 文号 (one or more lines).
      const issuer = lines.slice(0, i).map((l) => l.text.replace(/\s+/g, ' ')).join(' ');
      if (issuer) header.issuer = issuer;
      seen(i);
      continue;
    }
    const notice = header.noticeTitle === undefined ? readNoticeTitle(lines, i) : undefined;
    if (notice) {
      header.noticeTitle = notice.title;
      if (header.issuer === undefined) {
        // Without a 文号 the issuers stand above the notice title, or open it (one or two lines).
        const above = issuerLinesAbove(lines, i, lastHeaderIndex);
        const issuer = above.length > 0 ? above.join(' ') : notice.issuers;
        if (issuer) header.issuer = issuer;
      }
      seen(notice.end);
      i = notice.end;
      continue;
    }
    const date = header.issueDate === undefined ? readIssueDate(text) : undefined;
    if (date) {
      header.issueDate = date;
      seen(i);
      continue;
    }
    const attachment = header.attachmentTitle === undefined ? ATTACHMENT_LINE.exec(text) : null;
    if (attachment) {
      const inline = (attachment[1] ?? '').trim();
      let title = inline;
      titleIndex = i;
      if (!inline && lines[i + 1]) {
        const run = titleRun(lines, i + 1, isTitleLike);
        title = run.text;
        titleIndex = run.end;
      }
      if (title) header.attachmentTitle = unquote(tidyText(title));
      seen(titleIndex);
      i = titleIndex;
    }
  }

  let title = header.attachmentTitle ?? '';
  if (!title) {
    // A plain plan: its first line after any header parts is the title, if it looks like one.
    let candidate = lastHeaderIndex + 1;
    // Two or three issuer lines over a plain plan's title (`中共某某县委教育工委` / `某某县教育局` / title);
    // a single name is the first line of the title (`某某中学` / `2025年德育工作要点`).
    const issuers: string[] = [];
    while (issuers.length < 3 && isOrgName(lines[candidate]?.text ?? '') && isTitleLike(lines[candidate + 1]?.text ?? '')) {
      issuers.push(lines[candidate]!.text.replace(/\s+/g, ' ').trim());
      candidate++;
    }
    if (issuers.length === 1) candidate--;
    else if (issuers.length > 1) header.issuer ??= issuers.join(' ');
    const text = lines[candidate]?.text;
    if (text !== undefined && isTitleLike(text)) {
      const run = titleRun(lines, candidate, isTitleLike);
      title = unquote(tidyText(run.text));
      titleIndex = run.end;
    }
  }
  if (!title && header.noticeTitle) {
    // Only the notice names the plan: `关于印发《X》的通知` → X.
    title = /《(.+)》/.exec(header.noticeTitle)?.[1] ?? '';
  }
  const preambleStart = titleIndex !== undefined ? titleIndex + 1 : lastHeaderIndex + 1;
  return { header, title, preambleStart };
}

/** The first year in a title: `2024 年`, `2024—2025学年`, `二〇二五年`. */
export function yearInTitle(title: string): number | undefined {
  const m = /((?:19|20)\d{2})\s*(?:年|[-—–－~～至])|([〇零一二三四五六七八九]{4})\s*年/.exec(title);
  if (!m) return undefined;
  return m[1] !== undefined ? Number(m[1]) : yearValue(m[2] ?? '');
}

/** The year mentioned most often in the text (`2025年` ×3 beats `2024年` ×1), for plans that never state theirs. */
export function mostMentionedYear(text: string): number | undefined {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/((?:19|20)\d{2})\s*年/g)) {
    const year = Number(m[1]);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [year, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = year;
  return best;
}
