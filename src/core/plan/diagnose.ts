/**
 * What the parser saw, for the message of a plan it could not read: how many
 * paragraphs, how many start with each kind of number it knows, and the
 * numbering styles it does not take as headings (`第一部分`, `①`, `一是`).
 * The message then says what was found and what to check, instead of a bare
 * "no pillars", and a plan numbered in a style we skip is never read silently wrong.
 */
import { issue } from '../issues.js';
import type { Issue } from '../model.js';
import type { SourceLine } from './header.js';
import { rawMarkerOf } from './markers.js';

/** `heading`: a style used for headings, which would hide the plan's structure if skipped; the others number sub-points. */
const UNREAD_STYLES: { pattern: RegExp; sample: string; heading: boolean }[] = [
  { pattern: /^第[一二三四五六七八九十]{1,3}(部分|章|篇|节)/, sample: '第一部分', heading: true },
  { pattern: /^[一二三四五六七八九十]{1,3}[ \u3000]+[\u4e00-\u9fff]{2}/, sample: '一 （无顿号）', heading: true },
  { pattern: /^[\u2460-\u2473\u2776-\u277f]/, sample: '①', heading: false },
  { pattern: /^[一二三四五六七八九十]{1,2}是[，,、：:]?/, sample: '一是', heading: false },
  { pattern: /^[A-Za-z][.、．)）]/, sample: 'A.', heading: false },
];

export interface Seen {
  paragraphs: number;
  pillars: number;
  numbered: number;
  /** e.g. `以“第一部分”开头的 5 段`, empty when none. */
  unread: string;
  /** Paragraphs in a heading style we skip, and where the first is. */
  unreadHeadings: number;
  firstUnreadLine?: number;
}

export function describeSeen(lines: readonly SourceLine[]): Seen {
  let pillars = 0;
  let numbered = 0;
  const unread = new Map<string, number>();
  let firstUnreadLine: number | undefined;
  let unreadHeadings = 0;
  for (const { text, line } of lines) {
    const kind = rawMarkerOf(text)?.kind;
    if (kind === 'pillar') pillars++;
    else if (kind) numbered++;
    else {
      const style = UNREAD_STYLES.find((s) => s.pattern.test(text));
      if (style) {
        unread.set(style.sample, (unread.get(style.sample) ?? 0) + 1);
        if (style.heading) {
          unreadHeadings++;
          firstUnreadLine ??= line;
        }
      }
    }
  }
  const parts = [...unread].map(([sample, count]) => `以“${sample}”开头的 ${count} 段`);
  return { paragraphs: lines.length, pillars, numbered, unread: parts.join('、'), unreadHeadings, ...(firstUnreadLine ? { firstUnreadLine } : {}) };
}

function seenParams(seen: Seen): Record<string, string | number> {
  return {
    paragraphs: seen.paragraphs,
    pillars: seen.pillars,
    numbered: seen.numbered,
    unread: seen.unread ? `，还有${seen.unread}（taizhang 不把这类编号当作大项或任务）` : '',
  };
}

/** The error for a plan with no structure at all: nothing numbered that could be a pillar or a task. */
export function noStructureIssue(seen: Seen): Issue {
  return issue('PLAN_NO_PILLARS', 'error', {}, seenParams(seen));
}

/** The error for pillars without any task under them. */
export function noTasksIssue(seen: Seen, line: number | undefined): Issue {
  return issue('PLAN_NO_TASKS', 'error', { line }, seenParams(seen));
}

/** A warning when headings in a style we do not read may hide the plan's structure. */
export function unreadStylesIssue(seen: Seen): Issue | undefined {
  if (seen.unreadHeadings < 2) return undefined;
  return issue('PLAN_UNREAD_NUMBERING', 'warning', { line: seen.firstUnreadLine }, { found: seen.unread });
}
