/**
 * `taizhang demo`: the whole cycle of two rounds on the seed plan. Read back:
 * round 1 and round 2 each in their folder; 本期变化 of round 2 lists exactly
 * the planted changes (新城中学 newly submitting, 城东小学's broken file, 实验小学's
 * last task newly 已完成, 第二中学's 6月30日 task newly 红); 进度趋势 has both
 * rounds and its line chart; the 通报 says what changed; 反馈清单 rows are the
 * schools whose files have problems or are missing; 实验小学's round-2 ledger
 * was carried forward from its round-1 file; the printout names files that exist;
 * two runs print the same and list the same changes.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkAgainstPlan } from '../src/app/check-submission';
import { LAST_TASK_DONE, DEMO_ROSTER } from '../src/cli/demo/demo-schools';
import { runCli } from './helpers/run-cli';
import { convertDocument, pdfPages, tempDir } from './helpers/libreoffice';
import { PYTHON } from './helpers/openpyxl';
import { seedPlan } from './helpers/seed-plan';

let dir: string;
let printed: string;
const plan = seedPlan();
const lastPillar = plan.pillars[plan.pillars.length - 1]!;
const lastTask = lastPillar.tasks[lastPillar.tasks.length - 1]!;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-demo-'));
  const run = await runCli(['demo', '--out', 'out'], dir);
  expect(run).toMatchObject({ code: 0, err: '' });
  printed = run.out;
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const at = (...parts: string[]): string => path.join(dir, 'out', ...parts);

/** Every sheet's rows (values only) of a workbook, as openpyxl reads it. */
function rows(file: string, sheet: string): unknown[][] {
  const script = 'import sys,json,openpyxl;ws=openpyxl.load_workbook(sys.argv[1])[sys.argv[2]];print(json.dumps([list(r) for r in ws.iter_rows(values_only=True)],ensure_ascii=False,default=str))';
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file, sheet], { encoding: 'utf8' })) as unknown[][];
}

const zipPart = (file: string, part: string): string =>
  execFileSync(PYTHON, ['-c', 'import sys,zipfile;sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode("utf-8"))', file, part], { encoding: 'utf8' });
const sheetNames = (file: string): string[] =>
  JSON.parse(execFileSync(PYTHON, ['-c', 'import sys,json,openpyxl;print(json.dumps(openpyxl.load_workbook(sys.argv[1]).sheetnames,ensure_ascii=False))', file], { encoding: 'utf8' })) as string[];
const zipNames = (file: string): string[] =>
  execFileSync(PYTHON, ['-c', 'import sys,zipfile;print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', file], { encoding: 'utf8' }).trim().split('\n');

test('each round has its folder; the printout ends with what to open first, naming files that exist', () => {
  expect(fs.readdirSync(at('第1期', '各校报送')).sort()).toEqual(['仪征市实验小学-台账.xlsx', '仪征市第二中学.xlsx', '城东小学.xlsx'].sort());
  expect(fs.readdirSync(at('第2期', '各校报送'))).toContain('仪征市新城中学.xlsx');
  for (const file of ['空白台账-2024.xlsx', '学校名单.txt', '第1期/汇总-第1期.xlsx', '第2期/汇总-第2期.xlsx', '第2期/通报-第2期.docx', '第2期/各校反馈/反馈清单.xlsx']) {
    expect(fs.existsSync(at(file))).toBe(true);
  }
  const openFirst = printed.slice(printed.indexOf('建议先打开：'));
  const named = [...openFirst.matchAll(/^\s+\d\. (\S+?)（/gm)].map((m) => m[1]!);
  expect(named).toEqual(['out/第2期/汇总-第2期.xlsx', 'out/第2期/通报-第2期.docx', 'out/第2期/各校反馈/反馈清单.xlsx']);
  for (const file of named) expect(fs.existsSync(path.join(dir, file))).toBe(true);
});

test('本期变化 of round 2 lists the planted changes against round 1', () => {
  const sheet = rows(at('第2期', '汇总-第2期.xlsx'), '本期变化');
  expect(String(sheet[0]![0])).toContain('本期变化（第2期 对比 第1期）');
  expect(String(sheet[1]![0])).toMatch(/本期（第2期，截至 2024-09-01）.*上期（第1期，截至 2024-06-01）.*新报送 1 所，本期未报送（上期已报送）1 所/);
  const body = sheet.slice(3).map((r) => r.slice(0, 5));
  expect(body).toContainEqual(['仪征市新城中学', '（整校）', '新报送', '未报送', '已报送']);
  expect(body).toContainEqual(['城东小学', '（整校）', '本期未报送', '已报送', '未报送']);
  const label = `${lastPillar.numeral}、${lastTask.no}. ${lastTask.title}`;
  const done = sheet.find((r) => r[0] === '仪征市实验小学' && r[1] === label && r[2] === '新完成');
  expect(done?.slice(3)).toEqual(['推进中', '已完成', LAST_TASK_DONE]);
  expect(sheet.find((r) => r[0] === '仪征市第二中学' && r[1] === label && r[2] === '新亮红灯')?.[4]).toBe('红');
  // 月塘小学 sent nothing in either round: no change for it.
  expect(sheet.some((r) => r[0] === '仪征市月塘小学')).toBe(false);
});

test('进度趋势 has both rounds and a titled line chart; the 通报 has 与上期相比', () => {
  const file = at('第2期', '汇总-第2期.xlsx');
  const trend = rows(file, '进度趋势').map((r) => r.join('|'));
  expect(trend.some((r) => r.includes('第1期') && r.includes('2024-06-01'))).toBe(true);
  expect(trend.some((r) => r.includes('第2期') && r.includes('2024-09-01'))).toBe(true);
  const charts = zipNames(file).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
  const lines = charts.map((n) => zipPart(file, n)).filter((x) => x.includes('<c:lineChart>'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('<c:title>');
  const docx = zipPart(at('第2期', '通报-第2期.docx'), 'word/document.xml').replace(/<[^>]+>/g, '');
  expect(docx).toContain('与上期（第1期，截至2024年6月1日）相比');
});

test('反馈清单 has one row per school whose round-2 file has problems or is missing, with the resubmit-by day', () => {
  const inbox = at('第2期', '各校报送');
  const schoolOf = (file: string) => file.replace(/(-台账.*)?\.xlsx$/, '');
  const latest = new Map<string, boolean>();
  for (const name of fs.readdirSync(inbox).sort()) {
    const check = checkAgainstPlan(plan, { name, bytes: fs.readFileSync(path.join(inbox, name)) }, { asOf: '2024-09-01' });
    // Sorted, so 实验小学's （修改） file (the adopted later one) comes after its first.
    latest.set(schoolOf(name), check.status === 'refused' || check.issues.some((i) => i.severity !== 'info'));
  }
  const problems = [...latest].filter(([, bad]) => bad).map(([school]) => school);
  const missing = DEMO_ROSTER.filter((s) => !latest.has(s));
  const list = rows(at('第2期', '各校反馈', '反馈清单.xlsx'), '反馈清单').filter((r) => typeof r[0] === 'number');
  expect(list.map((r) => r[1]).sort()).toEqual([...problems, ...missing].sort());
  expect(problems.sort()).toEqual(['仪征市第二中学', '城东小学'].sort());
  expect(list.every((r) => r[9] === '9月8日前')).toBe(true);
  expect(fs.readdirSync(at('第2期', '各校反馈'))).toContain('仪征市第二中学-校验标注.xlsx');
});

test("实验小学's round-2 ledger is carried forward from its round-1 file: same task rows, date cleared", () => {
  const previous = at('第1期', '各校报送', '仪征市实验小学-台账.xlsx');
  const carried = at('第2期', '本期台账-仪征市实验小学（由第1期报送生成）.xlsx');
  const pillarSheets = sheetNames(previous).filter((n) => /^.、/.test(n));
  expect(pillarSheets).toHaveLength(plan.pillars.length);
  for (const sheet of pillarSheets) {
    const before = rows(previous, sheet).slice(2);
    expect(rows(carried, sheet).slice(2)).toEqual(before);
    expect(before.some((r) => r.some((v) => typeof v === 'string' && v.length > 0))).toBe(true);
  }
  const info = Object.fromEntries(rows(carried, '填报说明').slice(2, 6).map((r) => [r[0], r[1]]));
  expect(info).toMatchObject({ 填报单位: '仪征市实验小学', 填报日期: null });
  // Its round-2 submission kept every carried task it did not change.
  const submitted = at('第2期', '各校报送', '仪征市实验小学-台账.xlsx');
  const third = pillarSheets[2]!;
  const before = rows(previous, third).slice(2);
  const unchanged = rows(submitted, third).slice(2).filter((r, i) => JSON.stringify(r) === JSON.stringify(before[i]));
  expect(unchanged.length).toBeGreaterThan(0);
});

test('a second run, in another folder, prints the same and lists the same changes', async () => {
  const other = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-demo-again-'));
  try {
    const again = await runCli(['demo', '--out', 'out'], other);
    expect(again.code).toBe(0);
    expect(again.out).toBe(printed);
    const changes = (root: string) => rows(path.join(root, 'out', '第2期', '汇总-第2期.xlsx'), '本期变化');
    expect(changes(other)).toEqual(changes(dir));
  } finally {
    fs.rmSync(other, { recursive: true, force: true });
  }
}, 60_000);

/** Each visible sheet's page header centre text, and the widths (Excel units) of its columns by header text in `headerRow`. */
function printLook(file: string): { name: string; header: string; widths: Record<string, number> }[] {
  const script = String.raw`
import sys, json, openpyxl
from openpyxl.utils import get_column_letter
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    if ws.sheet_state != 'visible': continue
    titles = ws.print_title_rows or ''
    row = int(titles.split(':')[-1].replace('$', '')) if titles else 1
    widths = {}
    for c in ws[row]:
        if isinstance(c.value, str): widths[c.value] = ws.column_dimensions[get_column_letter(c.column)].width
    out.append({'name': ws.title, 'header': ws.oddHeader.center.text or '', 'widths': widths})
print(json.dumps(out, ensure_ascii=False))`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as { name: string; header: string; widths: Record<string, number> }[];
}

test('printing: every summary page names its round; 进度趋势 and 逾期清单 columns fit their text on one line; 反馈清单 pages give the date', () => {
  const summary = printLook(at('第2期', '汇总-第2期.xlsx'));
  expect(summary.length).toBeGreaterThan(10);
  for (const sheet of summary) expect(sheet.header.endsWith('（第2期，截至 2024-09-01）')).toBe(true);
  // A CJK character is about 2 Excel units wide at the body size.
  const fits = (width: number, text: string) => width >= 2 * [...text].length;
  const trend = summary.find((s) => s.name === '进度趋势')!;
  // Its header is two lines, each fitting: LibreOffice broke '较上期（百分点）' before the last '）'.
  const delta = Object.keys(trend.widths).find((h) => h.startsWith('较上期'))!;
  expect(delta.split('\n')).toEqual(['较上期', '（百分点）']);
  for (const line of delta.split('\n')) expect(fits(trend.widths[delta]!, line)).toBe(true);
  const overdue = rows(at('第2期', '汇总-第2期.xlsx'), '逾期清单').slice(3).map((r) => String(r[9]));
  expect(overdue.length).toBeGreaterThan(0);
  for (const status of overdue) expect(fits(summary.find((s) => s.name === '逾期清单')!.widths['状态']!, status)).toBe(true);
  expect(printLook(at('第2期', '各校反馈', '反馈清单.xlsx'))[0]!.header).toContain('截至 2024-09-01');
});

test('进度趋势: a school that sent nothing in round 1 has an empty cell there, and its chart line a gap, not 0%', () => {
  const file = at('第2期', '汇总-第2期.xlsx');
  const xincheng = rows(file, '进度趋势').find((r) => r[0] === '仪征市新城中学')!;
  expect(xincheng[1]).toBeNull();
  expect(typeof xincheng[2]).toBe('number');
  const chart = zipNames(file).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map((n) => zipPart(file, n)).find((x) => x.includes('<c:lineChart>'))!;
  const series = chart.split('<c:ser>').slice(1).find((s) => s.includes('仪征市新城中学'))!;
  const values = series.slice(series.indexOf('<c:val>'));
  expect(values).not.toContain('<c:pt idx="0">');
  expect(values).toContain('<c:pt idx="1">');
});

test('the 通报 printed by LibreOffice: its 附件 tables keep a landline and a 完成时限 date on one line; the 附件说明 stays on one page', () => {
  const outDir = tempDir('taizhang-demo-pdf-');
  try {
    const pages = pdfPages(convertDocument(at('第2期', '通报-第2期.docx'), 'pdf', outDir));
    const ranking = pages.find((p) => p.includes('各学校落实情况排名表') && p.includes('附件 1'))!;
    const phone = rows(at('第2期', '汇总-第2期.xlsx'), '报送情况').flat().find((v) => typeof v === 'string' && /^0514-\d{8}$/.test(v)) as string;
    expect(ranking).toContain(phone);
    const overdue = pages.find((p) => p.includes('逾期任务清单') && p.includes('附件 2'))!;
    expect(overdue).toMatch(/2024 年 6 月 30 日/);
    // The 附件说明 is not split over two pages, and the issuer stays with the date.
    const note = pages.filter((p) => /附件：\s*1\./.test(p));
    expect(note).toHaveLength(1);
    expect(note[0]).toContain('2. 逾期任务清单');
    expect(pages.filter((p) => p.includes('教育局委员会') && /2024 年 9 月 1 日/.test(p)).length).toBeGreaterThan(0);
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}, 60_000);
