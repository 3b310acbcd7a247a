/**
 * Benchmark of the submission reader against the unzip-only floor and exceljs.
 * Run (no ts-node here; compile just this file and what it imports into .tmp/):
 *
 *   npx tsc --ignoreConfig scripts/bench-reader.ts --outDir .tmp/bench --rootDir . --module nodenext --moduleResolution nodenext \
 *     --target es2022 --esModuleInterop --skipLibCheck --types node && node .tmp/bench/scripts/bench-reader.js [N]
 *
 * It writes N (default 200) small filled workbooks with exceljs in memory, then
 * times, per workbook: (a) readWorkbook, (b) fflate inflate of every entry
 * (the floor any zip-based reader pays), (c) exceljs `workbook.xlsx.load`.
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { readWorkbook } from '../src/xlsx/read/index.js';

const SCHOOLS = ['城南小学', '实验中学', '第三中学', '东门幼儿园', '新城初级中学'];
const STATES = ['已完成', '推进中', '未开始'];

async function makeWorkbook(seed: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('一、党建工作');
  ws.addRow(['序号', '工作任务', '责任科室', '完成时限', '完成情况', '进度', '备注']);
  for (let r = 0; r < 40; r++) {
    ws.addRow([
      r + 1,
      `任务 ${seed}-${r}：${SCHOOLS[(seed + r) % SCHOOLS.length]}落实工作要点第 ${r + 1} 项，按期报送材料。`,
      '基础教育科',
      new Date(Date.UTC(2024, (r + seed) % 12, 28)),
      STATES[(seed + r) % STATES.length],
      ((seed * 7 + r * 13) % 100) / 100,
      r % 5 === 0 ? '见附件' : null,
    ]);
  }
  ws.getColumn(4).numFmt = 'yyyy"年"m"月"d"日"';
  ws.getColumn(6).numFmt = '0%';
  ws.mergeCells('A43:G43');
  ws.getCell('E2').dataValidation = { type: 'list', formulae: ['"已完成,推进中,未开始"'] };
  wb.addWorksheet('说明').getCell('A1').value = '填报说明：请勿修改表头。';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** fflate's unzipSync inflates every entry (inflateSync each) with no checks: the least any zip reader pays. */
function unzipFloor(bytes: Uint8Array): number {
  let total = 0;
  for (const data of Object.values(unzipSync(bytes))) total += data.length;
  return total;
}

function time(label: string, runs: number, fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${label.padEnd(38)} ${(ms / runs).toFixed(3)} ms/workbook  (${ms.toFixed(0)} ms total)`);
  return ms / runs;
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 200);
  const books: Uint8Array[] = [];
  for (let i = 0; i < n; i++) books.push(await makeWorkbook(i));
  const avgKb = books.reduce((s, b) => s + b.length, 0) / n / 1024;
  console.log(`${n} workbooks written by exceljs, ${avgKb.toFixed(1)} KB each on average; node ${process.version}`);

  // Warm up each path so JIT compilation is not counted against the first one.
  for (const b of books.slice(0, 10)) {
    readWorkbook(b);
    unzipFloor(b);
    await new ExcelJS.Workbook().xlsx.load(b as unknown as ArrayBuffer);
  }

  let cells = 0;
  time('(a) readWorkbook (this reader)', n, () => {
    for (const b of books) {
      const r = readWorkbook(b);
      if (!r.ok) throw new Error(r.issue.code);
      cells += r.workbook.sheets.reduce((s, sh) => s + sh.cells.length, 0);
    }
  });
  time('(b) unzip floor (fflate, all entries)', n, () => {
    for (const b of books) unzipFloor(b);
  });
  const start = process.hrtime.bigint();
  for (const b of books) await new ExcelJS.Workbook().xlsx.load(b as unknown as ArrayBuffer);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${'(c) exceljs workbook.xlsx.load'.padEnd(38)} ${(ms / n).toFixed(3)} ms/workbook  (${ms.toFixed(0)} ms total)`);
  console.log(`cells read by (a): ${cells} (${cells / n} per workbook)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
