/**
 * Edits to the package's bookkeeping parts: relationships (.rels) and
 * [Content_Types].xml. New entries are appended inside the existing root, in
 * its prefix; entries are removed whole. Nothing else in the part changes.
 */
import { normalisePartName } from '../read/zip.js';
import { xmlAttr } from '../write/xml.js';
import { applyEdits, attrOf, findElement, prefixed, TagCursor, type Edit } from './xml-tags.js';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const CT_SML = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
export const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

/** Appends `fragment` (unprefixed; it takes the root's prefix) as the last child of the root element `root`. */
function appendToRoot(xml: string, root: string, fragment: string): string {
  const found = findElement(xml, root);
  if (!found) return xml;
  const text = prefixed(fragment, found.prefix);
  if (!found.empty) return xml.slice(0, found.contentEnd) + text + xml.slice(found.contentEnd);
  const open = xml.slice(found.start, found.end).replace(/\s*\/>$/, '>');
  return xml.slice(0, found.start) + open + text + `</${found.prefix}${root}>` + xml.slice(found.end);
}

/** Removes every element named `name` for which `drop` says so, given its open tag. */
function removeElements(xml: string, name: string, drop: (tag: string) => boolean): string {
  const edits: Edit[] = [];
  const cursor = new TagCursor(xml);
  while (cursor.next()) {
    if (cursor.name !== name || cursor.kind === 'close') continue;
    const start = cursor.start;
    const tag = cursor.text();
    const end = cursor.skipElement();
    if (drop(tag)) edits.push({ from: start, to: end, text: '' });
  }
  return edits.length ? applyEdits(xml, edits) : xml;
}

/** The relationships of a part, kept as text with the ids already used. */
export class Rels {
  private readonly ids = new Set<string>();

  constructor(private xml: string = `${XML_HEAD}<Relationships xmlns="${PKG_REL}"></Relationships>`) {
    const cursor = new TagCursor(xml);
    while (cursor.next()) {
      if (cursor.name !== 'Relationship' || cursor.kind === 'close') continue;
      const id = attrOf(cursor.text(), 'Id');
      if (id !== undefined) this.ids.add(id);
    }
  }

  /** Adds a relationship and returns its new id. `kind` is the last segment of the type (`worksheet`, `comments`…). */
  add(kind: string, target: string): string {
    let n = this.ids.size + 1;
    while (this.ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.ids.add(id);
    this.xml = appendToRoot(this.xml, 'Relationships', `<Relationship Id="${id}" Type="${DOC_REL}/${kind}" Target="${xmlAttr(target)}"/>`);
    return id;
  }

  remove(id: string): void {
    this.xml = removeElements(this.xml, 'Relationship', (tag) => attrOf(tag, 'Id') === id);
  }

  get text(): string {
    return this.xml;
  }
}

/** [Content_Types].xml: overrides added and removed by part name, a default added for an extension that has none. */
export class ContentTypes {
  constructor(private xml: string) {}

  private has(name: 'Default' | 'Override', key: 'Extension' | 'PartName', value: string): boolean {
    const cursor = new TagCursor(this.xml);
    while (cursor.next()) {
      if (cursor.name === name && cursor.kind !== 'close' && attrOf(cursor.text(), key)?.toLowerCase() === value.toLowerCase()) return true;
    }
    return false;
  }

  /** `part` without a leading slash, as in the zip. */
  override(part: string, contentType: string): void {
    const name = `/${part}`;
    if (this.has('Override', 'PartName', name)) this.remove(part);
    this.xml = appendToRoot(this.xml, 'Types', `<Override PartName="${xmlAttr(name)}" ContentType="${xmlAttr(contentType)}"/>`);
  }

  defaultFor(extension: string, contentType: string): void {
    if (!this.has('Default', 'Extension', extension)) {
      this.xml = appendToRoot(this.xml, 'Types', `<Default Extension="${xmlAttr(extension)}" ContentType="${xmlAttr(contentType)}"/>`);
    }
  }

  remove(part: string): void {
    const name = `/${part}`.toLowerCase();
    this.xml = removeElements(this.xml, 'Override', (tag) => attrOf(tag, 'PartName')?.toLowerCase() === name);
  }

  get text(): string {
    return this.xml;
  }
}

/** The rels part of a part: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target for `part`, relative to the folder of `from` (both package paths without a leading slash). */
export function relativeTarget(from: string, part: string): string {
  const base = from.split('/').slice(0, -1);
  const target = part.split('/');
  let common = 0;
  while (common < base.length && common < target.length - 1 && base[common]!.toLowerCase() === target[common]!.toLowerCase()) common++;
  return [...base.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

/** A part name like `xl/comments{n}.xml` not yet in the package (checked case-insensitively by `taken`). */
export function freshPart(pattern: (n: number) => string, taken: (part: string) => boolean): string {
  let n = 1;
  while (taken(pattern(n))) n++;
  return pattern(n);
}

/** A part's text, or (for a new part that may be large) a function writing it piece by piece. */
export type PartContent = string | ((write: (text: string) => void) => void);

/** The parts of the copy that are new or rewritten, by name (matched case-insensitively, as zip names are). */
export class PartTexts {
  private readonly parts = new Map<string, { name: string; text: PartContent }>();

  set(name: string, text: PartContent): void {
    const key = normalisePartName(name);
    this.parts.set(key, { name: this.parts.get(key)?.name ?? name, text });
  }

  get(name: string): PartContent | undefined {
    return this.parts.get(normalisePartName(name))?.text;
  }

  delete(name: string): void {
    this.parts.delete(normalisePartName(name));
  }

  has(name: string): boolean {
    return this.parts.has(normalisePartName(name));
  }

  /** How many parts with names matching `pattern` there are. */
  count(pattern: RegExp): number {
    let n = 0;
    for (const { name } of this.parts.values()) if (pattern.test(name)) n++;
    return n;
  }

  *entries(): Generator<{ name: string; text: PartContent }> {
    yield* this.parts.values();
  }
}
