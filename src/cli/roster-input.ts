/**
 * Reads the roster of expected schools: a text file, one school per line (any
 * encoding Notepad writes), or a workbook whose first sheet lists the schools
 * in a column headed 学校/单位/学校名称/单位名称 (else its first column).
 */
import * as path from 'node:path';
import { decodePlanText } from '../core/decode-text.js';
import { TaizhangError } from '../core/issues.js';
import { parseRoster } from '../core/rollup/roll-up.js';
import type { WorkbookSnapshot } from '../core/workbook-snapshot.js';
import { readWorkbook } from '../xlsx/read/index.js';
import { readInputFile, resolvePath } from './files.js';

const NAME_HEADERS = /^(学校|单位|学校名称|单位名称|学校（单位）|单位\(学校\)|名称|校名)$/;

function namesFromWorkbook(workbook: WorkbookSnapshot): string[] {
  const sheet = workbook.sheets.find((s) => s.state === 'visible') ?? workbook.sheets[0];
  if (!sheet) return [];
  const header = sheet.cells.find((c) => c.row <= 5 && typeof c.value === 'string' && NAME_HEADERS.test(c.value.replace(/\s/g, '')));
  const col = header?.col ?? 1;
  const fromRow = header ? header.row + 1 : 1;
  return sheet.cells.filter((c) => c.col === col && c.row >= fromRow).map((c) => String(c.value));
}

export async function loadRoster(cwd: string, given: string): Promise<string[]> {
  const file = resolvePath(cwd, given);
  const bytes = await readInputFile(file);
  if (/\.xlsx$/i.test(path.extname(file))) {
    const read = readWorkbook(bytes, { fileName: given });
    if (!read.ok) throw new TaizhangError('FAULT_ROSTER_INVALID', { file: given, detail: read.issue.code });
    return parseRoster(namesFromWorkbook(read.workbook).join('\n'));
  }
  const names = parseRoster(decodePlanText(bytes).text);
  if (names.length === 0) throw new TaizhangError('FAULT_ROSTER_INVALID', { file: given, detail: '文件里没有学校名称' });
  return names;
}
