/**
 * One chart part (xl/charts/chartN.xml): a `c:chartSpace` with one bar or line chart,
 * its category and value axes and a legend, every element in the order the
 * DrawingML chart schema requires (Excel refuses or "repairs" a file whose
 * order is off). Text carries the spec's CJK font as `a:ea`, or viewers draw
 * Chinese labels in a fallback face.
 */
import type { CellValue, ChartSpec } from '../../core/workbook/spec.js';
import type { ChartData, ChartRange } from './chart-data.js';
import { xmlAttr, xmlText } from './xml.js';

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CAT_AX = 10001;
const VAL_AX = 10002;
const GRID_COLOR = 'D9D9D9';
const AXIS_COLOR = '808080';

const val = (tag: string, value: string | number): string => `<c:${tag} val="${value}"/>`;

function fontRuns(font: string | undefined): string {
  if (!font) return '';
  const face = xmlAttr(font);
  return `<a:latin typeface="${face}"/><a:ea typeface="${face}"/><a:cs typeface="${face}"/>`;
}

/** Text properties of an axis, the labels or the legend. */
function txPr(size: number, font: string | undefined, bold = false): string {
  return (
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>' +
    `<a:defRPr sz="${Math.round(size * 100)}" b="${bold ? 1 : 0}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>${fontRuns(font)}</a:defRPr>` +
    '</a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>'
  );
}

function title(text: string, font: string | undefined): string {
  return (
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>' +
    `<a:r><a:rPr lang="zh-CN" sz="1200" b="1">${fontRuns(font)}</a:rPr><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `${val('overlay', 0)}</c:title>`
  );
}

const solid = (color: string): string => `<a:solidFill><a:srgbClr val="${color.toUpperCase()}"/></a:solidFill>`;
const line = (color: string): string => `<a:ln w="9525">${solid(color)}</a:ln>`;

function strRef(range: ChartRange): string {
  const points = range.values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v === null ? '' : String(v))}</c:v></c:pt>`);
  return `<c:strRef><c:f>${xmlText(range.ref)}</c:f><c:strCache>${val('ptCount', range.values.length)}${points.join('')}</c:strCache></c:strRef>`;
}

/** Only numbers are cached: an empty or text cell is a gap, as Excel caches it. */
function numRef(range: ChartRange, format: string): string {
  const points: string[] = [];
  range.values.forEach((v, i) => {
    if (typeof v === 'number' && Number.isFinite(v)) points.push(`<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`);
  });
  return (
    `<c:numRef><c:f>${xmlText(range.ref)}</c:f><c:numCache><c:formatCode>${xmlText(format)}</c:formatCode>` +
    `${val('ptCount', range.values.length)}${points.join('')}</c:numCache></c:numRef>`
  );
}

/** Label content and position: a stacked bar names its series in each label, so it reads in black and white. */
function labelFlags(chart: ChartSpec, format: string, font: string | undefined): string {
  const stacked = chart.kind === 'stackedBar';
  return (
    `<c:numFmt formatCode="${xmlAttr(format)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${txPr(8, font)}` +
    val('dLblPos', stacked ? 'ctr' : 'outEnd') +
    val('showLegendKey', 0) + val('showVal', 1) + val('showCatName', 0) + val('showSerName', stacked ? 1 : 0) +
    val('showPercent', 0) + val('showBubbleSize', 0) + (stacked ? '<c:separator> </c:separator>' : '')
  );
}

/** A zero segment of a stacked bar has no width: its label would only sit on its neighbour's. */
function seriesLabels(chart: ChartSpec, values: readonly CellValue[], format: string, font: string | undefined): string {
  const hidden = chart.kind === 'stackedBar' ? values.flatMap((v, i) => (typeof v === 'number' && v !== 0 ? [] : [i])) : [];
  const deleted = hidden.map((i) => `<c:dLbl>${val('idx', i)}${val('delete', 1)}</c:dLbl>`);
  return `<c:dLbls>${deleted.join('')}${labelFlags(chart, format, font)}</c:dLbls>`;
}

function series(chart: ChartSpec, data: ChartData, format: string): string {
  return chart.series
    .map((s, i) => {
      const range = data.series[i]!;
      return (
        `<c:ser>${val('idx', i)}${val('order', i)}<c:tx><c:v>${xmlText(s.name)}</c:v></c:tx>` +
        `<c:spPr>${solid(s.color ?? '4472C4')}</c:spPr>${val('invertIfNegative', 0)}` +
        seriesLabels(chart, range.values, format, chart.font) +
        `<c:cat>${strRef(data.categories)}</c:cat><c:val>${numRef(range, format)}</c:val></c:ser>`
      );
    })
    .join('');
}

/**
 * Horizontal bars run bottom-up by default; reversing the category axis (and
 * crossing the value axis at its far end, so the value scale stays at the
 * bottom) lists them top-down in the sheet's order, as the table beside reads.
 */
function axes(chart: ChartSpec, horizontal: boolean, format: string): string {
  const font = chart.font;
  const scaling =
    `<c:scaling>${val('orientation', 'minMax')}` +
    (chart.valueMax !== undefined ? val('max', chart.valueMax) : '') +
    (chart.valueMin !== undefined ? val('min', chart.valueMin) : '') +
    '</c:scaling>';
  const catAx =
    `<c:catAx>${val('axId', CAT_AX)}<c:scaling>${val('orientation', horizontal ? 'maxMin' : 'minMax')}</c:scaling>${val('delete', 0)}` +
    `${val('axPos', horizontal ? 'l' : 'b')}<c:numFmt formatCode="General" sourceLinked="0"/>` +
    `${val('majorTickMark', 'none')}${val('minorTickMark', 'none')}${val('tickLblPos', 'nextTo')}` +
    `<c:spPr>${line(AXIS_COLOR)}</c:spPr>${txPr(chart.categoryFontSize ?? 9, font)}${val('crossAx', VAL_AX)}${val('crosses', 'autoZero')}` +
    // Every school is named: a viewer left to itself skips every other label of a long list.
    `${val('auto', 1)}${val('lblAlgn', 'ctr')}${val('lblOffset', 100)}${val('tickLblSkip', 1)}${val('noMultiLvlLbl', 0)}</c:catAx>`;
  const valAx =
    `<c:valAx>${val('axId', VAL_AX)}${scaling}${val('delete', 0)}${val('axPos', horizontal ? 'b' : 'l')}` +
    `<c:majorGridlines><c:spPr>${line(GRID_COLOR)}</c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${xmlAttr(format)}" sourceLinked="0"/>${val('majorTickMark', 'out')}${val('minorTickMark', 'none')}` +
    `${val('tickLblPos', 'nextTo')}<c:spPr>${line(AXIS_COLOR)}</c:spPr>${txPr(9, font)}${val('crossAx', CAT_AX)}` +
    `${val('crosses', horizontal ? 'max' : 'autoZero')}${val('crossBetween', 'between')}</c:valAx>`;
  return catAx + valAx;
}

/** Line series: a 2.25 pt line with round markers, no labels (the table beside has the figures). */
function lineSeries(chart: ChartSpec, data: ChartData, format: string): string {
  return chart.series
    .map((s, i) => {
      const color = (s.color ?? '4472C4').toUpperCase();
      const dash = s.dashed ? `<a:prstDash val="dash"/>` : '';
      return (
        `<c:ser>${val('idx', i)}${val('order', i)}<c:tx><c:v>${xmlText(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:ln w="28575" cap="rnd">${solid(color)}${dash}<a:round/></a:ln></c:spPr>` +
        `<c:marker>${val('symbol', 'circle')}${val('size', 5)}<c:spPr>${solid(color)}${line(color)}</c:spPr></c:marker>` +
        `<c:cat>${strRef(data.categories)}</c:cat><c:val>${numRef(data.series[i]!, format)}</c:val>${val('smooth', 0)}</c:ser>`
      );
    })
    .join('');
}

function plot(chart: ChartSpec, data: ChartData, horizontal: boolean, format: string): string {
  if (chart.kind === 'line') {
    return `<c:lineChart>${val('grouping', 'standard')}${val('varyColors', 0)}${lineSeries(chart, data, format)}${val('marker', 1)}${val('axId', CAT_AX)}${val('axId', VAL_AX)}</c:lineChart>`;
  }
  const stacked = chart.kind === 'stackedBar';
  return (
    `<c:barChart>${val('barDir', horizontal ? 'bar' : 'col')}${val('grouping', stacked ? 'stacked' : 'clustered')}${val('varyColors', 0)}` +
    series(chart, data, format) +
    `${val('gapWidth', stacked ? 60 : 80)}${stacked ? val('overlap', 100) : ''}${val('axId', CAT_AX)}${val('axId', VAL_AX)}</c:barChart>`
  );
}

/** The whole chart part. */
export function chartXml(chart: ChartSpec, data: ChartData): string {
  // A line chart's categories (rounds) run left to right, as a vertical bar chart's do.
  const horizontal = chart.kind !== 'line' && (chart.direction ?? 'horizontal') === 'horizontal';
  const format = chart.valueFormat ?? 'General';
  const plotted = plot(chart, data, horizontal, format);
  const legend = chart.series.length > 1 ? `<c:legend>${val('legendPos', 'b')}${val('overlay', 0)}${txPr(9, chart.font)}</c:legend>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    `${val('date1904', 0)}${val('lang', 'zh-CN')}${val('roundedCorners', 0)}` +
    `<c:chart>${title(chart.title, chart.font)}${val('autoTitleDeleted', 0)}` +
    `<c:plotArea><c:layout/>${plotted}${axes(chart, horizontal, format)}</c:plotArea>` +
    `${legend}${val('plotVisOnly', 1)}${val('dispBlanksAs', 'gap')}</c:chart>` +
    `<c:spPr>${solid('FFFFFF')}${line(AXIS_COLOR)}</c:spPr>${txPr(9, chart.font)}` +
    '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>' +
    '</c:chartSpace>'
  );
}
