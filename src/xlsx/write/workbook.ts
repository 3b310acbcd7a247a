/**
 * The package parts around the sheets: workbook.xml (sheets, states, defined
 * names, structure lock), its relationships, [Content_Types].xml, the root
 * relationships and the document properties. No theme part: Excel,
 * LibreOffice and exceljs open the file without one, and every cell names its
 * own font.
 */
import type { SheetSpec, WorkbookSpec } from '../../core/workbook/spec.js';
import { chartContentTypes, type ChartPartCounts } from './drawing.js';
import { sheetRef, xmlAttr, xmlText } from './xml.js';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_SML = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export const sheetPath = (i: number): string => `xl/worksheets/sheet${i + 1}.xml`;
export const sheetRelsPath = (i: number): string => `xl/worksheets/_rels/sheet${i + 1}.xml.rels`;

export interface DefinedName {
  name: string;
  refersTo: string;
  localSheetId?: number;
  hidden?: boolean;
}

/** The built-in names Excel itself writes for a sheet's filter and printing; `i` is the sheet's position. */
export function builtInNames(sheet: SheetSpec, i: number): DefinedName[] {
  const names: DefinedName[] = [];
  if (sheet.autoFilter) names.push({ name: '_xlnm._FilterDatabase', refersTo: sheetRef(sheet.name, sheet.autoFilter), localSheetId: i, hidden: true });
  if (sheet.print?.printArea) names.push({ name: '_xlnm.Print_Area', refersTo: sheetRef(sheet.name, sheet.print.printArea), localSheetId: i });
  if (sheet.print?.printTitleRows) names.push({ name: '_xlnm.Print_Titles', refersTo: sheetRef(sheet.name, sheet.print.printTitleRows), localSheetId: i });
  return names;
}

/** The spec's names, then per sheet the built-in ones. */
function definedNames(spec: WorkbookSpec): DefinedName[] {
  const names: DefinedName[] = spec.definedNames.map((n) => ({ name: n.name, refersTo: n.refersTo }));
  spec.sheets.forEach((sheet: SheetSpec, i) => names.push(...builtInNames(sheet, i)));
  return names;
}

export function definedNameXml(n: DefinedName): string {
  return (
    `<definedName name="${xmlAttr(n.name)}"${n.localSheetId !== undefined ? ` localSheetId="${n.localSheetId}"` : ''}${n.hidden ? ' hidden="1"' : ''}>` +
    `${xmlText(n.refersTo)}</definedName>`
  );
}

export function workbookXml(spec: WorkbookSpec): string {
  const sheets = spec.sheets.map(
    (s, i) => `<sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}"${s.state === 'visible' ? '' : ` state="${s.state}"`} r:id="rId${i + 1}"/>`,
  );
  const names = definedNames(spec).map(definedNameXml);
  return (
    `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${DOC_REL}">` +
    '<workbookPr/>' +
    (spec.lockStructure ? '<workbookProtection lockStructure="1"/>' : '') +
    `<sheets>${sheets.join('')}</sheets>` +
    (names.length ? `<definedNames>${names.join('')}</definedNames>` : '') +
    '</workbook>'
  );
}

/** Sheets are rId1..rIdN (in sheet order), then styles and, when used, the shared strings. */
export function workbookRels(sheetCount: number, sharedStrings: boolean): string {
  const rels = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${DOC_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rId${sheetCount + 1}" Type="${DOC_REL}/styles" Target="styles.xml"/>`);
  if (sharedStrings) rels.push(`<Relationship Id="rId${sheetCount + 2}" Type="${DOC_REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`;
}

export function contentTypes(sheetCount: number, sharedStrings: boolean, charts: ChartPartCounts = { drawings: 0, charts: 0 }): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Override PartName="/${sheetPath(i)}" ContentType="${CT_SML}.worksheet+xml"/>`,
  );
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT_SML}.sheet.main+xml"/>` +
    sheets.join('') +
    `<Override PartName="/xl/styles.xml" ContentType="${CT_SML}.styles+xml"/>` +
    (sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT_SML}.sharedStrings+xml"/>` : '') +
    chartContentTypes(charts) +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

export const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${DOC_REL}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${DOC_REL}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

/** `created` is an ISO timestamp (`2024-09-01T08:00:00Z`); a fixed one keeps the bytes reproducible. */
export function coreXml(title: string, created: string): string {
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>taizhang</dc:creator><cp:lastModifiedBy>taizhang</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${xmlText(created)}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${xmlText(created)}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function appXml(spec: WorkbookSpec): string {
  const titles = spec.sheets.map((s) => `<vt:lpstr>${xmlText(s.name)}</vt:lpstr>`);
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>taizhang</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>' +
    `<vt:variant><vt:i4>${spec.sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">${titles.join('')}</vt:vector></TitlesOfParts>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>' +
    '</Properties>'
  );
}
