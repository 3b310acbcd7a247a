/**
 * Workbook structure protection, which exceljs cannot write: adds
 * `<workbookProtection lockStructure="1"/>` (no password) to xl/workbook.xml so
 * the metadata sheet cannot be casually unhidden or deleted, nor sheets added.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const WORKBOOK_XML = 'xl/workbook.xml';
const PROTECTION = '<workbookProtection lockStructure="1"/>';

export function lockWorkbookStructure(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx);
  const xml = files[WORKBOOK_XML];
  if (!xml) throw new Error(`${WORKBOOK_XML} missing from the rendered workbook`);
  const text = strFromU8(xml);
  // The schema orders workbookPr, workbookProtection, bookViews, sheets: the element goes right before
  // bookViews, or before sheets when exceljs wrote no views.
  const at = [text.indexOf('<bookViews'), text.indexOf('<sheets')].find((i) => i >= 0);
  if (at === undefined) throw new Error('no <sheets> in workbook.xml');
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = data;
  zippable[WORKBOOK_XML] = strToU8(text.slice(0, at) + PROTECTION + text.slice(at));
  return zipSync(zippable, { level: 6 });
}
