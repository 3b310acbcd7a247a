/**
 * Marks one worksheet part of the copy: the marked cells get their new style,
 * the sheet gets (or keeps, with ours added) a comments part and the VML
 * drawing that shows them, with the relationships, the `<legacyDrawing>`
 * element and the content types to match. Returns the patched sheet text, or
 * undefined when the part cannot be marked safely (then the copy falls back
 * to carrying only the 校验结果 sheet).
 */
import { parseCellRef } from '../../core/workbook/a1.js';
import { parseRelationships, relKind } from '../read/workbook.js';
import { newComments, patchComments, type CommentsResult } from './comments.js';
import type { CellMark } from './marks.js';
import { CT_SML, CT_VML, DOC_REL, freshPart, Rels, relativeTarget, relsPartOf, type ContentTypes, type PartTexts } from './package-parts.js';
import { locateCells } from './sheet-cells.js';
import type { SourcePackage } from './source.js';
import type { StylesPatch } from './styles.js';
import { newVml, patchVml } from './vml.js';
import { applyEdits, attrOf, children, findElement, TagCursor, withAttr, type Edit } from './xml-tags.js';

/** What may follow `<legacyDrawing>` in a worksheet; it goes before the first of these. */
const AFTER_LEGACY = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
const REL_NAMESPACES = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'];

/** New parts of the copy by name, and a test for names already taken (in the package or new). */
export interface CopyParts {
  added: PartTexts;
  taken(part: string): boolean;
  contentTypes: ContentTypes;
  /** The folder new comments and drawings go in (the workbook part's: `xl/`). */
  baseDir: string;
}

export interface SheetJob {
  part: string;
  marks: CellMark[];
  /** The tab was the active one: its `tabSelected` goes, as the 校验结果 sheet is now active. */
  wasActive: boolean;
}

/** `<legacyDrawing r:id>` for a new drawing, in the root's prefix and with the relationships namespace it declares. */
function legacyDrawing(rootTag: string, prefix: string, id: string): string {
  for (const m of rootTag.matchAll(/\sxmlns:([\w.-]+)\s*=\s*["']([^"']+)["']/g)) {
    if (REL_NAMESPACES.includes(m[2]!)) return `<${prefix}legacyDrawing ${m[1]}:id="${id}"/>`;
  }
  return `<${prefix}legacyDrawing xmlns:r="${DOC_REL}" r:id="${id}"/>`;
}

function tabSelectedEdits(xml: string, to: number): Edit[] {
  const edits: Edit[] = [];
  const cursor = new TagCursor(xml, 0, to);
  while (cursor.next()) {
    if (cursor.name !== 'sheetView' || cursor.kind === 'close') continue;
    const tag = cursor.text();
    const selected = attrOf(tag, 'tabSelected');
    if (selected === '1' || selected === 'true') edits.push({ from: cursor.start, to: cursor.end, text: withAttr(tag, 'tabSelected', '0') });
  }
  return edits;
}

export function markSheet(pkg: SourcePackage, job: SheetJob, styles: StylesPatch, parts: CopyParts): string | undefined {
  const xml = pkg.text(job.part);
  const root = xml === undefined ? undefined : findElement(xml, 'worksheet');
  if (xml === undefined || !root || root.empty) return undefined;
  const located = locateCells(xml, job.marks);
  if (!located) return undefined;
  const data = findElement(xml, 'sheetData')!;
  const edits = located.edits((site) => styles.markXf(site.style, site.mark.severity));
  if (job.wasActive) edits.push(...tabSelectedEdits(xml, data.start));
  if (job.marks.length === 0) return applyEdits(xml, edits);

  const relsPart = relsPartOf(job.part);
  const relsText = pkg.text(relsPart);
  const sheetDir = job.part.slice(0, job.part.lastIndexOf('/') + 1);
  const rels = parseRelationships(relsText, sheetDir);
  const commentsPart = rels.find((r) => relKind(r.type) === 'comments' && !r.external)?.part;
  const drawing = findElement(xml, 'legacyDrawing', data.end, root.contentEnd);
  const drawingId = drawing ? attrOf(xml.slice(drawing.start, drawing.openEnd), '*:id') : undefined;
  const vmlPart = rels.find((r) => r.id === drawingId && !r.external)?.part;
  const existingComments = commentsPart === undefined ? undefined : pkg.text(commentsPart);
  const existingVml = vmlPart === undefined ? undefined : pkg.text(vmlPart);
  if ((commentsPart !== undefined && existingComments === undefined) || (drawing && existingVml === undefined)) return undefined;

  const notes: CommentsResult | undefined = existingComments === undefined ? newComments(job.marks) : patchComments(existingComments, job.marks);
  if (!notes) return undefined;
  const sheetRels = new Rels(relsText);
  if (commentsPart !== undefined) parts.added.set(commentsPart, notes.text);
  else {
    const part = freshPart((n) => `${parts.baseDir}comments${n}.xml`, parts.taken);
    parts.added.set(part, notes.text);
    parts.contentTypes.override(part, `${CT_SML}.comments+xml`);
    sheetRels.add('comments', relativeTarget(job.part, part));
  }
  const dropped = new Set(
    notes.dropped.map((ref) => parseCellRef(ref)).filter((c) => c !== undefined).map((c) => `${c.row - 1},${c.col - 1}`),
  );
  if (vmlPart !== undefined && existingVml !== undefined) {
    parts.added.set(vmlPart, patchVml(existingVml, notes.added, dropped, located.geometry));
  } else if (notes.added.length > 0) {
    const drawings = parts.added.count(/\.vml$/i);
    const part = freshPart((n) => `${parts.baseDir}drawings/vmlDrawing${n}.vml`, parts.taken);
    parts.added.set(part, newVml(notes.added, located.geometry, drawings + 1));
    parts.contentTypes.defaultFor('vml', CT_VML);
    const id = sheetRels.add('vmlDrawing', relativeTarget(job.part, part));
    const next = children(xml, root).find((c) => AFTER_LEGACY.includes(c.name));
    const at = next ? next.start : root.contentEnd;
    edits.push({ from: at, to: at, text: legacyDrawing(xml.slice(root.start, root.openEnd), root.prefix, id) });
  }
  if (sheetRels.text !== relsText) parts.added.set(relsPart, sheetRels.text);
  return applyEdits(xml, edits);
}
