/**
 * Hostile submissions, made in code from a good ledger's own parts (so only
 * the hostile trait is wrong), each with the code the reader refuses it with:
 * a download cut in half, a zip bomb, a bomb with a forged small size, an XML
 * bomb behind a DOCTYPE, a CSV and a Word document renamed .xlsx. Small: the
 * largest is ~50 KB on disk. Built on the zip forger of fixtures/xlsx/craft.
 */
import { strToU8, unzipSync } from 'fflate';
import { deflatedZeros, rawZip, zipParts, type RawEntry } from '../fixtures/xlsx/craft';

export interface HostileFile {
  name: string;
  bytes: Uint8Array;
  /** The code it is refused with. */
  code: string;
}

/** A roster of schools, as CSV: what a clerk sends when asked for the ledger. */
export const CSV_TEXT = '学校,完成情况\n城南小学,已完成\n';

/** A Word document (the bureau's notice), as its minimal package. */
export function docxPackage(): Uint8Array {
  return zipParts({
    '_rels/.rels': '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': '<w:document xmlns:w="x"><w:body/></w:document>',
  });
}

/** "Billion laughs": ten levels of entities, ten times each, 10⁹ × "lol" if anything expanded them. */
export function billionLaughs(root: string): string {
  const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`);
  return `<!DOCTYPE ${root} [<!ENTITY lol "lol">${levels.join('')}]>`;
}

/** The ledger's parts as raw zip entries, `change` applied to the one named. */
function withEntry(ledger: Uint8Array, name: string, change: Partial<RawEntry>): Uint8Array {
  const parts = unzipSync(ledger);
  if (!parts[name]) throw new Error(`${name} is not in the ledger`);
  return rawZip(Object.entries(parts).map(([part, data]) => (part === name ? { name: part, data, ...change } : { name: part, data })));
}

/** The ledger with a billion-laughs DOCTYPE in its shared strings, and the first string using it. */
function xmlBomb(ledger: Uint8Array): Uint8Array {
  const parts = unzipSync(ledger);
  const strings = new TextDecoder().decode(parts['xl/sharedStrings.xml']);
  const bombed = strings.replace(/^(<\?xml[^>]*\?>)?/, `$1${billionLaughs('sst')}`).replace('<t>', '<t>&lol9;');
  return zipParts({ ...parts, 'xl/sharedStrings.xml': strToU8(bombed) });
}

/**
 * One of each, from the bytes of a good ledger. `bombMegabytes` of zeros
 * (deflated to about 1/1000) make both bombs.
 */
export function hostileSubmissions(ledger: Uint8Array, bombMegabytes = 50): HostileFile[] {
  const sheet = 'xl/worksheets/sheet2.xml';
  const zeros = deflatedZeros(bombMegabytes);
  const bomb = { data: new Uint8Array(0), body: zeros.body, crc: zeros.crc };
  return [
    { name: '下载中断.xlsx', bytes: ledger.slice(0, Math.floor(ledger.length / 2)), code: 'XLSX_READ_ZIP_TRUNCATED' },
    { name: '压缩炸弹.xlsx', bytes: withEntry(ledger, sheet, { ...bomb, declaredSize: zeros.size }), code: 'XLSX_READ_ZIP_BOMB' },
    { name: '伪造大小.xlsx', bytes: withEntry(ledger, sheet, { ...bomb, declaredSize: 5000 }), code: 'XLSX_READ_ZIP_SIZE_MISMATCH' },
    { name: 'XML炸弹.xlsx', bytes: xmlBomb(ledger), code: 'XLSX_READ_XML_DOCTYPE' },
    { name: '名单.xlsx', bytes: strToU8(CSV_TEXT), code: 'XLSX_READ_TEXT_FILE' },
    { name: '通知.xlsx', bytes: docxPackage(), code: 'XLSX_READ_NOT_WORKBOOK' },
  ];
}
