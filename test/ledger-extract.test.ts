import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { indexTemplate } from '../src/core/ledger/template-index';
import { extractLedger, type ExtractResult } from '../src/core/ledger/extract-ledger';
import { parsePlan } from '../src/core/plan/index';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { readWorkbook } from '../src/xlsx/read/index';
import type { Ledger } from '../src/core/ledger/ledger-types';

const REAL_WORLD = path.join(__dirname, 'fixtures', 'real-world');
const SEED = fs.readFileSync(path.join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8');
const plan = parsePlan(SEED).plan;
const index = indexTemplate(plan);

let template: Uint8Array;
beforeAll(async () => {
  template = await renderWorkbook(buildTemplateSpec(plan, { unit: '仪征市实验小学' }));
});

function extract(bytes: Uint8Array, file = 'school.xlsx'): ExtractResult {
  const read = readWorkbook(bytes, { fileName: file });
  if (!read.ok) throw new Error(`read refused: ${read.issue.code}`);
  return extractLedger(read.workbook, index, file);
}

function ledgerOf(result: ExtractResult): Ledger {
  if (!result.ok) throw new Error(`extraction refused: ${result.issue.code}`);
  return result.ledger;
}

/** Loads the template with exceljs, lets a test change it the way a school or another program would, saves it. */
async function edited(change: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
  change(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const taskIds = (ledger: Ledger): (string | undefined)[] => ledger.rows.filter((r) => r.kind === 'task').map((r) => r.taskId);
const ALL_IDS = plan.pillars.flatMap((p) => p.tasks.map((t) => t.id));

describe('extractLedger on the generated template', () => {
  test('finds every task by its hidden id, on the right sheet and row, and the unit details by label', () => {
    const result = extract(template);
    expect(result.ok && result.issues).toEqual([]);
    const ledger = ledgerOf(result);
    expect(ledger.matchedBy).toBe('metadata');
    expect(ledger.templateId).toBe(index.templateId);
    expect(taskIds(ledger)).toEqual(ALL_IDS);
    expect(ledger.sheets.map((s) => [s.name, s.pillarNo])).toEqual(index.sheetNames.map((name, i) => [name, i + 1]));
    const first = ledger.rows[0]!;
    expect(first).toMatchObject({ kind: 'task', taskId: 'P1T1', sheet: index.sheetNames[0], row: 3 });
    expect(first.cells.task?.text).toBe(plan.pillars[0]!.tasks[0]!.title);
    expect(first.cells.task?.address).toBe('B3');
    expect(ledger.info.unit).toMatchObject({ text: '仪征市实验小学', sheet: '填报说明' });
    expect(ledger.info.reporter).toBeUndefined();
    expect(ledger.infoCells.reporter).toEqual({ sheet: '填报说明', address: 'B4' });
  });

  test('a row inserted under a task belongs to that task; an unknown row is an orphan', async () => {
    const bytes = await edited((workbook) => {
      const sheet = workbook.getWorksheet(index.sheetNames[1]!)!;
      sheet.insertRow(4, []); // under the first task of pillar 2 (row 3)
      sheet.getCell('D4').value = '再开展一次专题党课';
      sheet.insertRow(5, []);
      sheet.getCell('A5').value = '5-1'; // clerks number the rows they add
      sheet.getCell('D5').value = '开展主题党日活动';
      sheet.getCell('F4').value = '王芳';
      sheet.getCell('B21').value = '自行增加的任务';
      sheet.getCell('F21').value = '李雷';
    });
    const ledger = ledgerOf(extract(bytes));
    const extra = ledger.rows.find((r) => r.row === 4 && r.sheet === index.sheetNames[1]);
    expect(extra).toMatchObject({ kind: 'extra', taskId: 'P2T5' });
    expect(extra?.cells.measures?.text).toBe('再开展一次专题党课');
    expect(ledger.rows.find((r) => r.row === 5 && r.sheet === index.sheetNames[1])).toMatchObject({ kind: 'extra', taskId: 'P2T5' });
    expect(ledger.rows.find((r) => r.row === 21)).toMatchObject({ kind: 'orphan', sheet: index.sheetNames[1] });
    expect(taskIds(ledger)).toEqual(ALL_IDS);
  });

  test('sheets renamed and reordered by a program that leaves the workbook names stale are still found', async () => {
    const bytes = await edited((workbook) => {
      workbook.getWorksheet(index.sheetNames[0]!)!.name = '政治建设（已填）';
      // exceljs writes sheets in `orderNo` order (missing from its type declarations): move the last pillar first.
      (workbook.getWorksheet(index.sheetNames[3]!)! as unknown as { orderNo: number }).orderNo = 0;
    });
    const result = extract(bytes);
    expect(result.ok && result.issues).toEqual([]);
    const ledger = ledgerOf(result);
    expect(ledger.sheets[0]?.name).toBe(index.sheetNames[3]);
    expect(new Set(taskIds(ledger))).toEqual(new Set(ALL_IDS));
    expect(ledger.sheets.find((s) => s.name === '政治建设（已填）')?.pillarNo).toBe(1);
  });

  test('a copy of a pillar sheet is reported, not read twice', async () => {
    const bytes = await edited((workbook) => {
      const source = workbook.getWorksheet(index.sheetNames[2]!)!;
      const copy = workbook.addWorksheet('草稿');
      source.eachRow((row, r) => row.eachCell((cell, c) => void (copy.getCell(r, c).value = cell.value)));
    });
    const result = extract(bytes);
    expect(result.ok && result.issues.map((i) => [i.code, i.where.sheet])).toEqual([['LEDGER_EXTRA_SHEET', '草稿']]);
    expect(taskIds(ledgerOf(result))).toEqual(ALL_IDS);
  });

  test('without the metadata (sheets copied into a new workbook) tasks are matched by headers and titles', async () => {
    const copy = new ExcelJS.Workbook();
    const source = new ExcelJS.Workbook();
    await source.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
    for (const sheet of source.worksheets.filter((s) => s.state === 'visible')) {
      const target = copy.addWorksheet(sheet.name);
      // Copy values only, leaving out the hidden task-id column, as a clerk's copy-paste of visible cells would.
      sheet.eachRow((row, r) => row.eachCell((cell, c) => void (c <= 10 && (target.getCell(r, c).value = cell.value))));
    }
    const result = extract(new Uint8Array(await copy.xlsx.writeBuffer()));
    expect(result.ok && result.issues.map((i) => i.code)).toEqual(['LEDGER_MATCHED_BY_HEADERS']);
    const ledger = ledgerOf(result);
    expect(ledger.matchedBy).toBe('headers');
    expect(taskIds(ledger)).toEqual(ALL_IDS);
    expect(ledger.sheets.map((s) => s.pillarNo)).toEqual([1, 2, 3, 4]);
    expect(ledger.info.unit?.text).toBe('仪征市实验小学');
  });

  test('a ledger of another plan is refused with its title', async () => {
    const other = parsePlan('2025 年工作要点\n\n一、另一项\n\n1. 别的任务。内容。\n').plan;
    const bytes = await renderWorkbook(buildTemplateSpec(other));
    const result = extract(bytes, 'other.xlsx');
    expect(result).toEqual({
      ok: false,
      issue: expect.objectContaining({ code: 'LEDGER_OTHER_PLAN', params: { file: 'other.xlsx', planTitle: other.title } }),
    });
  });

  test.each(fs.readdirSync(REAL_WORLD).filter((f) => f.endsWith('.xlsx')))(
    'a workbook made elsewhere (%s) is not our template',
    (name) => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(REAL_WORLD, name)));
      const result = extract(bytes, name);
      expect(result.ok ? 'accepted' : result.issue.code).toBe('LEDGER_NOT_TEMPLATE');
    },
  );
});
