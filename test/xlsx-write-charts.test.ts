/**
 * Native charts from the WorkbookSpec: the 图表 sheet's two charts written as
 * DrawingML chart parts. Read back by Python's zipfile and openpyxl (not our
 * reader), checked against the element order the chart schema requires, and
 * printed by LibreOffice: the chart page must show coloured bars, and the
 * same sheet without its charts must not.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chartSheet, CHART_SHEET_NAME, rankSchools, type ChartSheetInput } from '../src/core/summary/chart-sheet';
import { SUMMARY_STYLES } from '../src/core/summary/summary-styles';
import { STYLES } from '../src/core/template/styles';
import type { SheetSpec } from '../src/core/workbook/spec';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { convertBytes, hasCommand, tempDir } from './helpers/libreoffice';
import { PYTHON } from './helpers/openpyxl';
import { sheet, workbookSpec } from './helpers/write-spec';
import { partsOf, textOf } from './helpers/xlsx-parts';
import { parseXml, type XmlElement } from './helpers/xml-tree';

const INPUT: ChartSheetInput = {
  planTitle: '2024年教育工作要点',
  asOf: '2024-09-01',
  schools: [
    { name: '城关镇第一中心小学', rate: 0.5 },
    { name: '月塘小学', rate: 0 },
    { name: '县实验初级中学', rate: 0.9 },
    { name: '城东小学', rate: 0.5 },
    { name: '河西镇九年一贯制学校', rate: 0.75 },
    { name: '新区小学', rate: Number.NaN },
    { name: '第二中学', rate: 1 },
  ],
  pillars: [
    { title: '一、加强党的建设', red: 3, yellow: 2, green: 9, unfilled: 1 },
    { title: '二、推进教育优质均衡发展', red: 0, yellow: 4, green: 6, unfilled: 5 },
    { title: '三、深化教育教学改革', red: 5, yellow: 0, green: 4, unfilled: 0 },
  ],
};

/** The chart sheet behind a sheet with an external link: its drawing must not take the link's rId. */
function workbook(charts: boolean): Promise<Uint8Array> {
  const built = chartSheet(INPUT);
  const chartsheet: SheetSpec = charts ? built : { ...built, charts: [] };
  const first = sheet('说明', [['见图表']], { rows: [{ row: 1, cells: [{ col: 1, value: '官网', style: 'text', link: 'https://example.org/' }] }] });
  return renderWorkbook(workbookSpec([first, chartsheet], { styles: { ...STYLES, ...SUMMARY_STYLES } }));
}

const children = (e: XmlElement): string[] => e.children.map((c) => c.local);
function find(e: XmlElement, local: string): XmlElement[] {
  return [...(e.local === local ? [e] : []), ...e.children.flatMap((c) => find(c, local))];
}
/** Whether `tags` follows `pattern` (a regular expression over space-joined local names). */
const follows = (tags: string[], pattern: string): boolean => new RegExp(`^${pattern}$`).test(tags.map((t) => `${t} `).join(''));

describe('chart sheet spec', () => {
  test('schools are ranked highest first, ties share a rank in roster order, a school without a rate comes last unranked', () => {
    expect(rankSchools(INPUT.schools).map((s) => [s.name, s.rank])).toEqual([
      ['第二中学', 1],
      ['县实验初级中学', 2],
      ['河西镇九年一贯制学校', 3],
      ['城关镇第一中心小学', 4],
      ['城东小学', 4],
      ['月塘小学', 6],
      ['新区小学', null],
    ]);
  });

  test('the charts draw the cells of the tables on the sheet, A4 landscape, in the print area', () => {
    const spec = chartSheet(INPUT);
    const value = (ref: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const col = m[1]!.charCodeAt(0) - 64;
      return spec.rows.find((r) => r.row === Number(m[2]))?.cells.find((c) => c.col === col)?.value;
    };
    const column = (range: string) => {
      const [a, b] = range.split(':') as [string, string];
      const first = Number(a.slice(1));
      return Array.from({ length: Number(b.slice(1)) - first + 1 }, (_, i) => value(`${a[0]}${first + i}`));
    };
    const [schools, pillars] = spec.charts!;
    expect(column(schools!.categories)).toEqual(rankSchools(INPUT.schools).map((s) => s.name));
    expect(column(schools!.series[0]!.values).slice(0, 3)).toEqual([1, 0.9, 0.75]);
    expect(pillars!.kind).toBe('stackedBar');
    expect(column(pillars!.categories)).toEqual(INPUT.pillars.map((p) => p.title));
    expect(pillars!.series.map((s) => [s.name, column(s.values)])).toEqual([
      ['红', [3, 0, 5]],
      ['黄', [2, 4, 0]],
      ['绿', [9, 6, 4]],
      ['未填', [1, 5, 0]],
    ]);
    expect(spec.print).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
    const lastRow = Number(/\d+$/.exec(spec.print!.printArea!)![0]);
    expect(Math.max(...spec.charts!.map((c) => c.anchor.to.row))).toBeLessThan(lastRow);
  });

  test('every school is named on the axis: a long list gets smaller names (never under 6 pt), and the charts stay one page high', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `第${i + 1}实验学校`, rate: i / 40 }));
    const few = chartSheet(INPUT).charts![0]!;
    const dense = chartSheet({ schools: many, pillars: INPUT.pillars }).charts![0]!;
    expect(few.categoryFontSize).toBe(9);
    expect(dense.categoryFontSize).toBeLessThan(9);
    expect(dense.categoryFontSize).toBeGreaterThanOrEqual(6);
    const height = (c: typeof few) => c.anchor.to.row - c.anchor.from.row + 1;
    expect(height(dense)).toBeGreaterThan(height(few));
    expect(height(dense) * 20).toBeLessThanOrEqual(380);
  });

  test('no schools and no pillars: no empty chart, the tables say so', () => {
    const spec = chartSheet({ schools: [], pillars: [] });
    expect(spec.charts).toEqual([]);
    const texts = spec.rows.flatMap((r) => r.cells.map((c) => c.value));
    expect(texts).toEqual(expect.arrayContaining(['（尚无学校）', '（尚无板块）']));
  });

  test('a chart range that is not one row or column is a fault, not a broken file', async () => {
    const bad = chartSheet(INPUT);
    bad.charts![0] = { ...bad.charts![0]!, categories: 'B5:C9' };
    await expect(renderWorkbook(workbookSpec([bad], { styles: { ...STYLES, ...SUMMARY_STYLES } }))).rejects.toMatchObject({ code: 'FAULT_INTERNAL' });
  });
});

/** Follows the package from workbook.xml to the chart parts with zipfile, and reads the cells the charts name with openpyxl. */
const READ_BACK = String.raw`
import json, sys, zipfile, posixpath, re, openpyxl
import xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'p': 'http://schemas.openxmlformats.org/package/2006/relationships',
      'c': 'http://schemas.openxmlformats.org/drawingml/2006/chart', 'xdr': 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing'}
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'
def rels(part):
    d, b = posixpath.split(part)
    x = ET.fromstring(z.read(posixpath.join(d, '_rels', b + '.rels')))
    return {r.get('Id'): (r.get('Type').rsplit('/', 1)[1], posixpath.normpath(posixpath.join(d, r.get('Target')))) for r in x.findall('p:Relationship', ns)}
types = {o.get('PartName'): o.get('ContentType') for o in ET.fromstring(z.read('[Content_Types].xml')) if o.get('PartName')}
wbrels = rels('xl/workbook.xml')
wb = openpyxl.load_workbook(sys.argv[1])
out = {'types': types, 'sheets': {}}
for s in ET.fromstring(z.read('xl/workbook.xml')).find('m:sheets', ns):
    part = wbrels[s.get(R)][1]
    d = ET.fromstring(z.read(part)).find('m:drawing', ns)
    charts = []
    if d is not None:
        kind, drawing = rels(part)[d.get(R)]
        drels = rels(drawing)
        for a in ET.fromstring(z.read(drawing)).findall('xdr:twoCellAnchor', ns):
            chart = drels[a.find('.//c:chart', ns).get(R)][1]
            x = ET.fromstring(z.read(chart))
            refs = []
            for e in x.iter():
                rk = {'{%s}strRef' % ns['c']: 'str', '{%s}numRef' % ns['c']: 'num'}.get(e.tag)
                if rk:
                    f = e.find('c:f', ns).text
                    sheet, rng = re.match(r"^'?(.*?)'?!(.*)$", f).groups()
                    cells = [c.value for row in wb[sheet][rng.replace('$', '')] for c in row]
                    cache = {int(p.get('idx')): p.find('c:v', ns).text for p in e.iter('{%s}pt' % ns['c'])}
                    refs.append({'kind': rk, 'f': f, 'cells': cells, 'cache': [cache.get(i) for i in range(len(cells))]})
            frm = a.find('xdr:from', ns)
            charts.append({'drawingRel': kind, 'drawing': drawing, 'part': chart, 'from': [int(frm.find('xdr:col', ns).text), int(frm.find('xdr:row', ns).text)], 'refs': refs})
    out['sheets'][s.get('name')] = charts
json.dump(out, sys.stdout, ensure_ascii=False)
`;

interface ReadBack {
  types: Record<string, string>;
  sheets: Record<string, { drawingRel: string; drawing: string; part: string; from: [number, number]; refs: { kind: 'str' | 'num'; f: string; cells: unknown[]; cache: (string | null)[] }[] }[]>;
}

describe('chart parts in the package', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await workbook(true);
  });

  test('python zipfile follows sheet → drawing → chart; every formula names the 图表 cells and caches what openpyxl reads there', () => {
    const dir = tempDir('charts-');
    const file = path.join(dir, 'charts.xlsx');
    fs.writeFileSync(file, bytes);
    const result = spawnSync(PYTHON, ['-c', READ_BACK, file], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    if (result.status !== 0) throw new Error(result.stderr);
    const back = JSON.parse(result.stdout) as ReadBack;
    expect(back.sheets['说明']).toEqual([]);
    const charts = back.sheets[CHART_SHEET_NAME]!;
    expect(charts.map((c) => [c.drawingRel, c.drawing, c.part])).toEqual([
      ['drawing', 'xl/drawings/drawing1.xml', 'xl/charts/chart1.xml'],
      ['drawing', 'xl/drawings/drawing1.xml', 'xl/charts/chart2.xml'],
    ]);
    expect(back.types['/xl/drawings/drawing1.xml']).toBe('application/vnd.openxmlformats-officedocument.drawing+xml');
    expect(back.types['/xl/charts/chart1.xml']).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
    expect(back.types['/xl/charts/chart2.xml']).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
    // School chart: the names, then the rates; pillar chart: the titles and the counts of each of 红/黄/绿/未填.
    const ranked = rankSchools(INPUT.schools);
    expect(charts[0]!.refs.map((r) => [r.kind, r.f.replace(/\d+/g, 'n')])).toEqual([
      ['str', `'图表'!$B$n:$B$n`],
      ['num', `'图表'!$C$n:$C$n`],
    ]);
    expect(charts[0]!.refs[0]!.cells).toEqual(ranked.map((s) => s.name));
    expect(charts[0]!.refs[1]!.cells).toEqual([...ranked.slice(0, -1).map((s) => s.rate), '无应完成任务']);
    expect(charts[1]!.refs.map((r) => r.f.replace(/\d+/g, 'n'))).toEqual(
      ['I', 'J', 'K', 'L'].flatMap((col) => [`'图表'!$H$n:$H$n`, `'图表'!$${col}$n:$${col}$n`]),
    );
    expect(charts[1]!.refs[0]!.cells).toEqual(INPUT.pillars.map((p) => p.title));
    for (const ref of charts.flatMap((c) => c.refs)) {
      const cached = ref.cells.map((v) => (ref.kind === 'str' ? String(v) : typeof v === 'number' ? String(v) : null));
      expect(ref.cache).toEqual(cached);
    }
    expect(charts[1]!.refs[1]!.cells).toEqual([3, 0, 5]);
  });

  test('the chart XML follows the schema order Excel requires', () => {
    const parts = partsOf(bytes);
    for (const name of ['xl/charts/chart1.xml', 'xl/charts/chart2.xml']) {
      const root = parseXml(textOf(parts, name));
      expect(root.local).toBe('chartSpace');
      expect(follows(children(root), 'date1904 lang roundedCorners chart spPr txPr printSettings ')).toBe(true);
      const chart = find(root, 'chart')[0]!;
      expect(follows(children(chart), 'title autoTitleDeleted plotArea (legend )?plotVisOnly dispBlanksAs ')).toBe(true);
      expect(follows(children(find(root, 'plotArea')[0]!), 'layout barChart catAx valAx ')).toBe(true);
      const bar = find(root, 'barChart')[0]!;
      expect(follows(children(bar), 'barDir grouping varyColors (ser )+(dLbls )?gapWidth (overlap )?axId axId ')).toBe(true);
      for (const ser of find(bar, 'ser')) expect(follows(children(ser), 'idx order tx spPr invertIfNegative (dLbls )?cat val ')).toBe(true);
      for (const labels of find(bar, 'dLbls')) {
        expect(follows(children(labels), '(dLbl )*numFmt spPr txPr dLblPos showLegendKey showVal showCatName showSerName showPercent showBubbleSize (separator )?')).toBe(true);
      }
      expect(follows(children(find(root, 'catAx')[0]!), 'axId scaling delete axPos numFmt majorTickMark minorTickMark tickLblPos spPr txPr crossAx crosses auto lblAlgn lblOffset tickLblSkip noMultiLvlLbl ')).toBe(true);
      expect(follows(children(find(root, 'valAx')[0]!), 'axId scaling delete axPos majorGridlines numFmt majorTickMark minorTickMark tickLblPos spPr txPr crossAx crosses crossBetween ')).toBe(true);
      for (const scaling of find(root, 'scaling')) expect(follows(children(scaling), 'orientation (max )?(min )?')).toBe(true);
    }
    const catAx = find(parseXml(textOf(parts, 'xl/charts/chart1.xml')), 'catAx')[0]!;
    expect(find(catAx, 'defRPr')[0]!.attrs.sz).toBe(String(chartSheet(INPUT).charts![0]!.categoryFontSize! * 100));
    expect(find(catAx, 'tickLblSkip')[0]!.attrs.val).toBe('1');
    const stacked = parseXml(textOf(parts, 'xl/charts/chart2.xml'));
    const attr = (local: string) => find(stacked, local)[0]!.attrs.val;
    expect([attr('barDir'), attr('grouping'), attr('overlap')]).toEqual(['bar', 'stacked', '100']);
    // 红 of 二、 is 0: its label is deleted, so it does not sit on the next segment.
    const red = find(stacked, 'ser')[0]!;
    expect(find(red, 'dLbl').map((l) => find(l, 'idx')[0]!.attrs.val)).toEqual(['1']);
  });

  test('the worksheet names its drawing after its hyperlink relationship; the sheet without charts has no drawing', () => {
    const parts = partsOf(bytes);
    expect(textOf(parts, 'xl/worksheets/sheet1.xml')).not.toContain('<drawing');
    const sheetXml = textOf(parts, 'xl/worksheets/sheet2.xml');
    expect(sheetXml).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
    expect(textOf(parts, 'xl/worksheets/_rels/sheet2.xml.rels')).toContain('Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"');
    expect(textOf(parts, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain('Id="rId1"');
  });
});

interface PageColours {
  /** Share of pixels with a clear hue (the bars); the tables' pale fills and grey lines do not count. */
  coloured: number;
  red: number;
  green: number;
  blue: number;
}

/** Page 1 of the PDF as a binary PPM (pdftoppm), its pixels counted by hue. */
function pageColours(pdf: string): PageColours {
  const prefix = path.join(path.dirname(pdf), 'page');
  const run = spawnSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '40', '-singlefile', pdf, prefix]);
  if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr}`);
  const ppm = fs.readFileSync(`${prefix}.ppm`);
  const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const pixels = Number(head[1]) * Number(head[2]);
  const counts = { coloured: 0, red: 0, green: 0, blue: 0 };
  for (let at = head[0].length; at + 2 < ppm.length; at += 3) {
    const [r, g, b] = [ppm[at]!, ppm[at + 1]!, ppm[at + 2]!];
    if (Math.max(r, g, b) - Math.min(r, g, b) < 60) continue;
    counts.coloured++;
    if (r > 180 && g < 120 && b < 120) counts.red++;
    if (g > r + 30 && g > b + 30) counts.green++;
    if (b > r + 60 && b > g + 30) counts.blue++;
  }
  return { coloured: counts.coloured / pixels, red: counts.red / pixels, green: counts.green / pixels, blue: counts.blue / pixels };
}

const withOffice = hasCommand('soffice') && hasCommand('pdftoppm') ? test : test.skip;

describe('printed by LibreOffice', () => {
  withOffice('the 图表 page shows the bars (blue rates, red and green segments) and their labels; without the charts it has none', async () => {
    const [charted, plain] = await Promise.all([workbook(true), workbook(false)]);
    const pdf = convertBytes(charted, 'pdf', 'charts.xlsx');
    const blank = convertBytes(plain, 'pdf', 'plain.xlsx');
    try {
      // Page 1 is 说明, page 2 the chart sheet: print only the latter by converting it on its own.
      const sizes = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
      expect(sizes).toMatch(/Pages:\s+2/);
      const chartPage = path.join(path.dirname(pdf), 'chart-page.pdf');
      expect(spawnSync('pdfseparate', ['-f', '2', '-l', '2', pdf, chartPage]).status).toBe(0);
      const blankPage = path.join(path.dirname(blank), 'chart-page.pdf');
      expect(spawnSync('pdfseparate', ['-f', '2', '-l', '2', blank, blankPage]).status).toBe(0);
      const drawn = pageColours(chartPage);
      const bare = pageColours(blankPage);
      expect(drawn.coloured).toBeGreaterThan(0.03);
      expect(drawn.red).toBeGreaterThan(0.002);
      expect(drawn.green).toBeGreaterThan(0.005);
      expect(drawn.blue).toBeGreaterThan(0.01);
      expect(bare.coloured).toBeLessThan(0.002);
      const text = spawnSync('pdftotext', ['-layout', chartPage, '-'], { encoding: 'utf8' }).stdout;
      // Labels carry the state, so the page reads in black and white; the 0 红 of 二、 has no label.
      for (const label of ['各校完成率（由高到低）', '红 3', '黄 4', '绿 9', '未填 5', '100%', '75%']) expect(text).toContain(label);
      expect(text).not.toContain('红 0');
      // The school names appear twice: on the chart's axis and in the table.
      expect(text.split('河西镇九年一贯制学校').length - 1).toBe(2);
      expect(spawnSync('pdfinfo', [chartPage], { encoding: 'utf8' }).stdout).toMatch(/841\.\d+ x 595\.\d+ pts/);
    } finally {
      for (const file of [pdf, blank]) fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
