/**
 * A sheet's charts as package parts: one drawing part per sheet with charts
 * (xl/drawings/drawingN.xml, a `twoCellAnchor` + `graphicFrame` per chart),
 * its relationships to the chart parts (xl/charts/chartK.xml), numbered
 * through the workbook. The worksheet points at its drawing with
 * `<drawing r:id>` (sheet.ts); [Content_Types].xml lists every part.
 */
import type { ChartSpec, SheetSpec } from '../../core/workbook/spec.js';
import { chartData } from './chart-data.js';
import { chartXml } from './chart.js';
import { sheetRef, xmlAttr } from './xml.js';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const drawingPath = (n: number): string => `xl/drawings/drawing${n}.xml`;
export const chartPath = (n: number): string => `xl/charts/chart${n}.xml`;
const drawingRelsPath = (n: number): string => `xl/drawings/_rels/drawing${n}.xml.rels`;

/** How many drawing and chart parts a workbook has, for [Content_Types].xml. */
export interface ChartPartCounts {
  drawings: number;
  charts: number;
}

/** xdr markers are 0-based; `to` is the corner after the last covered cell. */
function marker(tag: 'from' | 'to', col: number, row: number): string {
  return `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

function anchor(chart: ChartSpec, i: number): string {
  const { from, to } = chart.anchor;
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    marker('from', from.col - 1, from.row - 1) +
    marker('to', to.col, to.row) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlAttr(`图表 ${i + 1}`)}" descr="${xmlAttr(chart.title)}"/>` +
    '<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

/**
 * Adds the drawing part of `sheet` (number `drawing`) and its charts, from
 * chart number `firstChart`; returns how many charts were added. The chart
 * parts are a few kilobytes each, so they are built whole.
 */
export function addSheetCharts(
  sheet: SheetSpec,
  drawing: number,
  firstChart: number,
  add: (name: string, text: string) => void,
): number {
  const charts = sheet.charts ?? [];
  const rels = charts.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/chart" Target="../charts/chart${firstChart + i}.xml"/>`,
  );
  add(
    drawingPath(drawing),
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}" xmlns:r="${REL_NS}">${charts.map(anchor).join('')}</xdr:wsDr>`,
  );
  add(drawingRelsPath(drawing), `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`);
  charts.forEach((chart, i) => add(chartPath(firstChart + i), chartXml(chart, chartData(sheet, chart, sheetRef))));
  return charts.length;
}

/** The worksheet's relationship to its drawing part. */
export function drawingRel(id: string, drawing: number): string {
  return `<Relationship Id="${id}" Type="${REL_NS}/drawing" Target="../drawings/drawing${drawing}.xml"/>`;
}

export function chartContentTypes(counts: ChartPartCounts): string {
  const parts: string[] = [];
  for (let n = 1; n <= counts.drawings; n++) {
    parts.push(`<Override PartName="/${drawingPath(n)}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
  }
  for (let n = 1; n <= counts.charts; n++) {
    parts.push(`<Override PartName="/${chartPath(n)}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
  }
  return parts.join('');
}
