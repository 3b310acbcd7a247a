/**
 * The 进度趋势 sheet's line chart as written: the DrawingML element order of a
 * line chart (Excel repairs a file whose order is off), its series drawn from
 * the sheet's own cells, and LibreOffice printing the lines (blue overall,
 * dashed school lines), none without the chart.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SummaryData } from '../src/core/summary/round-data';
import { SUMMARY_STYLES } from '../src/core/summary/summary-styles';
import { lowestSchools, trendSheet } from '../src/core/summary/trend-sheet';
import { STYLES } from '../src/core/template/styles';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { convertBytes, hasCommand } from './helpers/libreoffice';
import { workbookSpec } from './helpers/write-spec';
import { partsOf, textOf } from './helpers/xlsx-parts';
import { parseXml, type XmlElement } from './helpers/xml-tree';

const rates = [
  [0.2, 0.5, 0.9],
  [0.1, 0.2, 0.3],
  [0.6, 0.4, null],
  [0.3, 0.4, 0.5],
];
const DATA: SummaryData = {
  templateId: 't',
  planTitle: '2024年教育工作要点',
  label: '第三期',
  asOf: '2024-12-31',
  taskIds: [],
  rounds: [
    { label: '第一期', asOf: '2024-06-30', rate: 0.3 },
    { label: '第二期', asOf: '2024-09-30', rate: 0.4 },
    { label: '第三期', asOf: '2024-12-31', rate: 0.55 },
  ],
  schools: rates.map((r, i) => ({ key: `s${i}`, name: ['城关小学', '月塘小学', '河西中学', '新区小学'][i]!, status: '已报送', rates: r, tasks: '' })),
};

const render = (charts: boolean) => {
  const built = trendSheet(DATA);
  return renderWorkbook(workbookSpec([charts ? built : { ...built, charts: [] }], { styles: { ...STYLES, ...SUMMARY_STYLES } }));
};
const find = (e: XmlElement, local: string): XmlElement[] => [...(e.local === local ? [e] : []), ...e.children.flatMap((c) => find(c, local))];
const tags = (e: XmlElement): string => e.children.map((c) => `${c.local} `).join('');

test('the lowest schools this round, lowest first; a school without a rate this round is left out', () => {
  expect(lowestSchools(DATA, 2).map((i) => DATA.schools[i]!.name)).toEqual(['月塘小学', '新区小学']);
});

test('the line chart part: schema order, overall then the lowest schools, each drawn from its row of the table', async () => {
  const parts = partsOf(await render(true));
  const root = parseXml(textOf(parts, 'xl/charts/chart1.xml'));
  expect(tags(find(root, 'plotArea')[0]!)).toBe('layout lineChart catAx valAx ');
  const line = find(root, 'lineChart')[0]!;
  expect(tags(line)).toMatch(/^grouping varyColors (ser )+marker axId axId $/);
  const series = find(line, 'ser');
  for (const ser of series) expect(tags(ser)).toBe('idx order tx spPr marker cat val smooth ');
  const names = series.map((s) => find(find(s, 'tx')[0]!, 'v')[0]!.text);
  expect(names).toEqual(['总体', '月塘小学', '新区小学', '城关小学']);
  // The overall line caches the 总体 row; 月塘's its own row.
  const cached = (ser: XmlElement) => find(find(ser, 'val')[0]!, 'pt').map((p) => Number(find(p, 'v')[0]!.text));
  expect(cached(series[0]!)).toEqual([0.3, 0.4, 0.55]);
  expect(cached(series[1]!)).toEqual([0.1, 0.2, 0.3]);
  expect(find(series[1]!, 'prstDash')[0]!.attrs.val).toBe('dash');
  expect(find(series[0]!, 'prstDash')).toHaveLength(0);
});

const withOffice = hasCommand('soffice') && hasCommand('pdftoppm') ? test : test.skip;

/** Pixels of page 1 near the overall line's blue (4472C4), as a share of the page. */
function blueShare(pdf: string): number {
  const prefix = path.join(path.dirname(pdf), 'trend');
  expect(spawnSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-singlefile', pdf, prefix]).status).toBe(0);
  const ppm = fs.readFileSync(`${prefix}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  let blue = 0;
  for (let at = header[0].length; at + 2 < ppm.length; at += 3) {
    if (Math.abs(ppm[at]! - 0x44) < 40 && Math.abs(ppm[at + 1]! - 0x72) < 40 && Math.abs(ppm[at + 2]! - 0xc4) < 40) blue++;
  }
  return blue / (Number(header[1]) * Number(header[2]));
}

withOffice('LibreOffice prints the lines beside the table on one A4 landscape page; without the chart there is none', async () => {
  const [drawn, bare] = await Promise.all([render(true), render(false)]);
  const pdf = convertBytes(drawn, 'pdf', 'trend.xlsx');
  const plain = convertBytes(bare, 'pdf', 'plain.xlsx');
  try {
    expect(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout).toMatch(/Pages:\s+1\b[\s\S]*841\.\d+ x 595\.\d+ pts/);
    expect(blueShare(pdf)).toBeGreaterThan(0.0005);
    expect(blueShare(plain)).toBeLessThan(0.0001);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    for (const label of ['总体及最低学校完成率趋势', '第一期', '第三期', '月塘小学', '100%']) expect(text).toContain(label);
  } finally {
    for (const file of [pdf, plain]) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}, 120_000);
