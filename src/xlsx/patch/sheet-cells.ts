/**
 * Gives the marked cells of one worksheet part their new style index, and
 * nothing else: each marked `<c>` gets `s="…"` (its value, formula, type and
 * other attributes untouched); a marked cell the file does not have yet is
 * inserted empty, in column order, into its row, or into a new row in row
 * order. Rows and cells without `r=` are numbered as Excel numbers them.
 * Returns edits against the part's text, to be applied with the sheet's
 * other edits at once.
 */
import { columnLetter, parseCellRef, parseRange } from '../../core/workbook/a1.js';
import type { CellMark } from './marks.js';
import { SheetGeometry } from './sheet-geometry.js';
import { attrOf, findElement, TagCursor, withAttr, type Edit } from './xml-tags.js';

/** Rows walked past the last mark, for the heights of the rows its note's box may reach down to. */
const ROWS_AFTER = 30;

/** A marked cell as found: the style it has now, and how to give it another. */
export interface CellSite {
  mark: CellMark;
  /** Its current cellXfs index (for a missing cell, its row's or column's). */
  style: number;
}

interface Placement {
  sites: CellSite[];
  /** Builds the edits once every site has its new style. */
  edits: (styleOf: (site: CellSite) => number) => Edit[];
}

const int = (value: string | undefined, fallback: number): number => {
  const n = value === undefined ? NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
};

const isTrue = (value: string | undefined): boolean => value === '1' || value === 'true';

export interface LocatedCells {
  sites: CellSite[];
  edits: (styleOf: (site: CellSite) => number) => Edit[];
  geometry: SheetGeometry;
}

function emptyCell(prefix: string, mark: CellMark, style: number): string {
  return `<${prefix}c r="${mark.ref}" s="${style}"/>`;
}

/** Widens a row's `spans` hint to cover inserted columns. */
function widenSpans(tag: string, cols: number[]): string {
  const spans = attrOf(tag, 'spans');
  if (spans === undefined) return tag;
  const numbers = spans.split(/[\s:]+/).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (numbers.length === 0) return tag;
  const from = Math.min(numbers[0]!, ...cols);
  const to = Math.max(numbers[numbers.length - 1]!, ...cols);
  return withAttr(tag, 'spans', `${from}:${to}`);
}

/** Finds every mark's cell in the sheet; undefined when the part has no `<sheetData>`. */
export function locateCells(xml: string, marks: readonly CellMark[]): LocatedCells | undefined {
  const data = findElement(xml, 'sheetData');
  if (!data) return undefined;
  const geometry = new SheetGeometry(xml, data.start);
  const colStyle = (col: number): number => geometry.columnStyle(col);
  const lastRow = marks.length ? marks[marks.length - 1]!.row + ROWS_AFTER : 0;
  const placements: Placement[] = [];
  let next = 0; // the first mark not placed yet
  const rowPrefix = data.prefix;

  /** Marks on rows before `row` that were not met: new rows, inserted at `at`. */
  const newRowsBefore = (row: number, at: number): void => {
    const sites: CellSite[] = [];
    while (next < marks.length && marks[next]!.row < row) {
      const mark = marks[next++]!;
      sites.push({ mark, style: colStyle(mark.col) });
    }
    if (sites.length === 0) return;
    placements.push({
      sites,
      edits: (styleOf) => {
        let text = '';
        for (let i = 0; i < sites.length; i++) {
          const { mark } = sites[i]!;
          if (i === 0 || sites[i - 1]!.mark.row !== mark.row) text += `${i === 0 ? '' : `</${rowPrefix}row>`}<${rowPrefix}row r="${mark.row}">`;
          text += emptyCell(rowPrefix, mark, styleOf(sites[i]!));
        }
        return [{ from: at, to: at, text: `${text}</${rowPrefix}row>` }];
      },
    });
  };

  if (!data.empty) {
    const cursor = new TagCursor(xml, data.openEnd, data.contentEnd);
    let rowNumber = 0;
    while (rowNumber < lastRow && cursor.next()) {
      if (cursor.name !== 'row' || cursor.kind === 'close') continue;
      const rowTag = cursor.text();
      const rowStart = cursor.start;
      const rowOpenEnd = cursor.end;
      const rowPrefixHere = cursor.prefix;
      rowNumber = int(attrOf(rowTag, 'r'), rowNumber + 1);
      geometry.row(rowNumber, attrOf(rowTag, 'ht'), attrOf(rowTag, 'hidden'));
      newRowsBefore(rowNumber, rowStart);
      const rowEmpty = cursor.kind === 'empty';
      const rowEnd = rowEmpty ? rowOpenEnd : cursor.skipElement();
      if (next >= marks.length || marks[next]!.row !== rowNumber) continue;
      const rowStyle = isTrue(attrOf(rowTag, 'customFormat')) ? int(attrOf(rowTag, 's'), -1) : -1;
      const missing: CellSite[] = [];
      const insertAt: number[] = [];
      const cells = new TagCursor(xml, rowOpenEnd, rowEmpty ? rowOpenEnd : xml.lastIndexOf('<', rowEnd - 1));
      let col = 0;
      const pending = (): CellMark | undefined => (next < marks.length && marks[next]!.row === rowNumber ? marks[next] : undefined);
      while (pending() && cells.next()) {
        if (cells.name !== 'c' || cells.kind === 'close') continue;
        const tag = cells.text();
        const start = cells.start;
        const end = cells.end;
        const ref = attrOf(tag, 'r');
        col = (ref !== undefined ? parseCellRef(ref)?.col : undefined) ?? col + 1;
        cells.skipElement();
        for (let m = pending(); m && m.col < col; m = pending()) {
          missing.push({ mark: m, style: rowStyle >= 0 ? rowStyle : colStyle(m.col) });
          insertAt.push(start);
          next++;
        }
        const m = pending();
        if (m && m.col === col) {
          next++;
          const site = { mark: m, style: int(attrOf(tag, 's'), 0) };
          placements.push({ sites: [site], edits: (styleOf) => [{ from: start, to: end, text: withAttr(tag, 's', String(styleOf(site))) }] });
        }
      }
      const closeAt = rowEmpty ? rowOpenEnd : xml.lastIndexOf('<', rowEnd - 1);
      for (let m = pending(); m; m = pending()) {
        missing.push({ mark: m, style: rowStyle >= 0 ? rowStyle : colStyle(m.col) });
        insertAt.push(closeAt);
        next++;
      }
      if (missing.length === 0) continue;
      placements.push({
        sites: missing,
        edits: (styleOf) => {
          const edits: Edit[] = missing.map((site, i) => ({ from: insertAt[i]!, to: insertAt[i]!, text: emptyCell(rowPrefixHere, site.mark, styleOf(site)) }));
          const widened = widenSpans(rowTag, missing.map((s) => s.mark.col));
          const open = rowEmpty ? widened.replace(/\s*\/>$/, '>') : widened;
          if (open !== rowTag) edits.push({ from: rowStart, to: rowOpenEnd, text: open });
          if (rowEmpty) edits.push({ from: rowOpenEnd, to: rowOpenEnd, text: `</${rowPrefixHere}row>` });
          return edits;
        },
      });
    }
  }
  const tail = data.empty ? data.start : data.contentEnd;
  const before = placements.length;
  newRowsBefore(Infinity, tail);
  if (data.empty && placements.length > before) {
    // `<sheetData/>`: open it, put the rows in, close it.
    const rows = placements.pop()!;
    const open = xml.slice(data.start, data.end).replace(/\s*\/>$/, '>');
    placements.push({ sites: rows.sites, edits: (styleOf) => [{ from: data.start, to: data.end, text: open + rows.edits(styleOf)[0]!.text + `</${data.prefix}sheetData>` }] });
  }
  const sites = placements.flatMap((p) => p.sites);
  return { sites, geometry, edits: (styleOf) => [...placements.flatMap((p) => p.edits(styleOf)), ...dimensionEdit(xml, data.start, marks)] };
}

/** Widens `<dimension ref>` to cover the marks (a cell inserted outside it would otherwise lie outside the used range). */
function dimensionEdit(xml: string, to: number, marks: readonly CellMark[]): Edit[] {
  const found = findElement(xml, 'dimension', 0, to);
  if (!found) return [];
  const tag = xml.slice(found.start, found.openEnd);
  const range = parseRange(attrOf(tag, 'ref') ?? '');
  if (!range) return [];
  let { from, to: end } = range;
  for (const m of marks) {
    from = { row: Math.min(from.row, m.row), col: Math.min(from.col, m.col) };
    end = { row: Math.max(end.row, m.row), col: Math.max(end.col, m.col) };
  }
  if (from.row === range.from.row && from.col === range.from.col && end.row === range.to.row && end.col === range.to.col) return [];
  const ref = `${columnLetter(from.col)}${from.row}:${columnLetter(end.col)}${end.row}`;
  return [{ from: found.start, to: found.openEnd, text: withAttr(tag, 'ref', ref) }];
}
