/**
 * What a file is when it is not a workbook: a CSV or web page renamed .xlsx, an
 * encrypted workbook (Office wraps those in an OLE2 compound file holding an
 * `EncryptionInfo` stream), an old .xls/.et, an .ods, a PDF or a picture, a
 * Word document, or something else. Each gets its own refusal so the clerk is
 * told what to do. The bytes decide; the extension only breaks ties.
 */
import { extensionOf, sniffKind } from '../../core/file-kinds.js';
import { Refusal } from './refusal.js';
import type { ZipArchive } from './zip.js';

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

export function isZip(bytes: Uint8Array): boolean {
  // PK\3\4 (a local header) or PK\5\6 (an empty archive's end record).
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/**
 * Stream names in a compound file's directory. Minimal on purpose: follows the
 * FAT chain of the directory with a step budget (cycles and bad sector numbers
 * end the walk instead of looping).
 */
export function compoundFileNames(bytes: Uint8Array): string[] {
  if (bytes.length < 512) return [];
  const sectorSize = 1 << u16(bytes, 0x1e);
  if (sectorSize !== 512 && sectorSize !== 4096) return [];
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const id = u32(bytes, 0x4c + i * 4);
    if (id < sectorCount) fatSectors.push(id);
  }
  // Large files continue the FAT list in DIFAT sectors.
  let difat = u32(bytes, 0x44);
  for (let steps = 0; difat < sectorCount && steps < sectorCount; steps++) {
    const base = (difat + 1) * sectorSize;
    for (let i = 0; i < sectorSize / 4 - 1; i++) {
      const id = u32(bytes, base + i * 4);
      if (id < sectorCount) fatSectors.push(id);
    }
    difat = u32(bytes, base + sectorSize - 4);
  }
  const nextSector = (sector: number): number => {
    const perSector = sectorSize / 4;
    const fat = fatSectors[Math.floor(sector / perSector)];
    return fat === undefined ? 0xfffffffe : u32(bytes, (fat + 1) * sectorSize + (sector % perSector) * 4);
  };
  const names: string[] = [];
  const utf16 = new TextDecoder('utf-16le');
  let sector = u32(bytes, 0x30);
  for (let steps = 0; sector < sectorCount && steps <= sectorCount; steps++) {
    const base = (sector + 1) * sectorSize;
    for (let entry = 0; entry < sectorSize / 128; entry++) {
      const at = base + entry * 128;
      const length = Math.min(64, u16(bytes, at + 0x40));
      if (length > 2) names.push(utf16.decode(bytes.subarray(at, at + length - 2)));
    }
    sector = nextSector(sector);
  }
  return names;
}

function describeCompoundFile(bytes: Uint8Array, fileName: string): Refusal {
  let names: string[] = [];
  try {
    names = compoundFileNames(bytes);
  } catch {
    names = []; // unreadable directory: fall back on the extension below
  }
  if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) return new Refusal('XLSX_READ_ENCRYPTED');
  if (names.includes('Workbook') || names.includes('Book')) return new Refusal('XLSX_READ_LEGACY_XLS');
  // An unreadable directory: LibreOffice may still make sense of an .xls; anything else is damaged, and
  // not "password-protected" (an encrypted workbook always has a readable directory naming EncryptionInfo).
  if (names.length === 0) return new Refusal(['xls', 'et', 'xlt', 'ett'].includes(extensionOf(fileName)) ? 'XLSX_READ_LEGACY_XLS' : 'XLSX_READ_OLE_DAMAGED');
  return new Refusal('XLSX_READ_LEGACY_OFFICE');
}

/** What plain text is, by its extension: a .txt is not "CSV". */
function textKind(fileName: string): string {
  const ext = extensionOf(fileName);
  return ext === 'csv' ? 'CSV' : ext === 'txt' || ext === 'md' || ext === 'log' ? '纯文本' : 'CSV 或纯文本';
}

/** Text with no NUL bytes and hardly any control characters: a CSV, a web page or an XML file renamed. */
function describeText(bytes: Uint8Array, fileName: string): Refusal | undefined {
  const head = bytes.subarray(0, 8192);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  let controls = 0;
  if (!utf16) {
    for (const b of head) {
      if (b === 0) return undefined;
      if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) controls++;
    }
    if (controls > head.length / 100) return undefined;
  }
  const text = new TextDecoder(utf16 ? (head[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8').decode(head).toLowerCase();
  if (text.includes('<html') || text.includes('<table') || text.includes('<!doctype html')) {
    return new Refusal('XLSX_READ_TEXT_FILE', { kind: '网页（HTML）' });
  }
  if (text.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    return new Refusal('XLSX_READ_TEXT_FILE', { kind: 'XML 表格（Excel 2003 XML）' });
  }
  return new Refusal('XLSX_READ_TEXT_FILE', { kind: textKind(fileName) });
}

/** The refusal for bytes that are not a zip. */
export function describeNonZip(bytes: Uint8Array, fileName: string): Refusal {
  if (bytes.length === 0) return new Refusal('XLSX_READ_EMPTY');
  if (OLE2_MAGIC.every((b, i) => bytes[i] === b)) return describeCompoundFile(bytes, fileName);
  const sniffed = sniffKind(bytes);
  if (sniffed !== undefined) return new Refusal('XLSX_READ_NOT_WORKBOOK', { kind: sniffed });
  return describeText(bytes, fileName) ?? new Refusal('XLSX_READ_NOT_ZIP');
}

const OPENDOCUMENT: Record<string, string> = {
  'application/vnd.oasis.opendocument.text': 'OpenDocument 文字文档（.odt）',
  'application/vnd.oasis.opendocument.presentation': 'OpenDocument 演示文稿（.odp）',
};

/** The refusal for a zip that holds no workbook: what kind of package it is. */
export function describePackage(zip: ZipArchive): Refusal {
  if (zip.has('mimetype')) {
    const type = new TextDecoder().decode(zip.read('mimetype') ?? new Uint8Array()).trim();
    if (type.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return new Refusal('XLSX_READ_ODS');
    const kind = OPENDOCUMENT[type];
    if (kind) return new Refusal('XLSX_READ_NOT_WORKBOOK', { kind });
  }
  if (zip.has('word/document.xml')) return new Refusal('XLSX_READ_NOT_WORKBOOK', { kind: 'Word 文档' });
  if (zip.has('ppt/presentation.xml')) return new Refusal('XLSX_READ_NOT_WORKBOOK', { kind: 'PowerPoint 演示文稿' });
  if (zip.has('xl/workbook.bin')) return new Refusal('XLSX_READ_NOT_WORKBOOK', { kind: 'Excel 二进制工作簿（.xlsb）' });
  if (zip.has('OFD.xml')) return new Refusal('XLSX_READ_NOT_WORKBOOK', { kind: 'OFD 版式文档' });
  return new Refusal('XLSX_READ_NOT_WORKBOOK', { kind: '普通压缩包' });
}
