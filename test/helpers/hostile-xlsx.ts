/**
 * Test helper: hostile submissions built from the seed plan's blank ledger by
 * editing its XML (exceljs could not write them in reasonable time or memory).
 * The blank ledger comes from our own writer: sheet2.xml is the first pillar
 * sheet (header in row 2, tasks in rows 3–6; columns A 序号 … J 备注, K the
 * hidden id), strings are shared.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { buildTemplateSpec } from '../../src/core/template/build-spec';
import { renderWorkbook } from '../../src/xlsx/render-workbook';
import { seedPlan } from './validate-fixture';

export const PILLAR_PART = 'xl/worksheets/sheet2.xml';
const STRINGS_PART = 'xl/sharedStrings.xml';

export interface SheetEdit {
  /** Shared strings appended to the table; `rows` refers to them from `firstString` on. */
  strings?: string[];
  /** Extra `<row>` elements, written after the template's rows; given the index of the first added string. */
  rows?: (firstString: number) => Iterable<string>;
  /** Extra merges (`E7:E200006`). */
  merges?: string[];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The blank ledger with its first pillar sheet edited. */
export async function editedLedger(edit: SheetEdit): Promise<Uint8Array> {
  const parts = unzipSync(await renderWorkbook(buildTemplateSpec(seedPlan)));
  const decode = (name: string): string => new TextDecoder().decode(parts[name]!);
  let strings = decode(STRINGS_PART);
  const count = (strings.match(/<si>/g) ?? []).length;
  const added = (edit.strings ?? []).map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('');
  strings = strings
    .replace('</sst>', `${added}</sst>`)
    .replace(/count="\d+"/, `count="${count + (edit.strings?.length ?? 0)}"`)
    .replace(/uniqueCount="\d+"/, `uniqueCount="${count + (edit.strings?.length ?? 0)}"`);
  let sheet = decode(PILLAR_PART).replace(/<dimension ref="[^"]*"\/>/, '');
  const rows: string[] = [];
  for (const row of edit.rows?.(count) ?? []) rows.push(row);
  sheet = sheet.replace('</sheetData>', `${rows.join('')}</sheetData>`);
  if (edit.merges?.length) {
    const merges = `<mergeCells count="${edit.merges.length}">${edit.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
    const existing = /<mergeCells count="(\d+)">/.exec(sheet);
    if (existing) sheet = sheet.replace('</mergeCells>', edit.merges.map((m) => `<mergeCell ref="${m}"/>`).join('') + '</mergeCells>').replace(/<mergeCells count="\d+">/, `<mergeCells count="${Number(existing[1]) + edit.merges.length}">`);
    else sheet = sheet.replace('</sheetData>', `</sheetData>${merges}`);
  }
  parts[STRINGS_PART] = strToU8(strings);
  parts[PILLAR_PART] = strToU8(sheet);
  return zipSync(parts, { level: 6 });
}

/** `count` cells (in column D, rows 7 on, under task 4) that all show one shared string of `length` characters. */
export function sharedStringBomb(count = 100_000, length = 300_000): Promise<Uint8Array> {
  return editedLedger({
    strings: ['举'.repeat(length)],
    *rows(first) {
      for (let r = 7; r < 7 + count; r++) yield `<row r="${r}"><c r="D${r}" t="s"><v>${first}</v></c></row>`;
    },
  });
}

/**
 * A 责任单位 of `length` characters in E7, merged down over `rows` rows, each of which has a 具体举措
 * of its own (so it is kept, and completed from the merge).
 */
export function mergeBomb(rows = 200_000, length = 300_000): Promise<Uint8Array> {
  return editedLedger({
    strings: ['单'.repeat(length), '补充举措'],
    *rows(first) {
      for (let r = 7; r < 7 + rows; r++) {
        const unit = r === 7 ? `<c r="E${r}" t="s"><v>${first}</v></c>` : '';
        yield `<row r="${r}"><c r="D${r}" t="s"><v>${first + 1}</v></c>${unit}</row>`;
      }
    },
    merges: [`E7:E${7 + rows - 1}`],
  });
}

/** Texts of an inserted row under task 4 (P1T4), by column letter; shared strings, so each costs its XML once. */
const EXTRA_ROW: [string, string][] = [
  ['A', '4-1'],
  ['C', '补充要求'],
  ['D', '补充举措：开展专项检查'],
  ['E', '党建办'],
  ['F', '张三'],
  ['G', '年底前'],
  ['H', '正在推进，已完成阶段目标。'],
  ['I', '推进中'],
  ['J', '无'],
  ['L', '表外备注'],
];

/** `rows` rows a school inserted under task 4, each with `cellsPerRow` (at most 10) filled cells. */
export function manyRows(rows: number, cellsPerRow = EXTRA_ROW.length): Promise<Uint8Array> {
  const columns = EXTRA_ROW.slice(0, cellsPerRow);
  return editedLedger({
    strings: columns.map(([, text]) => text),
    *rows(first) {
      for (let r = 7; r < 7 + rows; r++) yield `<row r="${r}">${columns.map(([col], i) => `<c r="${col}${r}" t="s"><v>${first + i}</v></c>`).join('')}</row>`;
    },
  });
}
