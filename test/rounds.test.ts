/**
 * Rounds (issue 15): a summary knows its round; round 2 read against round 1
 * lists exactly the changes made between them; three rounds give a trend of
 * three columns with a line chart; anything but our own summary of this plan
 * is refused as --previous with its code.
 */
import { spawnSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { briefingInput } from '../src/app/briefing-input';
import { readPreviousSummary } from '../src/app/read-previous-summary';
import { rollUpSubmissions, type RoundOptions } from '../src/app/roll-up-submissions';
import type { Plan } from '../src/core/model';
import { briefingLines, buildBriefing } from '../src/core/report/briefing';
import { LIGHTS, TASK_STATES, type SubmissionInput } from '../src/core/rollup/types';
import { packTasks, readRoundData, roundDataRows, taskMarks, textHash, type SummaryData, type TaskMark } from '../src/core/summary/round-data';
import { defaultRoundLabel } from '../src/core/summary/round-label';
import type { SheetSnapshot } from '../src/core/workbook/snapshot';
import type { SheetSpec } from '../src/core/workbook/spec';
import { readWorkbook } from '../src/xlsx/read/index';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { PYTHON } from './helpers/openpyxl';
import { plan, submitted, type RowInput } from './rollup-fixtures';

const ROSTER = ['甲小学', '乙小学', '丙小学', '丁中学'];

/** Round 1: 甲, 乙 and 丁 submit; 丙 does not. */
function round1(): SubmissionInput[] {
  const tasks: Record<string, RowInput> = {
    P1T1: { status: '未开始' },
    P1T2: { status: '已完成', progress: '已召开专题会' },
    P2T3: { status: '推进中', progress: '完成一半' },
  };
  return [
    submitted('甲.xlsx', { unit: '甲小学', tasks }),
    submitted('乙.xlsx', { unit: '乙小学', tasks: { P2T4: { status: '推进中', deadline: '2024-10-31', progress: '正在开展' } } }),
    submitted('丁.xlsx', { unit: '丁中学', tasks: { P1T1: { status: '已完成' } } }),
  ];
}

/**
 * Round 2 (three months on): 甲 finished P1T1 (writing its 完成情况: listed once, as 新完成), went back
 * on P1T2, rewrote P2T3's 完成情况; 乙 sent the same file, but P2T4's deadline has passed (newly 红);
 * 丙 submits; 丁 does not.
 */
function round2(): SubmissionInput[] {
  const tasks: Record<string, RowInput> = {
    P1T1: { status: '已完成', progress: '专题会已召开' },
    P1T2: { status: '推进中', progress: '已召开专题会' },
    P2T3: { status: '推进中', progress: '基本完成，待验收' },
  };
  return [
    submitted('甲.xlsx', { unit: '甲小学', tasks }),
    submitted('乙.xlsx', { unit: '乙小学', tasks: { P2T4: { status: '推进中', deadline: '2024-10-31', progress: '正在开展' } } }),
    submitted('丙.xlsx', { unit: '丙小学', tasks: { P1T1: { status: '已完成' }, P1T2: { status: '已完成' } } }),
  ];
}

async function summary(inputs: SubmissionInput[], asOf: string, rounds: RoundOptions = {}, p: Plan = plan) {
  const rolled = rollUpSubmissions(inputs, p, { roster: ROSTER, asOf, ...rounds });
  return { rolled, bytes: await rolled.renderSummary() };
}

function previous(bytes: Uint8Array, name = '上期汇总.xlsx') {
  const read = readPreviousSummary({ name, bytes }, plan);
  if (!read.ok) throw new Error(read.issue.code);
  return read.data;
}

function sheet(bytes: Uint8Array, name: string): SheetSnapshot {
  const read = readWorkbook(bytes);
  if (!read.ok) throw new Error(read.issue.code);
  const found = read.workbook.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Body rows (after the header row whose first cell is `first`), as text. */
function tableRows(s: SheetSnapshot, first: string): string[][] {
  const header = s.cells.find((c) => c.col === 1 && c.value === first)!.row;
  const rows: string[][] = [];
  for (const c of s.cells) {
    if (c.row <= header) continue;
    (rows[c.row - header - 1] ??= [])[c.col - 1] = typeof c.value === 'number' ? c.value.toFixed(4) : String(c.value);
  }
  return rows.filter(Boolean);
}

describe('rounds', () => {
  test('the round label defaults to the as-of month and goes into the title and the record', async () => {
    expect(defaultRoundLabel('2024-09-30')).toBe('2024年9月');
    const plain = await summary(round1(), '2024-09-01');
    expect(plain.rolled.summarySpec().title).toBe(`${plan.title} 汇总（2024年9月）`);
    const named = await summary(round1(), '2024-09-01', { round: '2024年第三季度' });
    expect(named.rolled.summarySpec().title).toBe(`${plan.title} 汇总（2024年第三季度）`);
    const data = previous(named.bytes);
    expect([data.label, data.asOf, data.rounds.map((r) => r.label)]).toEqual(['2024年第三季度', '2024-09-01', ['2024年第三季度']]);
    // One round: no comparison and no trend yet.
    expect(named.rolled.summarySpec().sheets.map((s) => s.name)).not.toEqual(expect.arrayContaining(['本期变化']));
    expect(named.rolled.summarySpec().sheets.map((s) => s.name)).not.toContain('进度趋势');
  });

  test('本期变化 lists exactly the changes made between round 1 and round 2, and both rates with the difference', async () => {
    const first = await summary(round1(), '2024-09-01', { round: '第一期' });
    const second = await summary(round2(), '2024-12-01', { round: '第二期', previous: previous(first.bytes) });
    const changes = second.rolled.rounds.changes!;
    expect(changes.newlySubmitted).toEqual(['丙小学']);
    expect(changes.newlyMissing).toEqual(['丁中学']);
    // School by school in the summary's order: compared as a set of changes here.
    const sorted = <T extends unknown[]>(rows: T[]): T[] => rows.sort((a, b) => a.join('|').localeCompare(b.join('|')));
    expect(sorted(changes.tasks.map((t) => [t.school, t.taskId, t.kind, t.before, t.after]))).toEqual([
      ['甲小学', 'P1T1', '新完成', '未开始', '已完成'],
      ['甲小学', 'P1T2', '由已完成退回', '已完成', '推进中'],
      ['甲小学', 'P2T3', '完成情况有更新', '', ''],
      ['乙小学', 'P2T4', '新亮红灯', '绿', '红'],
    ].sort((a, b) => a.join('|').localeCompare(b.join('|'))));
    const r1 = first.rolled.rollup.overall.overall.rate;
    const r2 = second.rolled.rollup.overall.overall.rate;
    expect(changes.previous.rate).toBeCloseTo(r1, 5);
    expect(changes.current.rate).toBeCloseTo(r2, 5);
    expect(changes.rateDelta).toBeCloseTo(r2 - r1, 5);

    // The sheet as written: the same rows, read back by our reader.
    const written = sheet(second.bytes, '本期变化');
    const rows = tableRows(written, '学校').map((r) => [r[0], r[2]]);
    expect(rows.slice(0, 2)).toEqual([
      ['丙小学', '新报送'],
      ['丁中学', '本期未报送'],
    ]);
    expect(sorted(rows.slice(2))).toEqual(sorted(changes.tasks.map((t) => [t.school, t.kind])));
    const updated = tableRows(written, '学校').find((r) => r[2] === '完成情况有更新')!;
    expect([updated[0], updated[1], updated[5]]).toEqual(['甲小学', '二、3. 规范支部建设', '基本完成，待验收']);
    const subtitle = String(written.cells.find((c) => c.row === 2)!.value);
    expect(subtitle).toContain(`本期（第二期，截至 2024-12-01）总体完成率 ${(r2 * 100).toFixed(1)}%`);
    expect(subtitle).toContain(`上期（第一期，截至 2024-09-01）${(r1 * 100).toFixed(1)}%`);
  });

  test('three rounds: 进度趋势 has a column per round with every school’s rate, and a line chart of the overall and lowest schools', async () => {
    const first = await summary(round1(), '2024-09-01', { round: '9月' });
    const second = await summary(round2(), '2024-12-01', { round: '12月', previous: previous(first.bytes) });
    const third = await summary(round2(), '2025-03-01', { round: '3月', previous: previous(second.bytes) });
    const spec = third.rolled.summarySpec();
    const trend = spec.sheets.find((s) => s.name === '进度趋势')!;
    const header = trend.rows.find((r) => r.row === trend.freeze!.rows)!.cells.map((c) => c.value);
    expect(header).toEqual(['学校', '9月', '12月', '3月', '较上期\n（百分点）']);
    expect(trend.charts).toHaveLength(1);
    expect(trend.charts![0]!.kind).toBe('line');
    expect(trend.charts![0]!.series[0]!.name).toBe('总体');

    // openpyxl reads the trend back: 甲's rates per round are its rates in each round's roll-up.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-rounds-'));
    try {
      const file = path.join(dir, '汇总.xlsx');
      fs.writeFileSync(file, third.bytes);
      const script = `import json,sys,openpyxl\nws=openpyxl.load_workbook(sys.argv[1])['进度趋势']\nprint(json.dumps([[c.value for c in r] for r in ws.iter_rows(min_col=1,max_col=5)],ensure_ascii=False))`;
      const out = spawnSync(PYTHON, ['-c', script, file], { encoding: 'utf8' });
      const rows = JSON.parse(out.stdout) as (string | number | null)[][];
      const rateOf = (r: typeof first, name: string) => r.rolled.rollup.schools.find((s) => s.name === name)!.rates?.overall.rate;
      const jia = rows.find((r) => r[0] === '甲小学')!;
      expect(jia.slice(1, 4).map((v) => Number(v).toFixed(4))).toEqual([first, second, third].map((r) => rateOf(r, '甲小学')!.toFixed(4)));
      const ding = rows.find((r) => r[0] === '丁中学')!;
      expect(ding.slice(1, 4)).toEqual([expect.any(Number), null, null]);
      const chartXml = spawnSync(PYTHON, ['-c', 'import zipfile,sys;print(zipfile.ZipFile(sys.argv[1]).namelist())', file], { encoding: 'utf8' }).stdout;
      expect(chartXml).toMatch(/xl\/charts\/chart\d+\.xml/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a previous summary of another plan, a ledger-like workbook, or broken bytes are refused with their codes', async () => {
    const other: Plan = { ...plan, title: '2025年安全工作要点', pillars: [{ ...plan.pillars[0]!, tasks: plan.pillars[0]!.tasks.slice(0, 1) }] };
    const otherSummary = await summary([], '2024-09-01', {}, other);
    const refused = readPreviousSummary({ name: '别的汇总.xlsx', bytes: otherSummary.bytes }, plan);
    expect(refused).toMatchObject({ ok: false, issue: { code: 'ROUND_PREVIOUS_OTHER_PLAN', params: { planTitle: '2025年安全工作要点' } } });

    const ours = await summary(round1(), '2024-09-01');
    const spec = ours.rolled.summarySpec();
    const unmarked = await renderWorkbook({ ...spec, sheets: spec.sheets.filter((s) => s.name !== '_taizhang_summary') });
    expect(readPreviousSummary({ name: 'x.xlsx', bytes: unmarked }, plan)).toMatchObject({ ok: false, issue: { code: 'ROUND_PREVIOUS_NOT_SUMMARY' } });

    const broken = ours.bytes.slice(0, 200);
    expect(readPreviousSummary({ name: 'y.xlsx', bytes: broken }, plan)).toMatchObject({ ok: false, issue: { code: 'ROUND_PREVIOUS_UNREADABLE' } });

    // A summary whose marker has no round rows (made before rounds were recorded).
    const bare = { ...spec, sheets: spec.sheets.map((s) => (s.name === '_taizhang_summary' ? { ...s, rows: s.rows.slice(0, 1) } : s)) };
    expect(readPreviousSummary({ name: 'z.xlsx', bytes: await renderWorkbook(bare) }, plan)).toMatchObject({ ok: false, issue: { code: 'ROUND_PREVIOUS_NO_ROUNDS' } });
  });

  test('the record stays compact: one marker row per school, every cell under Excel’s 32,767 characters', async () => {
    const ours = await summary(round1(), '2024-09-01');
    const sheets = ours.rolled.summarySpec().sheets;
    const marker = sheets.find((s) => s.name === '_taizhang_summary')!;
    const schoolRows = marker.rows.filter((r) => r.cells[0]!.value === 'school');
    expect(schoolRows.map((r) => r.cells[2]!.value)).toEqual(ours.rolled.rollup.schools.map((s) => s.name));
    expect([...ROSTER].sort()).toEqual(schoolRows.map((r) => String(r.cells[2]!.value)).sort());
    for (const r of marker.rows) for (const c of r.cells) expect(String(c.value).length).toBeLessThan(32_767);
    // In the file its texts sit in their cells, not in the shared table every sheet's strings wait in.
    const parts = unzipSync(ours.bytes);
    const markerXml = strFromU8(parts[`xl/worksheets/sheet${sheets.indexOf(marker) + 1}.xml`]!);
    expect(markerXml).toContain('t="inlineStr"><is><t>school</t></is>');
    expect(strFromU8(parts['xl/sharedStrings.xml']!)).not.toContain('<t>school</t>');
  });
});

describe('round record', () => {
  const marks = (n: number, seed: number): TaskMark[] =>
    Array.from({ length: n }, (_, i) => ({ state: TASK_STATES[(i + seed) % 5]!, light: LIGHTS[(i * 7 + seed) % 4]!, progress: textHash(`完成情况${(i * seed) % 13}`) }));

  /** The rows as our reader would hand them back: cells with values, empty texts left out. */
  function asSheet(rows: ReturnType<typeof roundDataRows>): SheetSnapshot {
    const cells = rows.flatMap((r) => r.cells.filter((c) => c.value !== '').map((c) => ({ row: r.row, col: c.col, address: '', type: 'string' as const, value: String(c.value) })));
    return { name: '_taizhang_summary', state: 'veryHidden', cells, merges: [], maxRow: 0, maxCol: 0, dataValidations: [] };
  }

  test('a plan of 5,000 tasks: the packed states split across cells under 32,767 characters and read back the same', () => {
    const taskIds = Array.from({ length: 5000 }, (_, i) => `P${1 + (i % 9)}T${i + 1}`);
    const data: SummaryData = {
      templateId: 't',
      planTitle: '大计划',
      label: '第二期',
      asOf: '2024-12-01',
      taskIds,
      rounds: [{ label: '第一期', asOf: '2024-09-01', rate: 0.5 }, { label: '第二期', asOf: '2024-12-01', rate: null }],
      schools: [
        { key: '甲', name: '甲 小学', status: '已报送', rates: [0.25, 1 / 3], tasks: packTasks(marks(5000, 3)) },
        { key: '乙', name: '乙', status: '', rates: [0.5, null], tasks: '' },
        { key: '丙', name: '丙', status: '未报送', rates: [null, null], tasks: '' },
      ],
    };
    const rows = roundDataRows(data, 2, 'meta');
    const school = rows.find((r) => r.cells[1]?.value === '甲')!;
    expect(school.cells.length).toBeGreaterThan(6);
    for (const r of rows) for (const c of r.cells) expect(String(c.value).length).toBeLessThanOrEqual(30_000);
    const back = readRoundData(asSheet(rows), 't')!;
    expect(taskMarks(back.schools[0]!.tasks)).toEqual(marks(5000, 3));
    expect(back.schools[0]!.rates[1]).toBeCloseTo(1 / 3, 5);
    expect({ ...back, schools: back.schools.slice(1) }).toEqual({ ...data, schools: data.schools.slice(1) });
    expect(back.taskIds).toEqual(taskIds);
  });

  test('the 通报 gets a 与上期相比 section only when a previous round was given', async () => {
    const first = await summary(round1(), '2024-09-01', { round: '第一期' });
    const second = await summary(round2(), '2024-12-01', { round: '第二期', previous: previous(first.bytes) });
    const lines = briefingLines(buildBriefing(briefingInput(second.rolled.rollup, plan, second.rolled.rounds.changes)));
    const heading = lines.findIndex((l) => l.endsWith('、与上期相比'));
    expect(heading).toBeGreaterThan(0);
    const said = lines[heading + 1]!;
    expect(said).toContain('与上期（第一期，截至2024年9月1日）相比');
    expect(said).toContain('新完成任务1项，新出现逾期任务1项，由已完成退回1项，更新完成情况1项（退回涉及甲小学，请核实）');
    expect(said).toContain('本期新报送的有丙小学');
    expect(said).toContain('上期已报送、本期未报送的有丁中学');
    const plainLines = briefingLines(buildBriefing(briefingInput(second.rolled.rollup, plan)));
    expect(plainLines.some((l) => l.includes('与上期'))).toBe(false);
    // Only what happened is counted: the same files again change nothing, and no kind is said with 0项.
    const again = await summary(round2(), '2024-12-01', { round: '第三期', previous: previous(second.bytes) });
    const againLines = briefingLines(buildBriefing(briefingInput(again.rolled.rollup, plan, again.rolled.rounds.changes)));
    const againSaid = againLines[againLines.findIndex((l) => l.endsWith('、与上期相比')) + 1]!;
    expect(againSaid).toContain('各项任务的状态和完成情况没有变化');
    expect(againSaid).not.toMatch(/0项/);
  });
});

describe('previous summaries that are not quite right', () => {
  test('a previous round judged on a later date than this one is pointed out in 本期变化', async () => {
    const later = await summary(round2(), '2024-12-01', { round: '第二期' });
    const earlier = await summary(round1(), '2024-09-01', { round: '第一期', previous: previous(later.bytes) });
    const subtitle = String(earlier.rolled.summarySpec().sheets.find((s) => s.name === '本期变化')!.rows[1]!.cells[0]!.value);
    expect(subtitle).toContain('注意：上期汇总的判断日期（2024-12-01）不早于本期（2024-09-01）');
    const inOrder = await summary(round2(), '2024-12-01', { previous: previous((await summary(round1(), '2024-09-01')).bytes) });
    expect(String(inOrder.rolled.summarySpec().sheets.find((s) => s.name === '本期变化')!.rows[1]!.cells[0]!.value)).not.toContain('注意');
  });

  test('garbled record rows read as data, never as a crash: a newer format is no record, a bad task pack is no tasks', async () => {
    const ours = await summary(round1(), '2024-09-01');
    const spec = ours.rolled.summarySpec();
    const withMarker = (edit: (rows: SheetSpec['rows']) => SheetSpec['rows']) =>
      renderWorkbook({ ...spec, sheets: spec.sheets.map((s) => (s.name === '_taizhang_summary' ? { ...s, rows: edit(s.rows) } : s)) });
    const newer = await withMarker((rows) => rows.map((r) => (r.cells[0]!.value === 'data' ? { ...r, cells: r.cells.map((c, i) => (i === 1 ? { ...c, value: '99' } : c)) } : r)));
    expect(readPreviousSummary({ name: 'n.xlsx', bytes: newer }, plan)).toMatchObject({ ok: false, issue: { code: 'ROUND_PREVIOUS_NO_ROUNDS' } });
    const garbled = await withMarker((rows) => rows.map((r) => (r.cells[0]!.value === 'school' ? { ...r, cells: r.cells.map((c, i) => (i >= 4 ? { ...c, value: 'x9,,ZZ' } : c)) } : r)));
    const read = readPreviousSummary({ name: 'g.xlsx', bytes: garbled }, plan);
    if (!read.ok) throw new Error(read.issue.code);
    expect(read.data.schools.every((s) => s.tasks === '' && s.rates.every((r) => r === null))).toBe(true);
    // Compared with it, every school that submits now is "newly submitted", and nothing throws.
    const next = await summary(round2(), '2024-12-01', { previous: read.data });
    expect(next.rolled.rounds.changes!.newlySubmitted.sort()).toEqual(['丙小学', '乙小学', '甲小学'].sort());
  });
});
