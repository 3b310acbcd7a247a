/**
 * The legacy VML drawing that Excel (and LibreOffice, WPS) use to show a
 * comment's box: one hidden note shape per comment, anchored beside its cell.
 * A sheet that has a drawing already (its comments, or form controls) keeps
 * it: shapes are appended, and the shapes of our own earlier notes removed.
 * Box sizes are worked out in pixels from the sheet's real column widths and
 * row heights, so a note on a 200-point ledger row is not 800 points tall.
 */
import { xmlAttr } from '../write/xml.js';
import type { CellMark } from './marks.js';
import type { SheetGeometry } from './sheet-geometry.js';

const NAMESPACES =
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';
const SHAPETYPE_ID = '_x0000_t202';
const BOX_WIDTH = 300;
/** CJK characters per line of a BOX_WIDTH box in 10-point 宋体, and the pixels a line takes. */
const CHARS_PER_LINE = 21;
const LINE_PX = 16;

function shapetype(id: string): string {
  return (
    `<v:shapetype id="${id}" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
  );
}

/** Walks from (index, offset) over `px` pixels of cells sized by `size`; returns where it ends. */
function walk(size: (i: number) => number, index: number, offset: number, px: number): [number, number] {
  let i = index;
  let left = px + offset;
  for (let guard = 0; guard < 1000 && left > size(i); guard++) {
    left -= size(i);
    i++;
  }
  return [i, Math.max(0, Math.round(left))];
}

function boxHeight(lines: readonly string[]): number {
  const wrapped = lines.reduce((n, line) => n + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0);
  return Math.min(480, wrapped * LINE_PX + 12);
}

/** x:Anchor: left column, offset, top row, offset, right column, offset, bottom row, offset (0-based cells, pixel offsets). */
function anchor(mark: CellMark, geometry: SheetGeometry): string {
  // Columns and rows here are 0-based; the box starts one column right of the cell, a little below its top.
  const colPx = (i: number): number => geometry.colPx(i + 1);
  const rowPx = (i: number): number => geometry.rowPx(i + 1);
  const left = mark.col;
  const top = mark.row - 1;
  const [right, rightOffset] = walk(colPx, left, 12, BOX_WIDTH);
  const [bottom, bottomOffset] = walk(rowPx, top, 4, boxHeight(mark.lines));
  return `${left}, 12, ${top}, 4, ${right}, ${rightOffset}, ${bottom}, ${bottomOffset}`;
}

function shape(mark: CellMark, id: number, type: string, geometry: SheetGeometry): string {
  const height = boxHeight(mark.lines);
  return (
    `<v:shape id="_x0000_s${id}" type="#${xmlAttr(type)}" ` +
    `style="position:absolute;margin-left:0;margin-top:0;width:${Math.round(BOX_WIDTH * 0.75)}pt;height:${Math.round(height * 0.75)}pt;z-index:${id};visibility:hidden" ` +
    'fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor(mark, geometry)}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${mark.row - 1}</x:Row><x:Column>${mark.col - 1}</x:Column></x:ClientData></v:shape>`
  );
}

/** A new drawing for a sheet's notes, written shape by shape; `block` picks the range of shape ids (1024 per block), one per drawing. */
export function newVml(marks: readonly CellMark[], geometry: SheetGeometry, block: number): (write: (text: string) => void) => void {
  const first = block * 1024 + 1;
  return (write) => {
    write(`<xml ${NAMESPACES}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` + shapetype(SHAPETYPE_ID));
    marks.forEach((m, i) => write(shape(m, first + i, SHAPETYPE_ID, geometry)));
    write('</xml>');
  };
}

/** A note shape's 0-based row and column, from its ClientData. */
function noteCell(shapeText: string): { row: number; col: number } | undefined {
  if (!/ObjectType\s*=\s*["']Note["']/.test(shapeText)) return undefined;
  const row = /<(?:\w+:)?Row>\s*(\d+)\s*</.exec(shapeText);
  const col = /<(?:\w+:)?Column>\s*(\d+)\s*</.exec(shapeText);
  return row && col ? { row: Number(row[1]), col: Number(col[1]) } : undefined;
}

/**
 * Adds shapes for `added` to a sheet's drawing and removes the note shapes of `dropped` cells
 * (given as 0-based `row,col`). VML is often not well-formed XML, so it is edited as text by its shapes.
 */
export function patchVml(vml: string, added: readonly CellMark[], dropped: ReadonlySet<string>, geometry: SheetGeometry): string {
  let text = vml;
  if (dropped.size > 0) {
    text = text.replace(/<(\w+:)?shape\b[\s\S]*?<\/\1shape>/g, (whole) => {
      const cell = noteCell(whole);
      return cell && dropped.has(`${cell.row},${cell.col}`) ? '' : whole;
    });
  }
  if (added.length === 0) return text;
  const ids = [...text.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
  let next = ids.reduce((max, id) => Math.max(max, id), 1024) + 1;
  const known = noteShapetype(text);
  const type = known ?? freshTypeId(text);
  const shapes = (known ? '' : shapetype(type)) + added.map((m) => shape(m, next++, type, geometry)).join('');
  const end = text.lastIndexOf('</xml>');
  return end < 0 ? text : text.slice(0, end) + shapes + text.slice(end);
}

/** The id of the drawing's text-box shapetype (o:spt 202), which note shapes refer to. */
function noteShapetype(text: string): string | undefined {
  for (const m of text.matchAll(/<(?:\w+:)?shapetype\b[^>]*>/g)) {
    if (/\bo:spt\s*=\s*["']202["']/.test(m[0])) return /\sid\s*=\s*["']([^"']+)["']/.exec(m[0])?.[1];
  }
  return undefined;
}

function freshTypeId(text: string): string {
  let id = SHAPETYPE_ID;
  for (let n = 1; text.includes(`id="${id}"`); n++) id = `_x0000_t202_${n}`;
  return id;
}
