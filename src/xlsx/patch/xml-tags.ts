/**
 * Finding and editing tags in the text of a part, for patching a package in
 * place: everything not edited stays exactly as the school's program wrote
 * it. The cursor walks tags in document order, skipping comments, CDATA,
 * processing instructions and declarations; names are matched without their
 * prefix (`<x:c>` is `c`) and new elements take the prefix of their parent.
 */
import { tagEnd } from '../read/xml.js';

export type TagKind = 'open' | 'close' | 'empty';

/** Walks the tags of `xml` from `from` to `to`; `next()` moves on and fills the fields. */
export class TagCursor {
  /** Local name (after the prefix). */
  name = '';
  /** The prefix with its colon (`x:`), or ''. */
  prefix = '';
  kind: TagKind = 'open';
  /** Where `<` is. */
  start = 0;
  /** Just past `>`. */
  end = 0;
  private at: number;

  constructor(
    readonly xml: string,
    from = 0,
    private readonly to = xml.length,
  ) {
    this.at = from;
  }

  next(): boolean {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf('<', this.at);
      if (lt < 0 || lt >= this.to) return false;
      const c = xml.charCodeAt(lt + 1);
      if (c === 33 /* ! */ || c === 63 /* ? */) {
        this.at = skipSpecial(xml, lt);
        if (this.at < 0) return false;
        continue;
      }
      const gt = tagEnd(xml, lt + 1);
      if (gt < 0) return false;
      const closing = c === 47;
      const nameFrom = closing ? lt + 2 : lt + 1;
      let nameTo = nameFrom;
      for (; nameTo < gt; nameTo++) {
        const code = xml.charCodeAt(nameTo);
        if (code <= 32 || code === 47) break;
      }
      const qname = xml.slice(nameFrom, nameTo);
      const colon = qname.indexOf(':');
      this.prefix = colon < 0 ? '' : qname.slice(0, colon + 1);
      this.name = colon < 0 ? qname : qname.slice(colon + 1);
      this.kind = closing ? 'close' : xml.charCodeAt(gt - 1) === 47 ? 'empty' : 'open';
      this.start = lt;
      this.end = gt + 1;
      this.at = gt + 1;
      return true;
    }
  }

  /** The text of the current tag. */
  text(): string {
    return this.xml.slice(this.start, this.end);
  }

  /** Moves past the end of the element the current tag opens (nested ones of the same name included); returns where its closing tag ends. */
  skipElement(): number {
    if (this.kind !== 'open') return this.end;
    const name = this.name;
    let depth = 1;
    while (this.next()) {
      if (this.name !== name) continue;
      if (this.kind === 'open') depth++;
      else if (this.kind === 'close' && --depth === 0) return this.end;
    }
    return this.xml.length;
  }
}

/** Past a comment, CDATA section, processing instruction or declaration (with an internal subset) starting at `lt`; -1 if unterminated. */
function skipSpecial(xml: string, lt: number): number {
  const close = xml.startsWith('<!--', lt) ? '-->' : xml.startsWith('<![CDATA[', lt) ? ']]>' : xml[lt + 1] === '?' ? '?>' : null;
  if (close) {
    const end = xml.indexOf(close, lt + 2);
    return end < 0 ? -1 : end + close.length;
  }
  const gt = xml.indexOf('>', lt);
  if (gt < 0) return -1;
  const bracket = xml.slice(lt, gt).indexOf('[');
  if (bracket < 0) return gt + 1;
  const end = xml.indexOf(']>', lt + bracket);
  return end < 0 ? -1 : end + 2;
}

/** The text of the tag starting at `start` (its `<`). */
export function openTagAt(xml: string, start: number): string {
  const gt = tagEnd(xml, start + 1);
  return xml.slice(start, gt < 0 ? xml.length : gt + 1);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|\w+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Where the value of attribute `name` is in `tag` (prefixed names given with their prefix, e.g. `r:id`, or `*:id` for any prefix). */
function findAttr(tag: string, name: string): { from: number; to: number } | undefined {
  const local = name.startsWith('*:') ? `(?:[\\w.-]+:)?${name.slice(2)}` : name.replace(/[.:-]/g, '\\$&');
  const match = new RegExp(`\\s${local}\\s*=\\s*("[^"]*"|'[^']*')`).exec(tag);
  if (!match) return undefined;
  const to = match.index + match[0].length - 1;
  return { from: to - match[1]!.length + 2, to };
}

/** An attribute's value, entities decoded. */
export function attrOf(tag: string, name: string): string | undefined {
  const at = findAttr(tag, name);
  return at ? decode(tag.slice(at.from, at.to)) : undefined;
}

/** The tag with the attribute set (replaced where it is, else added after the others); `value` must already be escaped. */
export function withAttr(tag: string, name: string, value: string): string {
  const at = findAttr(tag, name);
  if (at) return tag.slice(0, at.from) + value + tag.slice(at.to);
  const end = /\s*\/?>$/.exec(tag)!.index;
  return `${tag.slice(0, end)} ${name}="${value}"${tag.slice(end)}`;
}

/** Puts `prefix` on every element name of an XML fragment we wrote ourselves (no text holds `<`). */
export function prefixed(fragment: string, prefix: string): string {
  return prefix ? fragment.replace(/<(\/?)(?=[A-Za-z])/g, `<$1${prefix}`) : fragment;
}

/** One change to a text: replace `[from, to)` with `text`. */
export interface Edit {
  from: number;
  to: number;
  text: string;
}

/** Applies non-overlapping edits (in any order; at one position, in the order given). */
export function applyEdits(xml: string, edits: Edit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.from - b.e.from || a.e.to - b.e.to || a.i - b.i);
  const out: string[] = [];
  let at = 0;
  for (const { e } of sorted) {
    out.push(xml.slice(at, e.from), e.text);
    at = Math.max(at, e.to);
  }
  out.push(xml.slice(at));
  return out.join('');
}

/** The first element named `name` (any prefix): its open tag's span and, unless empty, where its content ends. */
export interface Found {
  prefix: string;
  start: number;
  /** Just past the open tag. */
  openEnd: number;
  /** Where the closing tag starts (`openEnd` for an empty element). */
  contentEnd: number;
  /** Just past the whole element. */
  end: number;
  empty: boolean;
}

export function findElement(xml: string, name: string, from = 0, to = xml.length): Found | undefined {
  const cursor = new TagCursor(xml, from, to);
  while (cursor.next()) {
    if (cursor.name !== name || cursor.kind === 'close') continue;
    const { prefix, start, end } = cursor;
    if (cursor.kind === 'empty') return { prefix, start, openEnd: end, contentEnd: end, end, empty: true };
    const elementEnd = cursor.skipElement();
    const closeStart = xml.lastIndexOf('<', elementEnd - 1);
    return { prefix, start, openEnd: end, contentEnd: closeStart, end: elementEnd, empty: false };
  }
  return undefined;
}

/** The direct children of an element's content, as spans with their local names. */
export function children(xml: string, parent: Found): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  if (parent.empty) return out;
  const cursor = new TagCursor(xml, parent.openEnd, parent.contentEnd);
  while (cursor.next()) {
    if (cursor.kind === 'close') continue;
    const { name, start } = cursor;
    out.push({ name, start, end: cursor.skipElement() });
  }
  return out;
}
