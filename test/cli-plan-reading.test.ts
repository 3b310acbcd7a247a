/**
 * The clerk's choice where a plan allows two readings, on the command line:
 * `--task-level` and `--columns` on parse, generate, validate and rollup;
 * `parse` saying which level and which columns it took; task tables and
 * bare owners reaching the ledger as prefills.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../src/cli/main';
import type { CliIo } from '../src/cli/io';
import { readWorkbook, type WorkbookSnapshot } from '../src/xlsx/read/index';

const PLANS = path.join(__dirname, 'fixtures', 'plans');
const FOUR_LEVEL = path.join(PLANS, 'shapes', 'four-level-2025.txt');
const TABLE = path.join(PLANS, 'tables', 'category-column-2025.xlsx');

async function run(args: string[], cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-reading-'))) {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd, interactive: false };
  return { code: await main(args, io), out, err, cwd };
}

function cellsOf(workbook: WorkbookSnapshot, sheetIndex: number, col: number): string[] {
  const sheet = workbook.sheets.filter((s) => s.state === 'visible')[sheetIndex]!;
  return sheet.cells.filter((c) => c.col === col && c.row >= 3).map((c) => String(c.value));
}

describe('taizhang parse: which reading it took', () => {
  test('says which level carries the tasks and how to choose another', async () => {
    const auto = await run(['parse', FOUR_LEVEL]);
    expect(auto.code).toBe(0);
    expect(auto.out).toContain('任务取自第 4 级编号“（1）”（正文有第 2 级“（一）”、第 3 级“1.”、第 4 级“（1）”；如不对，请用 --task-level 2|3|4 改选）。');
    expect(auto.out).toContain('  （一）强化思想政治引领\n    1. 深化理论学习\n      （1）落实党组织“第一议题”制度');
    const chosen = await run(['parse', FOUR_LEVEL, '--task-level', '1.']);
    expect(chosen.out).toContain('共 2 个大项，4 项任务。\n任务取自第 3 级编号“1.”（按 --task-level 指定）。');
    const json = JSON.parse((await run(['parse', FOUR_LEVEL, '--task-level', '2', '--json'])).out);
    expect(json.reading).toEqual({ taskLevel: 2, levels: [2, 3, 4], taskLevelGiven: true });
  });

  test('a task table: the columns taken, and --columns to change them', async () => {
    const table = await run(['parse', TABLE]);
    expect(table.code).toBe(0);
    expect(table.out).toContain('按表格读取：序号＝第 A 列“序号”，类别＝第 B 列“类别”，工作任务＝第 C 列“工作任务（重点任务）”');
    expect(table.out).toContain('  1. 深化理论武装（第 3 行，编号 P1T1）\n     责任单位：组织人事科；配合单位：办公室；责任人：王建国；完成时限：2025年12月底前');
    expect(table.err).toContain('[提示 PLAN_TABLE_COLUMN]');
    const json = JSON.parse((await run(['parse', TABLE, '--columns', '责任单位=F,完成时限=无', '--json'])).out);
    expect(json.source).toBe('xlsx');
    // Column F is now 责任单位, so it is no longer 责任人; 完成时限 has no column.
    expect(json.plan.pillars[0].tasks[0].notes).toEqual({ units: ['王建国'], cooperatingUnits: [], raw: '责任单位：王建国' });
  });

  test.each([
    [['--task-level', '5'], '--task-level 应为 2、3 或 4'],
    [['--columns', '责任单位'], '--columns：“责任单位”应写成“列名=列号”'],
  ])('%j is a usage fault', async (extra, message) => {
    for (const command of [['parse'], ['generate'], ['validate', 'x.xlsx'], ['rollup', '.']]) {
      const { code, err } = await run([...command, ...extra]);
      expect([command[0], code]).toEqual([command[0], 2]);
      expect(err).toContain(`[FAULT_USAGE] 命令用法有误：${message}`);
    }
  });
});

describe('the choice reaches the ledger and the checks', () => {
  test('generate from a task table prefills 责任单位, 责任人 and 完成时限', async () => {
    const { code, cwd } = await run(['generate', TABLE, '-o', '台账.xlsx']);
    expect(code).toBe(0);
    const read = readWorkbook(new Uint8Array(fs.readFileSync(path.join(cwd, '台账.xlsx'))));
    if (!read.ok) throw new Error(read.issue.code);
    // Pillar sheets follow 填报说明: columns E 责任单位, F 责任人, G 完成时限.
    expect(cellsOf(read.workbook, 1, 5)).toEqual(['组织人事科', '办公室']);
    expect(cellsOf(read.workbook, 1, 6)).toEqual(['王建国', '李红']);
    expect(cellsOf(read.workbook, 1, 7)).toEqual(['2025年12月底前', '2025年6月30日']);
  });

  test('a ledger made with --task-level is checked and rolled up against the plan read the same way', async () => {
    const made = await run(['generate', FOUR_LEVEL, '--task-level', '3', '-o', '台账.xlsx']);
    // Exit 1: read at level 3, the first （1）'s note sits inside its task and is reported (PLAN_NOTE_IN_TEXT).
    expect([made.code, made.out]).toEqual([1, '已生成台账：台账.xlsx（2 个大项，4 项任务）\n']);
    const cwd = made.cwd;
    const same = await run(['validate', '台账.xlsx', '--plan', FOUR_LEVEL, '--task-level', '3', '--json'], cwd);
    const other = await run(['validate', '台账.xlsx', '--plan', FOUR_LEVEL, '--json'], cwd);
    const codes = (out: string) => (JSON.parse(out).issues as { code: string }[]).map((i) => i.code);
    expect(codes(same.out)).not.toContain('LEDGER_OTHER_PLAN');
    expect(codes(other.out)).toContain('LEDGER_OTHER_PLAN');
    fs.mkdirSync(path.join(cwd, '报送'));
    fs.copyFileSync(path.join(cwd, '台账.xlsx'), path.join(cwd, '报送', '某某小学.xlsx'));
    const rolled = await run(['rollup', '报送', '--plan', FOUR_LEVEL, '--task-level', '3', '--jobs', '1', '-o', '汇总.xlsx'], cwd);
    expect(rolled.out).toContain('学校：已报送 1 所；');
    const refused = await run(['rollup', '报送', '--plan', FOUR_LEVEL, '--jobs', '1', '-o', '汇总2.xlsx'], cwd);
    expect(refused.out).toContain('无法读取：某某小学.xlsx（LEDGER_OTHER_PLAN）');
    expect(fs.existsSync(path.join(cwd, '汇总.xlsx'))).toBe(true);
  });

  test('bare owners in a text plan prefill 责任人', async () => {
    const { code, cwd } = await run(['generate', path.join(PLANS, 'shapes', 'bare-owners-2025.txt'), '-o', 'x.xlsx']);
    expect(code).toBe(0);
    const read = readWorkbook(new Uint8Array(fs.readFileSync(path.join(cwd, 'x.xlsx'))));
    if (!read.ok) throw new Error(read.issue.code);
    expect(cellsOf(read.workbook, 1, 6)).toEqual(['杨']);
    expect(cellsOf(read.workbook, 1, 5)).toEqual(['教务处', '教务处、各年级组']);
  });
});
