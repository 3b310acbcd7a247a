/**
 * Column widths and row heights of a worksheet in pixels, as far as a note's
 * box needs them: a box is anchored to cells, so its size in pixels depends
 * on the columns and rows it spans. Widths come from `<cols>`, heights from
 * each `<row ht>` met while the cells are located, defaults from
 * `<sheetFormatPr>` (Excel's own defaults without it).
 */
import { attrOf, findElement, TagCursor } from './xml-tags.js';

const num = (value: string | undefined): number | undefined => {
  const n = value === undefined ? NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

/** Excel's character-width to pixel rule for Calibri 11 (7 px per character plus 5 px of padding). */
const widthPx = (chars: number): number => Math.round(chars * 7 + 5);
const heightPx = (points: number): number => Math.round((points * 4) / 3);

interface ColumnSpan {
  min: number;
  max: number;
  style: number;
  px: number;
  hidden: boolean;
}

export class SheetGeometry {
  private readonly columns: ColumnSpan[] = [];
  private readonly rows = new Map<number, number>();
  private readonly defaultColPx: number;
  private readonly defaultRowPx: number;

  /** Reads what comes before `<sheetData>` (at `to`). */
  constructor(xml: string, to: number) {
    const format = findElement(xml, 'sheetFormatPr', 0, to);
    const formatTag = format ? xml.slice(format.start, format.openEnd) : '';
    this.defaultRowPx = heightPx(num(attrOf(formatTag, 'defaultRowHeight')) ?? 15);
    this.defaultColPx = widthPx(num(attrOf(formatTag, 'defaultColWidth')) ?? (num(attrOf(formatTag, 'baseColWidth')) ?? 8) + 0.43);
    const cols = findElement(xml, 'cols', 0, to);
    if (!cols || cols.empty) return;
    const cursor = new TagCursor(xml, cols.openEnd, cols.contentEnd);
    while (cursor.next()) {
      if (cursor.name !== 'col' || cursor.kind === 'close') continue;
      const tag = cursor.text();
      const width = num(attrOf(tag, 'width'));
      const hidden = attrOf(tag, 'hidden');
      this.columns.push({
        min: num(attrOf(tag, 'min')) ?? 0,
        max: num(attrOf(tag, 'max')) ?? 0,
        style: num(attrOf(tag, 'style')) ?? 0,
        px: width === undefined ? this.defaultColPx : widthPx(width),
        hidden: hidden === '1' || hidden === 'true',
      });
    }
  }

  private column(col: number): ColumnSpan | undefined {
    return this.columns.find((c) => c.min <= col && col <= c.max);
  }

  /** The style a cell the file does not have shows in, from its column (0: the default). */
  columnStyle(col: number): number {
    return this.column(col)?.style ?? 0;
  }

  /** Notes a row's height (`ht` in points) as the rows are walked. */
  row(row: number, ht: string | undefined, hidden: string | undefined): void {
    const points = num(ht);
    if (hidden === '1' || hidden === 'true') this.rows.set(row, 0);
    else if (points !== undefined) this.rows.set(row, heightPx(points));
  }

  colPx(col: number): number {
    const c = this.column(col);
    return c ? (c.hidden ? 0 : c.px) : this.defaultColPx;
  }

  rowPx(row: number): number {
    return this.rows.get(row) ?? this.defaultRowPx;
  }
}
