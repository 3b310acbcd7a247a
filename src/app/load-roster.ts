/**
 * The roster of expected schools, from a text file (one school per line, any
 * encoding Notepad writes) or a workbook whose first visible sheet lists them
 * in a column headed 学校/单位/学校名称/单位名称 (else its first column).
 * Use case "load a roster", shared by the CLI and the page so both accept the same rosters.
 */
import { decodePlanText } from '../core/plan/decode-text.js';
import { TaizhangError } from '../core/issues.js';
import { parseRoster } from '../core/rollup/roll-up.js';
import type { WorkbookSnapshot } from '../core/workbook/snapshot.js';
import { readWorkbook } from '../xlsx/read/index.js';

const NAME_HEADERS = /^(学校|单位|学校名称|单位名称|学校（单位）|单位\(学校\)|名称|校名)$/;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function namesFromWorkbook(workbook: WorkbookSnapshot): string[] {
  const sheet = workbook.sheets.find((s) => s.state === 'visible') ?? workbook.sheets[0];
  if (!sheet) return [];
  const header = sheet.cells.find((c) => c.row <= 5 && typeof c.value === 'string' && NAME_HEADERS.test(c.value.replace(/\s/g, '')));
  const col = header?.col ?? 1;
  const fromRow = header ? header.row + 1 : 1;
  return sheet.cells.filter((c) => c.col === col && c.row >= fromRow).map((c) => String(c.value));
}

export function readRoster(bytes: Uint8Array, fileName: string): string[] {
  const isWorkbook = ZIP_MAGIC.every((byte, i) => bytes[i] === byte);
  let names: string[];
  if (isWorkbook) {
    const read = readWorkbook(bytes, { fileName });
    if (!read.ok) throw new TaizhangError('FAULT_ROSTER_INVALID', { file: fileName, detail: read.issue.code });
    names = parseRoster(namesFromWorkbook(read.workbook).join('\n'));
  } else {
    names = parseRoster(decodePlanText(bytes).text);
  }
  if (names.length === 0) throw new TaizhangError('FAULT_ROSTER_INVALID', { file: fileName, detail: '文件里没有学校名称' });
  return names;
}
