/**
 * What a file is when it is not a zip: a CSV or web page renamed .xlsx, an
 * encrypted workbook (Office wraps those in an OLE2 compound file holding an
 * `EncryptionInfo` stream), an old .xls/.et, or something else. Each gets its
 * own refusal so the clerk is told what to do.
 */
import { Refusal } from './refusal.js';

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

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
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
  if (names.length === 0 && ['xls', 'et', 'xlt', 'ett'].includes(extensionOf(fileName))) return new Refusal('XLSX_READ_LEGACY_XLS');
  if (names.length === 0 && ['xlsx', 'xlsm'].includes(extensionOf(fileName))) return new Refusal('XLSX_READ_ENCRYPTED');
  return new Refusal('XLSX_READ_LEGACY_OFFICE');
}

/** Text with no NUL bytes and hardly any control characters: a CSV, a web page or an XML file renamed. */
function describeText(bytes: Uint8Array): Refusal | undefined {
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
  return new Refusal('XLSX_READ_TEXT_FILE', { kind: 'CSV 或纯文本' });
}

/** The refusal for bytes that are not a zip. */
export function describeNonZip(bytes: Uint8Array, fileName: string): Refusal {
  if (bytes.length === 0) return new Refusal('XLSX_READ_EMPTY');
  if (OLE2_MAGIC.every((b, i) => bytes[i] === b)) return describeCompoundFile(bytes, fileName);
  return describeText(bytes) ?? new Refusal('XLSX_READ_NOT_ZIP');
}
