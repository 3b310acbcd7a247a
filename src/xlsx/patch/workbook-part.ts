/**
 * workbook.xml of the copy: the 校验结果 sheet goes in front (where the clerk
 * looks when the file opens) and is the active tab; an old 校验结果 from an
 * earlier check of this copy is taken out. Sheet-scoped names
 * (`localSheetId`: a sheet's position) follow their sheets, so print titles
 * and areas stay with the sheets they belong to. Everything else is kept.
 */
import { definedNameXml, type DefinedName } from '../write/workbook.js';
import { xmlAttr } from '../write/xml.js';
import { applyEdits, attrOf, children, findElement, openTagAt, prefixed, TagCursor, withAttr, type Edit } from './xml-tags.js';

export interface ReportEntry {
  name: string;
  relId: string;
  /** The report's own names (filter, print titles), with localSheetId 0. */
  names: DefinedName[];
}

/** What comes after `<definedNames>` in the schema; the element goes before the first of these. */
const AFTER_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

export interface PatchedWorkbook {
  text: string;
  /** Position (among the original sheets) of the tab that was active, whose `tabSelected` must go. */
  activeTab: number;
}

/** `remove`: position of the old report among the sheets, or -1. */
export function patchWorkbook(xml: string, remove: number, report: ReportEntry): PatchedWorkbook | undefined {
  const root = findElement(xml, 'workbook');
  const sheets = root && !root.empty ? findElement(xml, 'sheets', root.openEnd, root.contentEnd) : undefined;
  if (!root || !sheets || sheets.empty) return undefined;
  const edits: Edit[] = [];
  const list = children(xml, sheets).filter((c) => c.name === 'sheet');
  const first = list[0];
  if (!first) return undefined;
  const firstTag = openTagAt(xml, first.start);
  // The relationship id attribute as the file spells it (`r:id`, or another prefix, transitional or strict).
  const idName = /\s([\w.-]+:id)\s*=/.exec(firstTag)?.[1] ?? 'r:id';
  const ids = list.map((c) => Number(attrOf(openTagAt(xml, c.start), 'sheetId'))).filter(Number.isInteger);
  const sheetId = ids.reduce((max, id) => Math.max(max, id), 0) + 1;
  const entry = prefixed(`<sheet name="${xmlAttr(report.name)}" sheetId="${sheetId}" ${idName}="${xmlAttr(report.relId)}"/>`, sheets.prefix);
  edits.push({ from: first.start, to: first.start, text: entry });
  if (remove >= 0 && list[remove]) edits.push({ from: list[remove]!.start, to: list[remove]!.end, text: '' });

  /** A sheet position after the edit: the report is 0, the old report is gone. */
  const moved = (n: number): number | undefined => (n === remove ? undefined : n + 1 - (remove >= 0 && n > remove ? 1 : 0));
  const names = findElement(xml, 'definedNames', root.openEnd, root.contentEnd);
  const ours = prefixed(report.names.map(definedNameXml).join(''), names?.prefix ?? sheets.prefix);
  if (names && !names.empty) {
    for (const c of children(xml, names)) {
      if (c.name !== 'definedName') continue;
      const tag = openTagAt(xml, c.start);
      const tagEnd = c.start + tag.length;
      const local = attrOf(tag, 'localSheetId');
      if (local === undefined || !/^\d+$/.test(local)) continue;
      const to = moved(Number(local));
      edits.push(to === undefined ? { from: c.start, to: c.end, text: '' } : { from: c.start, to: tagEnd, text: withAttr(tag, 'localSheetId', String(to)) });
    }
    edits.push({ from: names.openEnd, to: names.openEnd, text: ours });
  } else if (ours) {
    const element = `<${sheets.prefix}definedNames>${ours}</${sheets.prefix}definedNames>`;
    if (names) edits.push({ from: names.start, to: names.end, text: element });
    else {
      const next = children(xml, root).find((c) => AFTER_NAMES.includes(c.name));
      const at = next ? next.start : root.contentEnd;
      edits.push({ from: at, to: at, text: element });
    }
  }

  // The report is the tab shown on opening; the first tab shown in the tab bar is the first.
  let activeTab = 0;
  const cursor = new TagCursor(xml, root.openEnd, root.contentEnd);
  while (cursor.next()) {
    if (cursor.name !== 'workbookView' || cursor.kind === 'close') continue;
    const tag = cursor.text();
    const active = attrOf(tag, 'activeTab');
    if (active !== undefined && /^\d+$/.test(active)) activeTab = Number(active);
    let view = active !== undefined ? withAttr(tag, 'activeTab', '0') : tag;
    if (attrOf(view, 'firstSheet') !== undefined) view = withAttr(view, 'firstSheet', '0');
    if (view !== tag) edits.push({ from: cursor.start, to: cursor.end, text: view });
    break;
  }
  return { text: applyEdits(xml, edits), activeTab };
}
