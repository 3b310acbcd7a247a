/**
 * The comments part (xl/commentsN.xml) of a marked sheet. A sheet without
 * one gets a new part; a sheet with one keeps every comment of the school's,
 * and where the school already commented a marked cell, our lines are added
 * under theirs (a cell holds one comment). Comments by our own author are
 * from an earlier check of this copy: they are dropped, and the cells still
 * wrong get fresh ones.
 */
import { SEVERITY_ZH } from '../../core/issues.js';
import { tElement, xmlText } from '../write/xml.js';
import type { CellMark } from './marks.js';
import type { PartContent } from './package-parts.js';
import { applyEdits, attrOf, children, findElement, prefixed, type Edit } from './xml-tags.js';

/** The author our comments are written under; a re-check finds its own by it. */
export const NOTE_AUTHOR = 'taizhang 校验';
const SEVERITIES = Object.values(SEVERITY_ZH).join('|');
/** A run of ours added under a school's comment: a line break, then `【错误】`, `【警告】` or `【提示】`. */
const OUR_LINES = new RegExp(`^\\n【(${SEVERITIES})】`);
/** A comment of ours: it starts with the severity of its first problem. */
const OUR_COMMENT = new RegExp(`^【(${SEVERITIES})】`);
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export interface CommentsResult {
  text: PartContent;
  /** Cells whose comment needs a box in the VML drawing (new comments). */
  added: CellMark[];
  /** Cells whose earlier comment of ours was dropped (their boxes go too). */
  dropped: string[];
}

/** One run without its own font: the comment shows in the reader's default comment font (宋体 in Chinese Excel and WPS). */
function run(lines: readonly string[], leadingBreak: boolean): string {
  return `<r>${tElement((leadingBreak ? '\n' : '') + lines.join('\n'))}</r>`;
}

function comment(mark: CellMark, authorId: number): string {
  return `<comment ref="${mark.ref}" authorId="${authorId}"><text>${run(mark.lines, false)}</text></comment>`;
}

/** A new comments part, written comment by comment (a hostile file may have tens of thousands). */
export function newComments(marks: readonly CellMark[]): CommentsResult {
  const text = (write: (text: string) => void): void => {
    write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + `<comments xmlns="${MAIN_NS}"><authors><author>${xmlText(NOTE_AUTHOR)}</author></authors><commentList>`);
    for (const m of marks) write(comment(m, 0));
    write('</commentList></comments>');
  };
  return { text, added: [...marks], dropped: [] };
}

function innerText(xml: string, start: number, end: number): string {
  return xml
    .slice(start, end)
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Adds the marks to an existing comments part; undefined when it is not one we can read (then the sheet gets no comments of ours). */
export function patchComments(xml: string, marks: readonly CellMark[]): CommentsResult | undefined {
  const root = findElement(xml, 'comments');
  if (!root || root.empty) return undefined;
  const p = root.prefix;
  const edits: Edit[] = [];
  const authors = findElement(xml, 'authors', root.openEnd, root.contentEnd);
  const names = authors ? children(xml, authors).filter((c) => c.name === 'author').map((c) => innerText(xml, c.start, c.end)) : [];
  const known = names.indexOf(NOTE_AUTHOR);
  const ours = known >= 0 ? known : names.length;
  if (known < 0) {
    const author = prefixed(`<author>${xmlText(NOTE_AUTHOR)}</author>`, p);
    if (!authors) edits.push({ from: root.openEnd, to: root.openEnd, text: `<${p}authors>${author}</${p}authors>` });
    else if (authors.empty) edits.push({ from: authors.start, to: authors.end, text: `<${p}authors>${author}</${p}authors>` });
    else edits.push({ from: authors.contentEnd, to: authors.contentEnd, text: author });
  }

  const byRef = new Map(marks.map((m) => [m.ref.toUpperCase(), m]));
  const merged = new Set<string>();
  const dropped: string[] = [];
  const list = findElement(xml, 'commentList', root.openEnd, root.contentEnd);
  for (const c of list ? children(xml, list) : []) {
    if (c.name !== 'comment') continue;
    const open = findElement(xml, 'comment', c.start, c.end)!;
    const tag = xml.slice(open.start, open.openEnd);
    const ref = (attrOf(tag, 'ref') ?? '').toUpperCase();
    const body = open.empty ? undefined : findElement(xml, 'text', open.openEnd, open.contentEnd);
    // Ours: by our author, or (a program that re-saved the copy may drop authors) by what it says.
    const ours = (known >= 0 && attrOf(tag, 'authorId') === String(known)) || (body !== undefined && OUR_COMMENT.test(innerText(xml, body.start, body.end)));
    if (ours) {
      edits.push({ from: c.start, to: c.end, text: '' });
      dropped.push(ref);
      continue;
    }
    if (!body || body.empty) continue;
    // Our lines added under the school's text by an earlier check go: they are the last runs, from the first that
    // starts with them (a program re-saving the copy may split a run where the font changes).
    const runs = children(xml, body).filter((r) => r.name === 'r');
    const from = runs.findIndex((r) => OUR_LINES.test(innerText(xml, r.start, r.end)));
    for (const r of from < 0 ? [] : runs.slice(from)) edits.push({ from: r.start, to: r.end, text: '' });
    const mark = byRef.get(ref);
    if (!mark) continue;
    edits.push({ from: body.contentEnd, to: body.contentEnd, text: prefixed(run(mark.lines, true), p) });
    merged.add(ref);
  }
  const added = marks.filter((m) => !merged.has(m.ref.toUpperCase()));
  const items = prefixed(added.map((m) => comment(m, ours)).join(''), p);
  if (items) {
    if (!list) edits.push({ from: root.contentEnd, to: root.contentEnd, text: `<${p}commentList>${items}</${p}commentList>` });
    else if (list.empty) edits.push({ from: list.start, to: list.end, text: `<${p}commentList>${items}</${p}commentList>` });
    else edits.push({ from: list.contentEnd, to: list.contentEnd, text: items });
  }
  return { text: applyEdits(xml, edits), added, dropped };
}
