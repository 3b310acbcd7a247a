/**
 * readWorkbook: .xlsx bytes → a values-only snapshot, or a refusal as data.
 * It never throws, whatever the bytes: every failure, expected or not, comes
 * back as `{ ok: false, issue }` with a code from the message table.
 * Runs unchanged in Node and in a browser (Uint8Array, TextDecoder, fflate).
 */
import { issue } from '../../core/issues.js';
import { describeNonZip, describePackage, isZip } from './detect.js';
import { declaresDoctype } from './doctype.js';
import { Refusal, Warnings } from './refusal.js';
import { parseSharedStrings } from './shared-strings.js';
import { parseSheet } from './sheet.js';
import { PartMemo } from './part-memo.js';
import { parseStyles, type CellFormats } from './styles.js';
import { TextBudget } from './text-budget.js';
import {
  DEFAULT_LIMITS,
  type DefinedNameSnapshot,
  type ReadLimits,
  type ReadOptions,
  type ReadResult,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from './types.js';
import { parseRelationships, parseWorkbookPart, relKind, type Relationship, type WorkbookPart } from './workbook.js';
import { decodeXml, type XmlSource } from './xml.js';
import { ZipArchive } from './zip.js';

export * from './types.js';

/** The skeleton parts' last parses (part-memo.ts): every school's copy of a template often has the same bytes there. */
const MEMO = {
  rootRels: new PartMemo<Relationship[]>(),
  workbook: new PartMemo<WorkbookPart>(),
  rels: new PartMemo<Relationship[]>(),
  styles: new PartMemo<CellFormats>(),
};

export function readWorkbook(bytes: Uint8Array, options: ReadOptions = {}): ReadResult {
  const file = options.fileName ?? '';
  try {
    const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
    const warnings = new Warnings(file);
    const workbook = read(bytes, file, limits, warnings, options);
    return { ok: true, workbook, warnings: warnings.finish() };
  } catch (error) {
    if (error instanceof Refusal) {
      return { ok: false, issue: issue(error.code, 'error', { file, ...sheetOf(error) }, { file, ...error.params }) };
    }
    // A bug or something no check foresaw (e.g. out of memory on a string): still data, never a crash.
    const detail = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : String(error).slice(0, 200);
    return { ok: false, issue: issue('XLSX_READ_INTERNAL', 'error', { file }, { file, detail }) };
  }
}

function sheetOf(error: Refusal): { sheet?: string; cell?: string } {
  const { sheet, cell } = error.params;
  return { ...(typeof sheet === 'string' ? { sheet } : {}), ...(typeof cell === 'string' ? { cell } : {}) };
}

function read(bytes: Uint8Array, file: string, limits: ReadLimits, warnings: Warnings, options: ReadOptions): WorkbookSnapshot {
  if (bytes.length > limits.maxFileBytes) throw new Refusal('XLSX_READ_FILE_TOO_LARGE', { size: bytes.length, limit: limits.maxFileBytes });
  if (!isZip(bytes)) throw describeNonZip(bytes, file);
  const zip = new ZipArchive(bytes, limits, options.inflate, options.crc32);
  const latin1 = options.latin1;
  const text = (part: string): XmlSource | undefined => {
    const data = zip.read(part);
    const source = data === undefined ? undefined : decodeXml(data, latin1);
    if (source !== undefined && declaresDoctype(source)) throw new Refusal('XLSX_READ_XML_DOCTYPE', { entry: part });
    return source;
  };

  const rootRels = MEMO.rootRels.read(zip, '_rels/.rels', '', () => parseRelationships(text('_rels/.rels'), ''));
  const officeDocument = rootRels.find((r) => relKind(r.type) === 'officeDocument' && !r.external)?.part;
  const workbookPart = officeDocument !== undefined && /\.xml$/i.test(officeDocument) && zip.has(officeDocument) ? officeDocument : 'xl/workbook.xml';
  if (/(^|\/)(document|presentation)\.xml$/i.test(workbookPart) || !zip.has(workbookPart)) throw describePackage(zip);
  // Read (and refused) before the rels, as ever; the parse itself never throws.
  const wb = MEMO.workbook.read(zip, workbookPart, '', () => parseWorkbookPart(text(workbookPart)!));
  const baseDir = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const relsPart = `${baseDir}_rels/${workbookPart.slice(baseDir.length)}.rels`;
  const rels = MEMO.rels.read(zip, relsPart, baseDir, () => parseRelationships(text(relsPart), baseDir));
  if (wb.sheets.length > limits.maxSheets) throw new Refusal('XLSX_READ_TOO_MANY_SHEETS', { count: wb.sheets.length, limit: limits.maxSheets });

  const partOf = (kind: string, fallback: string): string => rels.find((r) => relKind(r.type) === kind && !r.external)?.part ?? fallback;
  const sharedStrings = parseSharedStrings(text(partOf('sharedStrings', `${baseDir}sharedStrings.xml`)));
  const stylesPart = partOf('styles', `${baseDir}styles.xml`);
  const formats = MEMO.styles.read(zip, stylesPart, '', () => parseStyles(text(stylesPart)));
  const byId = new Map<string, Relationship>(rels.map((r) => [r.id, r]));
  const textBudget = new TextBudget(limits.maxTextChars);

  const sheets: SheetSnapshot[] = [];
  wb.sheets.forEach((entry, index) => {
    const rel = byId.get(entry.relId);
    if (rel && relKind(rel.type) !== 'worksheet') return; // chart sheets and dialog sheets hold no cells
    // Without a matching relationship, fall back on the conventional name, as Excel's repair does.
    const part = rel?.part ?? `${baseDir}worksheets/sheet${index + 1}.xml`;
    const sheet: SheetSnapshot = { name: entry.name, state: entry.state, cells: [], merges: [], maxRow: 0, maxCol: 0, dataValidations: [] };
    if (options.onlySheets && !options.onlySheets(entry.name)) return void sheets.push(sheet);
    const xml = rel?.external ? undefined : text(part);
    if (xml === undefined) {
      warnings.add('XLSX_READ_SHEET_MISSING', { sheet: entry.name }, { sheet: entry.name });
    } else {
      textBudget.allow(zip.inflatedBytes);
      const content = parseSheet(xml, { sheet: entry.name, sharedStrings, formats, date1904: wb.date1904, limits, warnings, textBudget });
      sheet.cells = content.cells;
      sheet.merges = content.merges;
      sheet.dataValidations = content.dataValidations;
      for (const c of content.cells) {
        if (c.row > sheet.maxRow) sheet.maxRow = c.row;
        if (c.col > sheet.maxCol) sheet.maxCol = c.col;
      }
    }
    sheets.push(sheet);
  });

  const definedNames: DefinedNameSnapshot[] = wb.definedNames.map((n) => {
    const localSheet = n.localSheetId === undefined ? undefined : wb.sheets[n.localSheetId]?.name;
    return { name: n.name, ref: n.ref, ...(localSheet !== undefined ? { localSheet } : {}) };
  });
  return { date1904: wb.date1904, sheets, definedNames, ...(wb.protected ? { workbookProtected: true } : {}) };
}
