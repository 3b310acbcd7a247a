/**
 * How much text the cells of one workbook may show, counted once per cell that
 * shows it. A cell that refers to a shared string costs a few bytes of XML
 * however long the string is, so 100,000 cells pointing at one 300,000-character
 * string show 30 billion characters from a file of under a megabyte; everything
 * after the reader (the ledger, the checks, the results sent between threads,
 * the summary written) works on what the cells show. The budget is what the file
 * really holds (the bytes of the parts inflated so far: no text takes less than
 * a byte) or `maxTextChars`, whichever is larger, so a file that repeats nothing
 * is never refused here and one that multiplies its text is refused at the cell
 * where the total passes it.
 */
import { Refusal } from './refusal.js';

export class TextBudget {
  /** Characters shown so far, over all sheets. */
  shown = 0;
  /** Refuse past this; raised by `allow` as parts are inflated. */
  limit: number;

  constructor(private readonly floor: number) {
    this.limit = floor;
  }

  /** Called before each sheet is read, with the bytes the reader has inflated so far. */
  allow(inflatedBytes: number): void {
    this.limit = Math.max(this.floor, inflatedBytes);
  }

  /** The refusal for the cell where the total passed the budget. */
  refuse(sheet: string, cell: string): Refusal {
    return new Refusal('XLSX_READ_TOO_MUCH_TEXT', { sheet, cell, limit: this.limit });
  }
}
