/**
 * Where the parts of a plan's text are: the header (notice, title, preamble),
 * the body (pillars and tasks) and the trailer (附件, 署名, 日期, 抄送).
 * Before that, run-on lines are split (inline-split.ts) and a table of
 * contents is taken out (contents.ts). A plan without pillar headings (a flat
 * list `1.` `2.` `3.`) has its body from its first numbered paragraph.
 */
import { issue } from '../issues.js';
import type { Issue } from '../model.js';
import { findContents } from './contents.js';
import { DISCLOSURE } from './header-parts.js';
import type { SourceLine } from './header.js';
import { rawMarkerOf } from './markers.js';
import { splitRunOnLines } from './inline-split.js';
import { splitTrailer } from './trailer.js';

/** Control characters (not tab or line breaks) that binary junk or bad converters leave behind. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function sourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const trimmed = raw.replace(CONTROL, '').trim();
    if (trimmed) lines.push({ text: trimmed, line: index + 1 });
  });
  return lines;
}

/** A short quote of a line for messages. */
export function excerpt(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

export interface Layout {
  /** Every line after splitting run-on lines and taking out the contents (for diagnostics). */
  lines: SourceLine[];
  header: SourceLine[];
  body: SourceLine[];
  /** True when the body has no pillar headings: its tasks go under one pillar named after the plan. */
  flat: boolean;
  issues: Issue[];
}

export function layOut(text: string): Layout {
  const issues: Issue[] = [];
  const split = splitRunOnLines(sourceLines(text));
  let lines = split.lines;
  if (split.split > 0) {
    const first = lines.find((l, i) => i > 0 && lines[i - 1]!.line === l.line);
    issues.push(issue('PLAN_LINES_SPLIT', 'info', { line: first?.line }, { count: split.split }));
  }
  const contents = findContents(lines);
  if (contents) {
    const at = lines[contents.start]!;
    issues.push(issue('PLAN_CONTENTS_SKIPPED', 'info', { line: at.line }, { count: contents.end - contents.start }));
    lines = lines.slice(0, contents.start).concat(lines.slice(contents.end));
  }
  let start = lines.findIndex((l) => rawMarkerOf(l.text)?.kind === 'pillar');
  const flat = start < 0;
  if (flat) start = lines.findIndex((l) => rawMarkerOf(l.text) !== undefined);
  if (start < 0) return { lines, header: dropDisclosure(lines), body: [], flat, issues };
  const { body, trailer } = splitTrailer(lines.slice(start));
  if (trailer.length > 0) {
    const first = trailer[0]!;
    issues.push(issue('PLAN_TRAILER_IGNORED', 'info', { line: first.line }, { count: trailer.length, text: excerpt(first.text) }));
  }
  return { lines, header: dropDisclosure(lines.slice(0, start)), body, flat, issues };
}

/** `（此件主动公开）` says how the document is published; it is neither title nor preamble. */
function dropDisclosure(lines: readonly SourceLine[]): SourceLine[] {
  return lines.filter((l) => !DISCLOSURE.test(l.text));
}
