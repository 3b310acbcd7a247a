/**
 * What an OLE2 compound file given as a plan is, for the refusal: an old Word
 * or WPS document (a `WordDocument` stream; WPS 文字 writes the same), a
 * password-protected .docx (Office wraps those in a compound file with an
 * `EncryptionInfo` stream), or something else (an .xls, a .ppt). Old Word is
 * refused with FAULT_PLAN_LEGACY_WORD, which a front end with LibreOffice
 * (the CLI) answers by converting the file.
 */
import { TaizhangError } from '../core/issues.js';
import { compoundFileNames } from '../xlsx/read/detect.js';

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCompoundFile(bytes: Uint8Array): boolean {
  return OLE2_MAGIC.every((byte, i) => bytes[i] === byte);
}

/** Streams that say what else a compound file is: an Excel or PowerPoint file. */
const OTHER_OFFICE = ['Workbook', 'Book', 'PowerPoint Document'];

export function compoundFileRefusal(bytes: Uint8Array, fileName: string): TaizhangError {
  const streams = compoundFileNames(bytes);
  const refuse = (code: 'FAULT_PLAN_ENCRYPTED' | 'FAULT_PLAN_LEGACY_WORD' | 'FAULT_PLAN_FORMAT') => new TaizhangError(code, { file: fileName });
  if (streams.includes('EncryptionInfo') || streams.includes('EncryptedPackage')) return refuse('FAULT_PLAN_ENCRYPTED');
  if (streams.includes('WordDocument')) return refuse('FAULT_PLAN_LEGACY_WORD');
  if (streams.some((name) => OTHER_OFFICE.includes(name))) return refuse('FAULT_PLAN_FORMAT');
  // Neither (Microsoft Works' .wps has other streams, a damaged file none): the name decides.
  return refuse(/\.(doc|dot|wps|wpt)$/i.test(fileName) ? 'FAULT_PLAN_LEGACY_WORD' : 'FAULT_PLAN_FORMAT');
}
