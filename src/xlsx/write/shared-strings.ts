/**
 * The shared string table. A summary repeats school names, states and task
 * titles thousands of times; each distinct text is written once and cells
 * refer to it by index. The table is written after the sheets (zip order does
 * not matter), so sheets stream out as they are built.
 */
import { tElement } from './xml.js';

/** Strings per chunk of sharedStrings.xml handed to the zip. */
const CHUNK = 2000;

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  /** Cells referring to the table (Excel's `count`). */
  private uses = 0;

  /** The index of `text`, adding it on first use. */
  add(text: string): number {
    this.uses += 1;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.texts.length;
      this.texts.push(text);
      this.index.set(text, at);
    }
    return at;
  }

  get size(): number {
    return this.texts.length;
  }

  /** sharedStrings.xml in chunks, so a large table never becomes one giant string. */
  *chunks(): Generator<string> {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.texts.length}">`;
    for (let from = 0; from < this.texts.length; from += CHUNK) {
      const part: string[] = [];
      for (let i = from; i < Math.min(from + CHUNK, this.texts.length); i++) part.push(`<si>${tElement(this.texts[i]!)}</si>`);
      yield part.join('');
    }
    yield '</sst>';
  }
}
