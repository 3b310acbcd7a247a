/**
 * styles.xml of the copy: the school's own, with entries appended and none
 * changed, so every cell that is not marked keeps exactly its style. A marked
 * cell gets a new cell format cloned from its own, differing only in the
 * fill; the 校验结果 sheet's formats are appended the same way. Appended
 * entries that already exist (a re-check of a copy) are reused.
 */
import { TaizhangError } from '../../core/issues.js';
import type { Severity } from '../../core/model.js';
import type { StyleSpec } from '../../core/workbook/spec.js';
import { FIRST_CUSTOM_FORMAT, solidFill, xfParts, xfXml, type StyleTable } from '../write/styles.js';
import { xmlAttr } from '../write/xml.js';
import { applyEdits, attrOf, children, findElement, prefixed, TagCursor, withAttr, type Edit, type Found } from './xml-tags.js';

/** Fill colours of the marks (what the clerk sees on screen and in print). */
export const MARK_FILL: Record<Severity, string> = { error: 'FFC7CE', warning: 'FFEB9C', info: 'DDEBF7' };

/** The lists of styles.xml, in the order the schema requires. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] as const;
type ListName = (typeof ORDER)[number];

/** What a list starts with when the school's file has none and we must add to it. */
const SEED: Partial<Record<ListName, string[]>> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ['<border><left/><right/><top/><bottom/><diagonal/></border>'],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};
const CHILD: Partial<Record<ListName, string>> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellStyleXfs: 'xf', cellXfs: 'xf' };

export const EMPTY_STYLESHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>';

interface List {
  found?: Found;
  existing: string[];
  added: string[];
}

export class StylesPatch {
  private readonly lists = new Map<ListName, List>();
  private readonly marks = new Map<string, number>();

  /** Undefined when the text has no `<styleSheet>` with content to append to. */
  static from(xml: string): StylesPatch | undefined {
    const root = findElement(xml, 'styleSheet');
    return root && !root.empty ? new StylesPatch(xml, root) : undefined;
  }

  private constructor(
    private readonly xml: string,
    private readonly root: Found,
  ) {
    const found = new Map(children(xml, root).map((c) => [c.name, c]));
    for (const name of ORDER) {
      const child = found.get(name);
      const list = child ? findElement(xml, name, child.start, child.end) : undefined;
      const items = list && CHILD[name] ? children(xml, list).filter((c) => c.name === CHILD[name]).map((c) => xml.slice(c.start, c.end)) : [];
      this.lists.set(name, { ...(list ? { found: list } : {}), existing: items, added: [] });
    }
  }

  /** One of our own fragments, in the file's prefix. */
  private own(fragment: string): string {
    return prefixed(fragment, this.root.prefix);
  }

  private list(name: ListName): List {
    const list = this.lists.get(name)!;
    // A list the file lacks (or has empty) starts with what Excel expects at its front: fills 0 and 1, the default font…
    if (list.existing.length === 0 && list.added.length === 0) list.added.push(...(SEED[name] ?? []).map((x) => this.own(x)));
    return list;
  }

  /** The index of `text` (in the file's prefix) in a list, appending it unless it is already there. */
  private index(name: ListName, text: string): number {
    const list = this.list(name);
    const at = list.existing.indexOf(text);
    if (at >= 0) return at;
    const added = list.added.indexOf(text);
    if (added >= 0) return list.existing.length + added;
    list.added.push(text);
    return list.existing.length + list.added.length - 1;
  }

  /** A cell format's index; a new one needs fonts, fills, borders and a cell-style format to point at. */
  private xf(text: string): number {
    for (const name of ['fonts', 'fills', 'borders', 'cellStyleXfs'] as const) this.list(name);
    return this.index('cellXfs', text);
  }

  /** A cell format like `original` (a cellXfs index) with the mark's fill. */
  markXf(original: number, severity: Severity): number {
    const key = `${original} ${severity}`;
    let at = this.marks.get(key);
    if (at !== undefined) return at;
    const fillId = this.index('fills', this.own(solidFill(MARK_FILL[severity])));
    const xfs = this.list('cellXfs');
    // A style index past the table is shown as the default format, as Excel does.
    const source = xfs.existing[original] ?? xfs.added[original - xfs.existing.length] ?? xfs.existing[0] ?? xfs.added[0]!;
    const tag = new TagCursor(source);
    tag.next();
    const open = withAttr(withAttr(tag.text(), 'fillId', String(fillId)), 'applyFill', '1');
    at = this.xf(open + source.slice(tag.end));
    this.marks.set(key, at);
    return at;
  }

  private numFmtId(code: string): number {
    const list = this.list('numFmts');
    const ids = new Map<string, number>();
    let next = FIRST_CUSTOM_FORMAT;
    for (const item of [...list.existing, ...list.added]) {
      const id = Number(attrOf(item, 'numFmtId'));
      const format = attrOf(item, 'formatCode');
      if (!Number.isInteger(id)) continue;
      if (format !== undefined && !ids.has(format)) ids.set(format, id);
      next = Math.max(next, id + 1);
    }
    const known = ids.get(code);
    if (known !== undefined) return known;
    list.added.push(this.own(`<numFmt numFmtId="${next}" formatCode="${xmlAttr(code)}"/>`));
    return next;
  }

  /** Adds the named styles (of the 校验结果 sheet) and returns the table its writer looks them up in. */
  addStyles(styles: Record<string, StyleSpec>): StyleTable {
    const xf = new Map<string, number>();
    for (const [name, style] of Object.entries(styles)) {
      const parts = xfParts(style);
      const numFmtId = typeof parts.numFmt === 'number' ? parts.numFmt : this.numFmtId(parts.numFmt);
      const fontId = this.index('fonts', this.own(parts.font));
      const fillId = parts.fill ? this.index('fills', this.own(parts.fill)) : 0;
      const borderId = parts.border ? this.index('borders', this.own(parts.border)) : 0;
      xf.set(name, this.xf(this.own(xfXml(parts, { numFmtId, fontId, fillId, borderId }))));
    }
    return {
      xml: '',
      xf,
      dxf: () => {
        throw new TaizhangError('FAULT_INTERNAL', { detail: 'the 校验结果 sheet has no conditional formats' });
      },
    };
  }

  /** The patched styles.xml. */
  get text(): string {
    const edits: Edit[] = [];
    const prefix = this.root.prefix;
    ORDER.forEach((name, i) => {
      const list = this.lists.get(name)!;
      if (list.added.length === 0) return;
      const items = list.added.join('');
      const count = list.existing.length + list.added.length;
      const f = list.found;
      if (!f) {
        // Before the next list the file has, so the schema's order holds.
        const next = ORDER.slice(i + 1).map((n) => this.lists.get(n)!.found).find(Boolean);
        edits.push({ from: next ? next.start : this.root.contentEnd, to: next ? next.start : this.root.contentEnd, text: `<${prefix}${name} count="${count}">${items}</${prefix}${name}>` });
        return;
      }
      const open = this.xml.slice(f.start, f.openEnd);
      const counted = attrOf(open, 'count') !== undefined || f.empty ? withAttr(open, 'count', String(count)) : open;
      if (f.empty) edits.push({ from: f.start, to: f.end, text: `${counted.replace(/\s*\/>$/, '>')}${items}</${f.prefix}${name}>` });
      else edits.push({ from: f.start, to: f.openEnd, text: counted }, { from: f.contentEnd, to: f.contentEnd, text: items });
    });
    return applyEdits(this.xml, edits);
  }
}
