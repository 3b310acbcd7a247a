/**
 * The marked copy, built by patching the school's package: every zip entry
 * is kept byte for byte (still compressed, as stored) except the parts that
 * must change: styles.xml (entries appended), the sheets with marks (cell
 * styles, a `<legacyDrawing>`), their comments, drawings and relationships,
 * workbook.xml, its relationships and [Content_Types].xml. So print setup,
 * fonts, widths, validations and whatever else the school's program wrote
 * come through untouched, and no part is inflated beyond what the reader's
 * limits allow. Undefined when the package is built in a way this cannot
 * follow; the caller then makes the 校验结果-only copy.
 */
import type { Issue } from '../../core/model.js';
import { VALIDATION_SHEET_NAME, validationSheet } from '../../core/report/validation-sheet.js';
import type { WorkbookSnapshot } from '../../core/workbook/snapshot.js';
import { parseRelationships, parseWorkbookPart, relKind } from '../read/workbook.js';
import { normalisePartName } from '../read/zip.js';
import { builtInNames } from '../write/workbook.js';
import { FAST_LEVEL, ZipWriter } from '../write/zip.js';
import { planMarks } from './marks.js';
import { markSheet, type CopyParts, type SheetJob } from './mark-sheet.js';
import { ContentTypes, CT_SML, freshPart, PartTexts, Rels, relativeTarget, relsPartOf, type PartContent } from './package-parts.js';
import { reportSheetWriter, stylesOf } from './report-sheet.js';
import { encodePart, SourcePackage } from './source.js';
import { EMPTY_STYLESHEET, StylesPatch } from './styles.js';
import { patchWorkbook } from './workbook-part.js';

/**
 * Parts longer than this (characters), and parts written piece by piece for more problems than BIG_ISSUES,
 * are compressed for speed: a copy with tens of thousands of notes has a drawing of many megabytes.
 */
const BIG_PART = 1 << 20;
const BIG_ISSUES = 5_000;

export interface CopyInput {
  file: string;
  checkedAt: string;
  workbook: WorkbookSnapshot;
  issues: Issue[];
}

/** Where the workbook part is, as the reader finds it. */
function workbookPartOf(pkg: SourcePackage): string {
  const rootRels = parseRelationships(pkg.text('_rels/.rels'), '');
  const given = rootRels.find((r) => relKind(r.type) === 'officeDocument' && !r.external)?.part;
  return given !== undefined && /\.xml$/i.test(given) && pkg.has(given) ? given : 'xl/workbook.xml';
}

export async function markedCopy(original: Uint8Array, input: CopyInput): Promise<Uint8Array | undefined> {
  const pkg = new SourcePackage(original, input.file);
  const types = pkg.text('[Content_Types].xml');
  const workbookPart = workbookPartOf(pkg);
  const workbookXml = pkg.text(workbookPart);
  if (types === undefined || workbookXml === undefined) return undefined;
  const baseDir = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const relsPart = relsPartOf(workbookPart);
  const relsText = pkg.text(relsPart);
  const rels = parseRelationships(relsText, baseDir);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const wb = parseWorkbookPart(workbookXml);

  const added = new PartTexts();
  const removed = new Set<string>();
  const contentTypes = new ContentTypes(types);
  const parts: CopyParts = { added, contentTypes, baseDir, taken: (p) => pkg.has(p) || added.has(p) };
  const workbookRels = new Rels(relsText);

  // An earlier check's 校验结果 (re-checking a copy) is replaced, not kept beside the new one.
  const oldIndex = wb.sheets.findIndex((s) => s.name === VALIDATION_SHEET_NAME);
  const old = oldIndex >= 0 ? byId.get(wb.sheets[oldIndex]!.relId) : undefined;
  if (oldIndex >= 0) workbookRels.remove(wb.sheets[oldIndex]!.relId);
  if (old && !old.external) {
    for (const part of [old.part, relsPartOf(old.part)]) removed.add(normalisePartName(part));
    contentTypes.remove(old.part);
  }

  // The calculation chain (optional: Excel rebuilds a missing one) lists formula cells by sheet, which adding and removing sheets may leave stale.
  for (const chain of rels.filter((r) => relKind(r.type) === 'calcChain' && !r.external)) {
    workbookRels.remove(chain.id);
    removed.add(normalisePartName(chain.part));
    contentTypes.remove(chain.part);
  }

  const stylesRel = rels.find((r) => relKind(r.type) === 'styles' && !r.external);
  const stylesPart = stylesRel?.part ?? `${baseDir}styles.xml`;
  const stylesText = pkg.text(stylesPart);
  if (stylesText === undefined) {
    if (!stylesRel) workbookRels.add('styles', relativeTarget(workbookPart, stylesPart));
    contentTypes.override(stylesPart, `${CT_SML}.styles+xml`);
  }
  const styles = StylesPatch.from(stylesText ?? EMPTY_STYLESHEET);
  if (!styles) return undefined;

  const report = validationSheet(input.issues, input.file, input.checkedAt);
  const reportPart = freshPart((n) => `${baseDir}worksheets/sheet${n}.xml`, parts.taken);
  const reportId = workbookRels.add('worksheet', relativeTarget(workbookPart, reportPart));
  const patched = patchWorkbook(workbookXml, oldIndex, { name: report.name, relId: reportId, names: builtInNames(report, 0) });
  if (!patched) return undefined;

  const marks = planMarks(input.issues, input.workbook);
  const jobs: SheetJob[] = [];
  wb.sheets.forEach((entry, index) => {
    if (index === oldIndex) return;
    const rel = byId.get(entry.relId);
    if ((rel && relKind(rel.type) !== 'worksheet') || rel?.external) return;
    const sheetMarks = marks.get(entry.name) ?? [];
    const wasActive = index === patched.activeTab;
    if (sheetMarks.length > 0 || wasActive) jobs.push({ part: rel?.part ?? `${baseDir}worksheets/sheet${index + 1}.xml`, marks: sheetMarks, wasActive });
  });
  for (const job of jobs) {
    const text = markSheet(pkg, job, styles, parts);
    // A sheet with nothing to mark whose part cannot be read keeps its tab selected: harmless. One with marks cannot be marked.
    if (text === undefined && job.marks.length > 0) return undefined;
    if (text !== undefined) added.set(job.part, text);
  }

  const table = styles.addStyles(stylesOf(report));
  added.set(reportPart, reportSheetWriter(report, table));
  contentTypes.override(reportPart, `${CT_SML}.worksheet+xml`);
  added.set(stylesPart, styles.text);
  added.set(workbookPart, patched.text);
  added.set(relsPart, workbookRels.text);
  added.set('[Content_Types].xml', contentTypes.text);

  // Nothing is written before every part has passed the reader's checks.
  pkg.checkTheRest();
  const zip = new ZipWriter();
  const write = (name: string, content: PartContent): void => {
    if (typeof content === 'string') return zip.add(name, encodePart(content), content.length > BIG_PART ? FAST_LEVEL : undefined);
    const part = zip.part(name, input.issues.length > BIG_ISSUES ? FAST_LEVEL : undefined);
    content(part.write);
    part.end();
  };
  const written = new Set<string>();
  for (const entry of pkg.entries) {
    const key = normalisePartName(entry.name);
    if (removed.has(key) && !added.has(entry.name)) continue;
    const content = added.get(entry.name);
    if (content === undefined) zip.copy(entry.name, pkg.stored(entry));
    else write(entry.name, content);
    written.add(key);
  }
  for (const { name, text } of added.entries()) if (!written.has(normalisePartName(name))) write(name, text);
  return zip.finished();
}
