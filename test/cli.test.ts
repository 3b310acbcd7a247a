import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import type { CliIo } from '../src/cli/io';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'taizhang.js');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-cli-'));
}

async function run(args: string[], cwd = tempDir()): Promise<{ code: number; out: string; err: string; cwd: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd, interactive: false };
  const code = await main(args, io);
  return { code, out, err, cwd };
}

describe('taizhang parse', () => {
  test('prints an outline of the bundled plan with every pillar and task', async () => {
    const { code, out, err } = await run(['parse']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('共 4 个大项，14 项任务');
    expect(out).toContain('仪教委〔2024〕8号');
    expect(out).toMatch(/四、狠抓党的纪律建设，压紧压实全面从严治党主体责任（第 61 行，4 项任务）/);
    expect(out).toMatch(/14\. 强化追责问责，毫不松懈纠治“四风”。?（第 73 行，编号 P4T14）/);
  });

  test('--json gives the model and an empty issue list', async () => {
    const { code, out } = await run(['parse', '--json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed.issues).toEqual([]);
    expect(parsed.plan.pillars.map((p: { tasks: unknown[] }) => p.tasks.length)).toEqual([4, 3, 3, 4]);
    expect(parsed.source).toBe('utf-8');
  });

  test('a plan with problems exits 1 and names file, line and code', async () => {
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, 'gap.txt'), '2025 年工作要点\n\n一、第一项\n\n1. 甲。内容。\n\n3. 乙。内容。\n');
    const { code, err } = await run(['parse', 'gap.txt'], cwd);
    expect(code).toBe(1);
    expect(err).toMatch(/\[警告 PLAN_TASK_GAP\] 文件 gap\.txt，第 7 行：任务编号不连续：应为 2，实际为 3/);
  });

  test('a missing file is a fault with exit 2 and a Chinese message', async () => {
    const { code, err } = await run(['parse', 'nope.txt']);
    expect(code).toBe(2);
    expect(err).toContain('[FAULT_FILE_NOT_FOUND] 找不到文件');
  });

  test('unknown options and commands are usage faults', async () => {
    expect((await run(['parse', '--bogus'])).err).toContain('[FAULT_USAGE] 命令用法有误：未知选项“--bogus”');
    expect((await run(['frobnicate'])).err).toContain('没有“frobnicate”这个命令');
    expect((await run(['frobnicate'])).code).toBe(2);
  });

  test('every command has Chinese help', async () => {
    for (const command of ['parse', 'generate']) {
      const { code, out } = await run([command, '--help']);
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`^用法：taizhang ${command}`));
    }
    expect((await run([])).out).toContain('generate  按工作要点生成标准工作台账');
  });
});

describe('taizhang generate', () => {
  test('writes the ledger of the bundled plan with the unit prefilled', async () => {
    const cwd = tempDir();
    const { code, out } = await run(['generate', '-o', 'out/台账.xlsx', '--unit', '仪征市实验小学'], cwd);
    expect(code).toBe(0);
    expect(out).toContain('已生成台账：out/台账.xlsx（4 个大项，14 项任务）');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(cwd, 'out', '台账.xlsx'));
    const visible = workbook.worksheets.filter((s) => s.state === 'visible').map((s) => s.name);
    expect(visible).toHaveLength(5);
    expect(visible[0]).toBe('填报说明');
    const cells: string[] = [];
    workbook.getWorksheet('填报说明')!.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value))));
    expect(cells).toContain('仪征市实验小学');
    // no temporary files are left next to the output
    expect(fs.readdirSync(path.join(cwd, 'out'))).toEqual(['台账.xlsx']);
  });

  test('an existing output is replaced whole, and left untouched when generation fails', async () => {
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, 'ledger.xlsx'), 'old');
    fs.writeFileSync(path.join(cwd, 'empty.txt'), '');
    const failed = await run(['generate', 'empty.txt', '-o', 'ledger.xlsx'], cwd);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('PLAN_EMPTY');
    expect(fs.readFileSync(path.join(cwd, 'ledger.xlsx'), 'utf8')).toBe('old');
    const ok = await run(['generate', '-o', 'ledger.xlsx'], cwd);
    expect(ok.code).toBe(0);
    expect(fs.readFileSync(path.join(cwd, 'ledger.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  test('an unwritable output is a fault that names the file', async () => {
    const cwd = tempDir();
    fs.mkdirSync(path.join(cwd, 'ro'));
    fs.writeFileSync(path.join(cwd, 'ro', 'x'), '');
    // a path whose parent is a file cannot be created by anyone, root included
    const { code, err } = await run(['generate', '-o', 'ro/x/台账.xlsx'], cwd);
    expect(code).toBe(2);
    expect(err).toMatch(/\[FAULT_OUTPUT_WRITE\] 无法写入输出文件“.*ro\/x\/台账\.xlsx”/);
  });
});

describe('the taizhang bin', () => {
  test('runs the compiled CLI and returns its exit codes', () => {
    const ok = spawnSync(process.execPath, [BIN, 'parse'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('共 4 个大项，14 项任务');
    const fault = spawnSync(process.execPath, [BIN, 'parse', '/no/such/plan.txt'], { encoding: 'utf8' });
    expect(fault.status).toBe(2);
    expect(fault.stderr).toContain('FAULT_FILE_NOT_FOUND');
  });
});
