/**
 * Benchmark of renderWorkbook: the seed ledger template, a 2,000-school bureau
 * summary (synthetic ledgers on the seed plan: ~28,000 明细 rows × 17 columns)
 * and a plain 30,000-row sheet. Prints time and heap; asserts nothing.
 * Run (no ts-node here; compile just this file and what it imports into .tmp/):
 *
 *   npx tsc --ignoreConfig scripts/bench-writer.ts --outDir .tmp/bench --rootDir . --module nodenext --moduleResolution nodenext \
 *     --target es2022 --esModuleInterop --skipLibCheck --types node && node --expose-gc .tmp/bench/scripts/bench-writer.js [schools]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import type { Ledger, LedgerCell, LedgerRow } from '../src/core/ledger/ledger-types.js';
import { indexTemplate } from '../src/core/ledger/template-index.js';
import type { Plan } from '../src/core/model.js';
import { parsePlan } from '../src/core/plan/index.js';
import { rollUp, type SubmissionInput } from '../src/core/rollup/roll-up.js';
import { buildSummarySpec } from '../src/core/summary/build-summary.js';
import { columnLetter } from '../src/core/workbook/a1.js';
import { buildTemplateSpec } from '../src/core/template/build-spec.js';
import { PILLAR_COLUMNS } from '../src/core/template/pillar-sheet.js';
import type { WorkbookSpec } from '../src/core/workbook/spec.js';
import type { ColumnKey } from '../src/core/template/constants.js';
import { STYLES } from '../src/core/template/styles.js';
import { renderWorkbook } from '../src/xlsx/render-workbook.js';
import { writeWorkbook } from '../src/xlsx/write/index.js';

const COLUMN = new Map(PILLAR_COLUMNS.map((c, i) => [c.key, i + 1]));
const STATES = ['已完成', '推进中', '未开始'];

function text(sheet: string, address: string, value: string): LedgerCell {
  return { sheet, address, type: 'string', value, text: value };
}

/** A school's ledger with every task row filled, as extraction would hand it over. */
function schoolLedger(plan: Plan, sheetNames: string[], templateId: string, school: number): Ledger {
  const rows: LedgerRow[] = [];
  plan.pillars.forEach((pillar, p) => {
    const sheet = sheetNames[p]!;
    pillar.tasks.forEach((task, t) => {
      const row = 3 + t;
      const values: Partial<Record<ColumnKey, string>> = {
        seq: String(task.no),
        task: task.title,
        measures: `第${school}校：召开专题会议，制定实施方案，落实第${task.no}项任务。`,
        unit: '党建办',
        owner: `教师${school % 97}`,
        deadline: '6月底前',
        progress: (school + t) % 3 === 0 ? '' : `已按计划推进，完成阶段性工作（${school}-${t}）。`,
        status: STATES[(school + t) % 3]!,
        taskId: task.id,
      };
      const cells = Object.fromEntries(
        Object.entries(values)
          .filter(([, v]) => v !== '')
          .map(([key, v]) => [key, text(sheet, `${columnLetter(COLUMN.get(key as ColumnKey)!)}${row}`, v)]),
      );
      rows.push({ kind: 'task', taskId: task.id, sheet, row, cells });
    });
  });
  const unit = `仪征市第${school}小学`;
  return {
    templateId,
    templateVersion: 1,
    matchedBy: 'metadata',
    info: { unit: text('填报说明', 'B3', unit), reporter: text('填报说明', 'B4', '王老师'), date: text('填报说明', 'B6', '2024-08-30') },
    infoCells: {},
    sheets: sheetNames.map((name, i) => ({ name, pillarNo: i + 1, headerRow: 2, columns: Object.fromEntries(COLUMN) })),
    rows,
  };
}

function heapMb(): number {
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Renders `runs` times; reports ms per render and the heap high-water mark sampled every 5 ms. */
async function measure(
  label: string,
  spec: WorkbookSpec,
  runs: number,
  render: (spec: WorkbookSpec) => Promise<Uint8Array> = renderWorkbook,
): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = heapMb();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, heapMb())), 5);
  const start = process.hrtime.bigint();
  let bytes: Uint8Array = new Uint8Array();
  for (let i = 0; i < runs; i++) {
    bytes = await render(spec);
    peak = Math.max(peak, heapMb());
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / runs;
  clearInterval(timer);
  const unzipStart = process.hrtime.bigint();
  unzipSync(bytes);
  const unzipMs = Number(process.hrtime.bigint() - unzipStart) / 1e6;
  const rss = process.memoryUsage().rss / 1024 / 1024;
  console.log(
    `${label.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms  ${(bytes.length / 1024).toFixed(0).padStart(6)} KB  ` +
      `heap +${(peak - base).toFixed(0)} MB (peak ${peak.toFixed(0)} MB, rss ${rss.toFixed(0)} MB)  unzip ${unzipMs.toFixed(1)} ms`,
  );
}

function bigSheetSpec(rows: number): WorkbookSpec {
  return {
    templateId: 'bench',
    templateVersion: 1,
    title: 'bench',
    styles: STYLES,
    definedNames: [],
    lockStructure: false,
    sheets: [
      {
        name: '明细',
        kind: 'summary',
        state: 'visible',
        columns: Array.from({ length: 17 }, (_, i) => ({ key: `c${i}`, header: `列${i}`, width: 12, locked: true, wrap: true, hidden: false })),
        rows: Array.from({ length: rows }, (_, r) => ({
          row: r + 1,
          cells: Array.from({ length: 17 }, (_, c) => ({ col: c + 1, value: c % 4 === 0 ? r * 17 + c : `学校${r % 2000} 第${c}列 文本`, style: 'fixed' })),
        })),
        merges: [],
        validations: [],
        conditionalFormats: [],
      },
    ],
  };
}

async function main(): Promise<void> {
  const schools = Number(process.argv[2] ?? 2000);
  const seed = path.join(__dirname, '..', '..', '..', 'seeds', 'yizheng-2024-party-building-plan.txt');
  const { plan } = parsePlan(fs.readFileSync(seed, 'utf8'));
  const index = indexTemplate(plan);
  console.log(`node ${process.version}; seed plan: ${plan.pillars.reduce((n, p) => n + p.tasks.length, 0)} tasks`);

  const template = buildTemplateSpec(plan, { unit: '仪征市实验小学' });
  await renderWorkbook(template); // warm-up
  await measure('seed ledger template (×20)', template, 20);

  const inputs: SubmissionInput[] = Array.from({ length: schools }, (_, i) => ({
    file: `仪征市第${i + 1}小学.xlsx`,
    result: { status: 'checked', ledger: schoolLedger(plan, index.sheetNames, index.templateId, i + 1), issues: [] },
  }));
  const summary = buildSummarySpec(rollUp(inputs, index, { asOf: '2024-09-01' }), index);
  const detail = summary.sheets.reduce((m, s) => (s.rows.length > m.rows.length ? s : m));
  console.log(`summary: ${schools} schools, largest sheet ${detail.name}: ${detail.rows.length} rows × ${detail.columns.length} columns`);
  await measure(`summary, ${schools} schools`, summary, 1);
  // Shared strings (the default) against inline strings, for the record.
  await measure(`summary, inline strings`, summary, 1, async (s) => writeWorkbook(s, { strings: 'inline' }));

  await measure('30,000-row sheet × 17 columns', bigSheetSpec(30_000), 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
