/**
 * styles.xml from the spec's named styles and its conditional formats.
 * Fonts, fills, borders, number formats, cell formats and differential
 * formats are each written once and shared by index; the order follows the
 * spec, so the same spec always gives the same file.
 */
import { TaizhangError } from '../../core/issues.js';
import type { ConditionalStyleSpec, StyleSpec, WorkbookSpec } from '../../core/workbook/spec.js';
import { xmlAttr } from './xml.js';

/** Number formats Excel knows by id; anything else gets a custom id from 164 up. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};
export const FIRST_CUSTOM_FORMAT = 164;

export interface StyleTable {
  xml: string;
  /** Style name → index into cellXfs. */
  xf: Map<string, number>;
  /** Conditional style → index into dxfs. */
  dxf(style: ConditionalStyleSpec): number;
}

const rgb = (colour: string): string => `FF${colour.toUpperCase()}`;

/** Keeps each distinct XML fragment once; its index is its position. */
class Pool {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(initial: string[] = []) {
    for (const item of initial) this.add(item);
  }
  add(xml: string): number {
    let at = this.index.get(xml);
    if (at === undefined) {
      at = this.items.length;
      this.items.push(xml);
      this.index.set(xml, at);
    }
    return at;
  }
  list(tag: string, extra = ''): string {
    return `<${tag} count="${this.items.length}"${extra}>${this.items.join('')}</${tag}>`;
  }
}

function fontXml(spec: StyleSpec['font']): string {
  const size = Number.isFinite(spec.size) && spec.size > 0 ? spec.size : 11;
  // charset 134 = GB2312: tells Excel the face is Chinese so it does not substitute a Latin one.
  return (
    `<font>${spec.bold ? '<b/>' : ''}<sz val="${size}"/>${spec.color ? `<color rgb="${rgb(spec.color)}"/>` : ''}` +
    `<name val="${xmlAttr(spec.name)}"/><charset val="134"/></font>`
  );
}

export const solidFill = (colour: string): string =>
  `<fill><patternFill patternType="solid"><fgColor rgb="${rgb(colour)}"/><bgColor indexed="64"/></patternFill></fill>`;

const side = (name: string): string => `<${name} style="thin"><color rgb="FF000000"/></${name}>`;
const THIN_BORDER = `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`;

function alignmentXml(spec: StyleSpec): string {
  const attrs =
    (spec.horizontal ? ` horizontal="${spec.horizontal}"` : '') +
    (spec.vertical ? ` vertical="${spec.vertical}"` : '') +
    (spec.wrap ? ' wrapText="1"' : '');
  return attrs ? `<alignment${attrs}/>` : '';
}

/** Differential format for a conditional rule (Excel reads a solid dxf fill from bgColor). */
function dxfXml(spec: ConditionalStyleSpec): string {
  const font = spec.fontColor ? `<font><color rgb="${rgb(spec.fontColor)}"/></font>` : '';
  const fill = spec.fill
    ? `<fill><patternFill patternType="solid"><fgColor rgb="${rgb(spec.fill)}"/><bgColor rgb="${rgb(spec.fill)}"/></patternFill></fill>`
    : '';
  return `<dxf>${font}${fill}</dxf>`;
}

/** What one named style needs in styles.xml, before its fonts, fills and borders have indices. */
export interface XfParts {
  /** A custom number format code, or a built-in format's id (0: General). */
  numFmt: string | number;
  font: string;
  fill: string | null;
  border: string | null;
  alignment: string;
  locked: boolean;
}

export function xfParts(style: StyleSpec): XfParts {
  const builtin = style.numFmt ? BUILTIN_FORMATS[style.numFmt] : 0;
  return {
    numFmt: builtin ?? style.numFmt!,
    font: fontXml(style.font),
    fill: style.fill ? solidFill(style.fill) : null,
    border: style.border === 'thin' ? THIN_BORDER : null,
    alignment: alignmentXml(style),
    locked: style.locked,
  };
}

/** The `<xf>` of a style, once its parts have their indices (0 for a fill or border it does not have). */
export function xfXml(parts: XfParts, ids: { numFmtId: number; fontId: number; fillId: number; borderId: number }): string {
  const { numFmtId, fontId, fillId, borderId } = ids;
  const protection = parts.locked ? '' : '<protection locked="0"/>';
  const applied =
    (numFmtId ? ' applyNumberFormat="1"' : '') +
    ' applyFont="1"' +
    (fillId ? ' applyFill="1"' : '') +
    (borderId ? ' applyBorder="1"' : '') +
    (parts.alignment ? ' applyAlignment="1"' : '') +
    ' applyProtection="1"';
  const body = parts.alignment + protection;
  const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
  return body ? `${head}>${body}</xf>` : `${head}/>`;
}

export function buildStyles(spec: WorkbookSpec): StyleTable {
  const numFmts = new Map<string, number>();
  const fonts = new Pool(['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>']);
  const fills = new Pool(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  const borders = new Pool(['<border><left/><right/><top/><bottom/><diagonal/></border>']);
  const xfs = new Pool(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  const dxfs = new Pool();
  const xf = new Map<string, number>();

  for (const [name, style] of Object.entries(spec.styles)) {
    const parts = xfParts(style);
    let numFmtId = typeof parts.numFmt === 'number' ? parts.numFmt : numFmts.get(parts.numFmt);
    if (numFmtId === undefined) {
      numFmtId = FIRST_CUSTOM_FORMAT + numFmts.size;
      numFmts.set(parts.numFmt as string, numFmtId);
    }
    const fontId = fonts.add(parts.font);
    const fillId = parts.fill ? fills.add(parts.fill) : 0;
    const borderId = parts.border ? borders.add(parts.border) : 0;
    xf.set(name, xfs.add(xfXml(parts, { numFmtId, fontId, fillId, borderId })));
  }
  for (const sheet of spec.sheets) for (const cf of sheet.conditionalFormats) dxfs.add(dxfXml(cf.style));

  const formats = [...numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlAttr(code)}"/>`);
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    (formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '') +
    fonts.list('fonts') +
    fills.list('fills') +
    borders.list('borders') +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    xfs.list('cellXfs') +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    dxfs.list('dxfs') +
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '</styleSheet>';

  return {
    xml,
    xf,
    dxf(style: ConditionalStyleSpec): number {
      const at = dxfs.items.indexOf(dxfXml(style));
      if (at < 0) throw new TaizhangError('FAULT_INTERNAL', { detail: 'conditional style missing from styles.xml' });
      return at;
    },
  };
}
