/**
 * The tables of a Word document (`word/document.xml` as text, however it was
 * taken out of the package), for task tables sent as .docx: rows, cells with
 * their paragraphs, horizontal merges (`w:gridSpan`) and vertical ones
 * (`w:vMerge`), in the plain `TableInput` shape the plan mapping reads. Also
 * the paragraphs before the first table (its title) and how much of the text
 * is in tables, to tell a table plan from a text plan with a table in it.
 * One linear pass over the tags; a table nested in a cell adds its text to the cell.
 */
import type { CellRange, TableInput } from '../core/plan/table/grid.js';

export interface DocumentTables {
  tables: TableInput[];
  /** Paragraph texts outside tables that come before the first table. */
  before: string[];
  /** Characters of text inside tables, and outside them. */
  tableChars: number;
  otherChars: number;
}

const TAG = /<(\/?)([A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)([^>]*?)(\/?)>/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(ENTITY, (_m, e: string) => {
    if (e[0] !== '#') return NAMED[e] ?? '';
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)(?:\\w+:)?${name}="([^"]*)"`).exec(attrs)?.[1];
}

interface Cell {
  text: string;
  span: number;
  vMerge?: 'restart' | 'continue';
}

interface TableBuild {
  rows: { before: number; cells: Cell[] }[];
}

function toInput(build: TableBuild, index: number): TableInput {
  const rows: string[][] = [];
  const merges: CellRange[] = [];
  const open = new Map<number, CellRange>();
  build.rows.forEach((row, r) => {
    const texts: string[] = [];
    let col = row.before;
    for (let i = 0; i < row.before; i++) texts.push('');
    for (const cell of row.cells) {
      texts.push(cell.text);
      for (let i = 1; i < cell.span; i++) texts.push('');
      const region = open.get(col);
      if (cell.vMerge === 'continue' && region) region.bottom = r;
      else {
        const fresh = { top: r, left: col, bottom: r, right: col + cell.span - 1 };
        merges.push(fresh);
        if (cell.vMerge === 'restart') open.set(col, fresh);
        else open.delete(col);
      }
      col += cell.span;
    }
    rows.push(texts);
  });
  // Only ranges that cover more than one cell are merges.
  return { name: `表格 ${index + 1}`, rows, merges: merges.filter((m) => m.bottom > m.top || m.right > m.left), firstRow: 1 };
}

export function readDocumentTables(xml: string): DocumentTables {
  const tables: TableBuild[] = [];
  const before: string[] = [];
  let tableChars = 0;
  let otherChars = 0;
  let depth = 0;
  let table: TableBuild | undefined;
  let cell: Cell | undefined;
  let paragraph: string[] | undefined;
  let inText = false;
  let last = 0;
  for (const m of xml.matchAll(TAG)) {
    if (inText && paragraph) paragraph.push(decode(xml.slice(last, m.index)));
    last = m.index + m[0].length;
    const [, closing, , name, attrs = '', selfClosing] = m;
    if (name === 't') inText = !closing && !selfClosing;
    else if (name === 'tab' && paragraph && !closing) paragraph.push(' ');
    else if ((name === 'br' || name === 'cr') && paragraph && !closing) paragraph.push('\n');
    else if (name === 'p' && !selfClosing) {
      if (!closing) paragraph = [];
      else if (paragraph) {
        const text = paragraph.join('').trim();
        paragraph = undefined;
        if (depth > 0) {
          tableChars += text.length;
          if (cell && text) cell.text = cell.text ? `${cell.text}\n${text}` : text;
        } else {
          otherChars += text.length;
          if (text && tables.length === 0) before.push(text);
        }
      }
    } else if (name === 'tbl') {
      depth += closing ? -1 : 1;
      if (!closing && depth === 1) tables.push((table = { rows: [] }));
      if (closing && depth === 0) table = undefined;
    } else if (depth === 1 && table) {
      if (name === 'tr' && !closing) table.rows.push({ before: 0, cells: [] });
      else if (name === 'gridBefore') {
        const row = table.rows[table.rows.length - 1];
        if (row) row.before = Math.min(40, Number(attr(attrs, 'val') ?? 0) || 0);
      } else if (name === 'tc') {
        if (!closing) table.rows[table.rows.length - 1]?.cells.push((cell = { text: '', span: 1 }));
        else cell = undefined;
      } else if (name === 'gridSpan' && cell) cell.span = Math.max(1, Math.min(40, Number(attr(attrs, 'val') ?? 1) || 1));
      else if (name === 'vMerge' && cell) cell.vMerge = attr(attrs, 'val') === 'restart' ? 'restart' : 'continue';
    }
  }
  return { tables: tables.map(toInput), before, tableChars, otherChars };
}
