/**
 * Looking inside .xlsx packages in tests without a spreadsheet library: the
 * parts as text, which part holds which sheet, and a sheet's hyperlinks
 * (exceljs 4.4 reads only hyperlinks kept in relationships, not the
 * `location` links within a workbook that Excel and our writer use).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export type Parts = Record<string, Uint8Array>;

export function partsOf(bytes: Uint8Array): Parts {
  return unzipSync(bytes);
}

export function textOf(parts: Parts, name: string): string {
  const data = parts[name];
  if (!data) throw new Error(`no part ${name}`);
  return strFromU8(data);
}

/** Rewrites some parts (text → text) and zips the package again. */
export function withParts(bytes: Uint8Array, edit: Record<string, (text: string) => string>): Uint8Array {
  const parts = partsOf(bytes);
  for (const [name, change] of Object.entries(edit)) parts[name] = strToU8(change(textOf(parts, name)));
  return zipSync(parts);
}

const decode = (s: string): string =>
  s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Sheet name → worksheet part, in tab order. */
export function sheetParts(parts: Parts): [string, string][] {
  const rels = textOf(parts, 'xl/_rels/workbook.xml.rels');
  const target = new Map([...rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  return [...textOf(parts, 'xl/workbook.xml').matchAll(/<(?:\w+:)?sheet [^>]*>/g)].map((m) => {
    const name = decode(/\sname="([^"]*)"/.exec(m[0])![1]!);
    const id = /\s[\w]+:id="([^"]*)"/.exec(m[0])![1]!;
    const t = target.get(id)!;
    return [name, t.startsWith('/') ? t.slice(1) : `xl/${t}`];
  });
}

export function sheetXml(parts: Parts, sheet: string): string {
  const part = sheetParts(parts).find(([name]) => name === sheet)?.[1];
  if (!part) throw new Error(`no sheet ${sheet}`);
  return textOf(parts, part);
}

/** Cell address → `location` of the sheet's hyperlinks within the workbook. */
export function hyperlinksOf(bytes: Uint8Array, sheet: string): Record<string, string> {
  const xml = sheetXml(partsOf(bytes), sheet);
  const links: Record<string, string> = {};
  for (const m of xml.matchAll(/<hyperlink [^>]*>/g)) {
    const ref = /\sref="([^"]+)"/.exec(m[0])?.[1];
    const location = /\slocation="([^"]+)"/.exec(m[0])?.[1];
    if (ref && location) links[ref] = decode(location);
  }
  return links;
}

/** Every `<c>` element of a sheet part by its address, as written. */
export function cellElements(xml: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const m of xml.matchAll(/<(\w+:)?c\s[^>]*?(?:\/>|>[\s\S]*?<\/\1c>)/g)) {
    const ref = /\sr="([A-Z]+\d+)"/.exec(m[0])?.[1];
    if (ref) cells.set(ref, m[0]);
  }
  return cells;
}
