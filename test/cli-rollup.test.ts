/**
 * `taizhang rollup` over a folder with every kind of submission a bureau
 * gets: clean, edited in every way clerks edit, twice from one school, off
 * the roster, and broken in every way files break. Nothing may be lost and
 * every refused file must say why.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../src/cli/main';
import type { CliIo } from '../src/cli/io';
import { parsePlan } from '../src/core/plan/index';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { readWorkbook, type SheetSnapshot, type WorkbookSnapshot } from '../src/xlsx/read/index';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { compoundFile, deflatedZeros, minimalParts, rawZip } from './fixtures/xlsx/craft';
import { fillLedger } from './helpers/fill-ledger';
import { convertBytes, hasCommand } from './helpers/libreoffice';
import { SHEET, seedPlan, withChanges } from './helpers/validate-fixture';
import { strToU8 } from 'fflate';

const BIN = path.join(__dirname, '..', 'bin', 'taizhang.js');
const FORMULA_TEXT = '=HYPERLINK("http://example.invalid","点这里")';

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd, interactive: false };
  return { code: await main(args, io), out, err };
}

function zipBomb(): Uint8Array {
  const bomb = deflatedZeros(200);
  const entries = Object.entries(minimalParts('<worksheet><sheetData/></worksheet>')).map(([name, text]) =>
    name === 'xl/worksheets/data.xml'
      ? { name, data: new Uint8Array(0), body: bomb.body, declaredSize: bomb.size, crc: bomb.crc }
      : { name, data: strToU8(text) },
  );
  return rawZip(entries);
}

const soffice = hasCommand('soffice');
let dir: string;
const inbox = (): string => path.join(dir, '报送');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-rollup-'));
  fs.mkdirSync(path.join(inbox(), '第二批'), { recursive: true });
  const put = (name: string, bytes: Uint8Array | string): void => fs.writeFileSync(path.join(inbox(), name), bytes);

  put('实验小学.xlsx', await fillLedger(seedPlan, withChanges({})));
  put('实验小学-修改.xlsx', await fillLedger(seedPlan, withChanges({ info: { date: '2024-09-01' }, tasks: { P4T14: { status: '已完成', progress: '已完成纪律教育。' } } })));
  put(
    '第二批/第二中学.xlsx',
    await fillLedger(
      seedPlan,
      withChanges({
        info: { unit: '仪征市 第二中学' },
        rename: { [SHEET.p1]: '政治建设' },
        order: [SHEET.p4],
        merges: [{ taskId: 'P4T13', key: 'unit', rows: 2 }],
        tasks: { P1T2: { progress: FORMULA_TEXT, owner: '+86 13812345678' } },
      }),
    ),
  );
  put('外区学校.xlsx', await fillLedger(seedPlan, withChanges({ info: { unit: '外区某学校' } })));
  const newTown = await fillLedger(seedPlan, withChanges({ info: { unit: '仪征市新城中学' } }));
  put('新城中学.xls', soffice ? fs.readFileSync(convertBytes(newTown, 'xls')) : newTown);
  put('损坏.xlsx', newTown.slice(0, 3000));
  put('加密.xlsx', compoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']));
  put('表格.xlsx', '学校,任务\n实验小学,1\n');
  put('炸弹.xlsx', zipBomb());
  const other = parsePlan('2025 年工作要点\n\n一、另一项\n\n1. 别的任务。内容。\n').plan;
  put('别的要点.xlsx', await renderWorkbook(buildTemplateSpec(other, { unit: '仪征市月塘小学' })));
  put('~$实验小学.xlsx', 'lock');
  fs.writeFileSync(path.join(dir, '名单.txt'), '1. 仪征市实验小学\n2. 仪征市第二中学\n3. 仪征市新城中学\n4. 仪征市月塘小学\n5. 仪征市陈集小学\n');
}, 180_000);

function sheet(workbook: WorkbookSnapshot, name: string): SheetSnapshot {
  const found = workbook.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}: ${workbook.sheets.map((s) => s.name).join(', ')}`);
  return found;
}

function readSummary(file: string): WorkbookSnapshot {
  const read = readWorkbook(new Uint8Array(fs.readFileSync(file)));
  if (!read.ok) throw new Error(read.issue.code);
  return read.workbook;
}

describe('taizhang rollup over a folder of every kind of submission', () => {
  let report: { accounting: Record<string, unknown> & { refusals: { file: string; code: string; reason: string }[] }; skipped: string[]; converted: number; schools: { name: string; status: string; roster: string }[] };
  let code: number;

  beforeAll(async () => {
    const result = await run(['rollup', '报送', '-o', '汇总.xlsx', '--roster', '名单.txt', '--as-of', '2024-09-01', '--json'], dir);
    code = result.code;
    report = JSON.parse(result.out);
  }, 180_000);

  test('every file is accounted for: read, or refused with its own reason', () => {
    const a = report.accounting;
    expect(a.filesFound).toBe(10);
    expect(a.filesRead).toBe(soffice ? 5 : 4);
    expect(Number(a.filesRead) + Number(a.filesRefused)).toBe(a.filesFound);
    expect(a.balanced).toBe(true);
    const refusals = Object.fromEntries(a.refusals.map((r) => [r.file, r.code]));
    expect(refusals).toEqual({
      '损坏.xlsx': expect.stringMatching(/^XLSX_READ_ZIP_(TRUNCATED|CORRUPT)$/),
      '加密.xlsx': 'XLSX_READ_ENCRYPTED',
      '表格.xlsx': 'XLSX_READ_TEXT_FILE',
      '炸弹.xlsx': 'XLSX_READ_ZIP_BOMB',
      '别的要点.xlsx': 'LEDGER_OTHER_PLAN',
      ...(soffice ? {} : { '新城中学.xls': 'XLSX_READ_LEGACY_XLS' }),
    });
    expect(a.refusals.every((r) => r.reason.length > 10)).toBe(true);
    expect(report.skipped).toEqual(['~$实验小学.xlsx']);
    expect(report.converted).toBe(soffice ? 1 : 0);
    expect(code).toBe(1);
  });

  test('schools: duplicates, missing, unlisted and unreadable are all named', () => {
    const status = Object.fromEntries(report.schools.map((s) => [s.name, s.status]));
    expect(status['仪征市实验小学']).toBe('重复报送');
    expect(status['仪征市第二中学']).toBe('已报送');
    expect(status['仪征市陈集小学']).toBe('未报送');
    expect(status['仪征市新城中学']).toBe(soffice ? '已报送' : '无法读取');
    expect(report.schools.find((s) => s.name === '外区某学校')?.roster).toBe('unlisted');
  });

  test('the summary holds every row read, with its source, and school text stays text', () => {
    const summary = readSummary(path.join(dir, '汇总.xlsx'));
    const names = summary.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['报送情况', '汇总', '按任务统计', '明细', '问题清单']));
    const detail = sheet(summary, '明细');
    const header = detail.cells.filter((c) => c.row === detail.cells.find((h) => h.value === '学校')!.row);
    const dataRows = new Set(detail.cells.filter((c) => c.row > header[0]!.row).map((c) => c.row));
    expect(dataRows.size).toBe(report.accounting.rowsRead);
    const formulaCell = detail.cells.find((c) => c.value === FORMULA_TEXT);
    expect(formulaCell).toMatchObject({ type: 'string' });
    expect(formulaCell?.formula).toBeUndefined();
    expect(detail.cells.find((c) => c.value === '+86 13812345678')?.type).toBe('string');
    const problems = sheet(summary, '问题清单');
    expect(problems.cells.some((c) => c.value === 'XLSX_READ_ZIP_BOMB')).toBe(true);
    expect(problems.cells.some((c) => c.value === 'VALIDATE_FORMULA_PREFIX')).toBe(true);
  });

  test('the same files given in another order give the same summary', async () => {
    const files = fs.readdirSync(inbox(), { recursive: true, encoding: 'utf8' }).filter((f) => /\.xlsx?$/.test(f) && !f.startsWith('~$'));
    const forward = await run(['rollup', ...files.map((f) => path.join('报送', f)), '-o', 'a.xlsx', '--roster', '名单.txt', '--as-of', '2024-09-01'], dir);
    const backward = await run(['rollup', ...files.reverse().map((f) => path.join('报送', f)), '-o', 'b.xlsx', '--roster', '名单.txt', '--as-of', '2024-09-01'], dir);
    expect(forward.out.split('\n').slice(0, 6)).toEqual(backward.out.split('\n').slice(0, 6));
    const cells = (file: string) => readSummary(path.join(dir, file)).sheets.map((s) => [s.name, s.cells.map((c) => [c.address, c.value])]);
    expect(cells('a.xlsx')).toEqual(cells('b.xlsx'));
  }, 120_000);
});

test('a summary dropped among the submissions is refused, not read as a school', async () => {
  const first = await run(['rollup', '报送', '-o', '上次汇总.xlsx', '--as-of', '2024-09-01'], dir);
  expect(first.code).toBe(1);
  const again = await run(['rollup', '报送', '上次汇总.xlsx', '-o', '本次汇总.xlsx', '--as-of', '2024-09-01', '--json'], dir);
  const refusals = JSON.parse(again.out).accounting.refusals as { file: string; code: string }[];
  expect(refusals.find((r) => r.file === '上次汇总.xlsx')?.code).toBe('LEDGER_IS_SUMMARY');
}, 120_000);

describe('taizhang rollup with worker threads', () => {
  test('two jobs over 24 files give the same accounting as one', async () => {
    const many = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-many-'));
    for (let i = 0; i < 24; i++) {
      fs.writeFileSync(path.join(many, `学校${i}.xlsx`), await fillLedger(seedPlan, withChanges({ info: { unit: `仪征市第${i + 1}小学` } })));
    }
    fs.writeFileSync(path.join(many, 'bad.xlsx'), 'x');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-many-out-'));
    const args = (jobs: string) => [BIN, 'rollup', many, '-o', path.join(out, `out-${jobs}.xlsx`), '--as-of', '2024-09-01', '--json', '--jobs', jobs];
    const one = spawnSync(process.execPath, args('1'), { encoding: 'utf8' });
    const two = spawnSync(process.execPath, args('2'), { encoding: 'utf8' });
    expect(two.status).toBe(1);
    const a = JSON.parse(one.stdout).accounting;
    const b = JSON.parse(two.stdout).accounting;
    expect(b).toEqual(a);
    expect(b).toMatchObject({ filesFound: 25, filesRead: 24, filesRefused: 1, balanced: true });
  }, 120_000);
});
