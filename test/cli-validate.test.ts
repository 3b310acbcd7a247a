import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import type { CliIo } from '../src/cli/io';
import { fillLedger } from './helpers/fill-ledger';
import { goodFill, SHEET, seedPlan, withChanges } from './helpers/validate-fixture';
import { hyperlinksOf } from './helpers/xlsx-parts';

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd, interactive: false };
  return { code: await main(args, io), out, err };
}

const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-validate-'));
  fs.writeFileSync(path.join(dir, 'good.xlsx'), await fillLedger(seedPlan, goodFill()));
  const broken = withChanges({ info: { reporter: null }, tasks: { P2T6: { owner: null, deadline: '下个月吧' } } });
  fs.writeFileSync(path.join(dir, 'broken.xlsx'), await fillLedger(seedPlan, broken));
  fs.writeFileSync(path.join(dir, 'table.xlsx'), '学校,任务\n实验小学,1\n');
});

test('a correctly filled ledger: exit 0 and no complaint', async () => {
  const { code, out } = await run(['validate', 'good.xlsx', '--as-of', '2024-09-01'], dir);
  expect(out).toContain('没有发现问题。');
  expect(code).toBe(0);
});

test('problems are grouped by sheet with their cells, and the exit code is 1', async () => {
  const { code, out } = await run(['validate', 'broken.xlsx', '--as-of', '2024-09-01'], dir);
  expect(code).toBe(1);
  const lines = out.split('\n');
  const infoAt = lines.indexOf('工作表“填报说明”');
  const pillarAt = lines.indexOf(`工作表“${SHEET.p2}”`);
  expect(infoAt).toBeGreaterThan(0);
  expect(pillarAt).toBeGreaterThan(infoAt);
  expect(lines[infoAt + 1]).toMatch(/^ {2}B4 +\[错误 VALIDATE_\w+\] .*填报人/);
  const pillarLines = lines.slice(pillarAt + 1).filter((l) => l.startsWith('  '));
  // P2T6 is the second task on pillar 2's sheet (row 4), but one row was inserted under P2T5 above it.
  expect(pillarLines.some((l) => /^ {2}F5 +\[错误 /.test(l) && l.includes('责任人'))).toBe(true);
  expect(pillarLines.some((l) => /^ {2}G5 +\[错误 /.test(l) && l.includes('下个月吧'))).toBe(true);
  expect(out).toMatch(/共 \d+ 个错误，\d+ 个警告。/);
});

test('--json lists the same problems with messages', async () => {
  const { code, out } = await run(['validate', 'broken.xlsx', '--as-of', '2024-09-01', '--json'], dir);
  expect(code).toBe(1);
  const report = JSON.parse(out);
  expect(report.status).toBe('checked');
  const cells = report.issues.map((i: { where: { sheet: string; cell: string } }) => `${i.where.sheet}!${i.where.cell}`);
  expect(cells).toEqual(expect.arrayContaining(['填报说明!B4', `${SHEET.p2}!F5`, `${SHEET.p2}!G5`]));
  expect(report.issues.every((i: { message: string; where: { file: string } }) => i.message.length > 10 && i.where.file === 'broken.xlsx')).toBe(true);
});

test('-o writes an annotated copy and leaves the input untouched', async () => {
  const before = sha(path.join(dir, 'broken.xlsx'));
  const { code, out } = await run(['validate', 'broken.xlsx', '--as-of', '2024-09-01', '-o', 'checked/broken-标注.xlsx'], dir);
  expect(code).toBe(1);
  expect(out).toContain('已另存标注副本：checked/broken-标注.xlsx（问题单元格已标色并加批注）');
  expect(sha(path.join(dir, 'broken.xlsx'))).toBe(before);

  const annotated = new ExcelJS.Workbook();
  await annotated.xlsx.readFile(path.join(dir, 'checked', 'broken-标注.xlsx'));
  expect(annotated.worksheets[0]!.name).toBe('校验结果');
  const report = annotated.getWorksheet('校验结果')!;
  const listed: string[] = [];
  report.eachRow((row, r) => {
    if (r > 2) listed.push(`${row.getCell(3).value}!${(row.getCell(4).value as { text?: string })?.text ?? row.getCell(4).value}`);
  });
  expect(listed).toEqual(expect.arrayContaining(['填报说明!B4', `${SHEET.p2}!F5`, `${SHEET.p2}!G5`]));
  // exceljs 4.4 reads only hyperlinks kept in relationships; the copy's, like Excel's own, are `location` links within the workbook.
  const link = hyperlinksOf(fs.readFileSync(path.join(dir, 'checked', 'broken-标注.xlsx')), '校验结果').D3;
  expect(`#${link}`).toMatch(/^#'.+'!\w+\d+$/);

  const marked = annotated.getWorksheet(SHEET.p2)!.getCell('G5');
  expect(marked.value).toBe('下个月吧');
  expect((marked.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  expect(String(marked.note)).toContain('下个月吧');
  // the school's own data is still there
  expect(annotated.getWorksheet('填报说明')!.getCell('B3').value).toBe('仪征市实验小学');
});

test('a file that is not a workbook is refused with its code; no annotated copy is made', async () => {
  const { code, out, err } = await run(['validate', 'table.xlsx', '-o', 'x.xlsx'], dir);
  expect(code).toBe(1);
  expect(out).toMatch(/\[错误 XLSX_READ_TEXT_FILE\] 文件“table\.xlsx”实际上是/);
  expect(err).toContain('未生成标注副本');
  expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
});

test('bad options are usage faults', async () => {
  expect(await run(['validate', 'good.xlsx', '--as-of', '2024-02-30'], dir)).toMatchObject({ code: 2 });
  expect((await run(['validate'], dir)).err).toContain('缺少要校验的台账文件');
  fs.writeFileSync(path.join(dir, 'rules.json'), '{"statuses": 3}');
  const bad = await run(['validate', 'good.xlsx', '--rules', 'rules.json'], dir);
  expect(bad.code).toBe(2);
  expect(bad.err).toContain('[FAULT_RULES_INVALID] 校验规则文件“rules.json”有误');
});

test('the annotated copy says which day its overdue warnings speak for', async () => {
  await run(['validate', 'broken.xlsx', '--as-of', '2024-09-01', '-o', 'dated.xlsx'], dir);
  const annotated = new ExcelJS.Workbook();
  await annotated.xlsx.readFile(path.join(dir, 'dated.xlsx'));
  expect(String(annotated.getWorksheet('校验结果')!.getCell('A1').value)).toContain('逾期按 2024-09-01 判断');
});
