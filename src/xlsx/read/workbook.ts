/**
 * The workbook's skeleton: where the workbook part is (_rels/.rels), its
 * sheets in tab order with their state and part names (through
 * workbook.xml.rels, never assuming sheetN.xml), the date system, defined
 * names and the shared-strings and styles parts.
 */
import type { SheetState } from './types.js';
import { scanXml, type Attributes, type XmlSource } from './xml.js';

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
  external: boolean;
}

/** Resolves a relationship target against the folder of the part that owns the rels. */
export function resolvePart(baseDir: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

export function parseRelationships(xml: XmlSource | undefined, baseDir: string): Relationship[] {
  if (xml === undefined) return [];
  const rels: Relationship[] = [];
  scanXml(xml, {
    wantText: false,
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const id = attrs.get('Id');
      const target = attrs.get('Target');
      if (id === undefined || target === undefined) return;
      const external = attrs.get('TargetMode') === 'External';
      rels.push({ id, type: attrs.get('Type') ?? '', part: external ? target : resolvePart(baseDir, target), external });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** Relationship types are namespace URIs that differ between transitional and strict OOXML; the last segment is stable. */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

export interface SheetEntry {
  name: string;
  state: SheetState;
  relId: string;
}

export interface WorkbookPart {
  date1904: boolean;
  sheets: SheetEntry[];
  definedNames: { name: string; ref: string; localSheetId?: number }[];
  protected: boolean;
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value?.toLowerCase() === 'true';
}

export function parseWorkbookPart(xml: XmlSource): WorkbookPart {
  const result: WorkbookPart = { date1904: false, sheets: [], definedNames: [], protected: false };
  let name: { name: string; ref: string; localSheetId?: number } | undefined;
  const handler = {
    wantText: false,
    open(tag: string, attrs: Attributes) {
      // Extensions repeat the element (<x15:workbookPr chartTrackingRefBase="1"/>): only the attribute counts.
      if (tag === 'workbookPr') {
        const date1904 = attrs.get('date1904');
        if (date1904 !== undefined) result.date1904 = isTrue(date1904);
      }
      else if (tag === 'workbookProtection') {
        // An empty <workbookProtection/> protects nothing.
        result.protected = isTrue(attrs.get('lockStructure')) || isTrue(attrs.get('lockWindows')) || attrs.get('workbookPassword') !== undefined;
      } else if (tag === 'sheet') {
        const given = attrs.get('state');
        const state = given === 'hidden' || given === 'veryHidden' ? given : 'visible';
        result.sheets.push({ name: attrs.get('name') ?? '', state, relId: attrs.get('id') ?? '' });
      } else if (tag === 'definedName') {
        const localSheetId = attrs.get('localSheetId');
        const local = Number(localSheetId);
        name = { name: attrs.get('name') ?? '', ref: '', ...(localSheetId !== undefined && Number.isInteger(local) ? { localSheetId: local } : {}) };
        handler.wantText = true;
      }
    },
    close(tag: string) {
      if (tag === 'definedName' && name) {
        result.definedNames.push(name);
        name = undefined;
        handler.wantText = false;
      }
    },
    text(value: string) {
      if (name) name.ref += value;
    },
  };
  scanXml(xml, handler);
  return result;
}
