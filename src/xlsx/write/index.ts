/**
 * WorkbookSpec → .xlsx bytes, written directly as SpreadsheetML: the spec is
 * already pure data, so no spreadsheet library is needed. Parts stream into
 * the zip as they are built (see zip.ts), which keeps a 30,000-row summary
 * fast and small in memory. No node:* imports: this also runs in the browser.
 * Same spec and options → same bytes.
 */
import type { Issue } from '../../core/model.js';
import type { WorkbookSpec } from '../../core/workbook/spec.js';
import { fitSpecTexts } from '../../core/workbook/text-limit.js';
import { addSheetCharts, type ChartPartCounts } from './drawing.js';
import { SharedStrings } from './shared-strings.js';
import { sheetRels, writeSheet } from './sheet.js';
import { buildStyles } from './styles.js';
import { appXml, contentTypes, coreXml, ROOT_RELS, sheetPath, sheetRelsPath, workbookRels, workbookXml } from './workbook.js';
import { FAST_LEVEL, ZipWriter, type Crc32, type RawDeflate } from './zip.js';

export type { Crc32, DeflateSink, RawDeflate } from './zip.js';

/** A workbook with a sheet longer than this is compressed for speed rather than size (see FAST_LEVEL). */
const BIG_SHEET_ROWS = 5_000;
/** In such a workbook, every part with more rows than this too: 2,000 schools' 报送情况 and 汇总 are a megabyte each. */
const BIG_PART_ROWS = 500;

export interface WriteOptions {
  /** ISO timestamp written as the document's created/modified time; fixed by default so output is reproducible. */
  created?: string;
  /** `shared` (default): one shared string table; `inline`: each string in its cell. */
  strings?: 'shared' | 'inline';
  /**
   * A faster raw deflater for the platform (the CLI passes node:zlib's, which
   * compresses on another thread while the next sheet is built); the portable
   * fflate one is the default.
   */
  deflate?: RawDeflate;
  /** The platform's CRC-32 (node:zlib's `crc32`); a portable one by default. */
  crc32?: Crc32;
  /**
   * Told of each text cut to Excel's 32,767 characters per cell (WORKBOOK_TEXT_CUT, naming the cell):
   * texts are always cut, so the file opens in Excel; the caller decides where the warning goes.
   */
  onIssue?: (issue: Issue) => void;
}

export const FIXED_CREATED = '2000-01-01T00:00:00Z';

/** The workbook, once every part is deflated (the deflater given may work in the background). */
export async function writeWorkbook(spec: WorkbookSpec, options: WriteOptions = {}): Promise<Uint8Array> {
  return writeParts(spec, options).finished();
}

/** The same bytes as pieces to write in order (see ZipWriter.finishedPieces). */
export async function writeWorkbookPieces(spec: WorkbookSpec, options: WriteOptions = {}): Promise<Uint8Array[]> {
  return writeParts(spec, options).finishedPieces();
}

function writeParts(given: WorkbookSpec, options: WriteOptions): ZipWriter {
  const { spec, issues } = fitSpecTexts(given);
  for (const item of issues) options.onIssue?.(item);
  const zip = new ZipWriter(options.deflate, options.crc32);
  const shared = (options.strings ?? 'shared') === 'shared';
  const styles = buildStyles(spec);
  const strings = shared ? new SharedStrings() : null;

  const charted = spec.sheets.filter((sh) => (sh.charts?.length ?? 0) > 0);
  const counts: ChartPartCounts = { drawings: charted.length, charts: charted.reduce((n, sh) => n + sh.charts!.length, 0) };
  zip.add('[Content_Types].xml', contentTypes(spec.sheets.length, shared, counts));
  zip.add('_rels/.rels', ROOT_RELS);
  zip.add('docProps/core.xml', coreXml(spec.title, options.created ?? FIXED_CREATED));
  zip.add('docProps/app.xml', appXml(spec));
  zip.add('xl/workbook.xml', workbookXml(spec));
  zip.add('xl/_rels/workbook.xml.rels', workbookRels(spec.sheets.length, shared));
  zip.add('xl/styles.xml', styles.xml);
  const rowCount = (sh: WorkbookSpec['sheets'][number]): number => sh.rows.length + (sh.streamed?.count ?? 0) + (sh.streamed?.tail?.length ?? 0);
  const big = spec.sheets.some((sh) => rowCount(sh) > BIG_SHEET_ROWS);
  let drawings = 0;
  let charts = 0;
  spec.sheets.forEach((sheet, i) => {
    const drawing = (sheet.charts?.length ?? 0) > 0 ? ++drawings : undefined;
    const part = zip.part(sheetPath(i), big && rowCount(sheet) > BIG_PART_ROWS ? FAST_LEVEL : undefined);
    const rels = sheetRels(writeSheet(sheet, { styles, strings: sheet.inlineStrings ? null : strings, ...(options.onIssue ? { onIssue: options.onIssue } : {}) }, part.write, drawing), drawing);
    part.end();
    if (rels) zip.add(sheetRelsPath(i), rels);
    if (drawing !== undefined) charts += addSheetCharts(sheet, drawing, charts + 1, (name, text) => zip.add(name, text));
  });
  if (strings) {
    const part = zip.part('xl/sharedStrings.xml', big ? FAST_LEVEL : undefined);
    for (const chunk of strings.chunks()) part.write(chunk);
    part.end();
  }
  return zip;
}
