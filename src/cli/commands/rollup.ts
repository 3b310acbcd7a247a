/**
 * `taizhang rollup <folder|files…> -o summary.xlsx`: checks every school file
 * and writes the bureau summary, then prints the accounting that shows every
 * file and every row is accounted for.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { issue, TaizhangError } from '../../core/issues.js';
import { safeFileName } from '../../core/file-names.js';
import { indexTemplate } from '../../core/ledger/template-index.js';
import type { Plan } from '../../core/model.js';
import { rollUp, type Rollup, type SubmissionInput } from '../../core/rollup/roll-up.js';
import { buildSummarySpec } from '../../core/summary/build-summary.js';
import type { ValidationRules } from '../../core/validate/rules.js';
import { renderWorkbook } from '../../xlsx/render-workbook.js';
import { nativeRender } from '../native-deflate.js';
import { parseCommandArgs, stringOption } from '../args.js';
import { makeChecker, checkFiles, startCheckPool, stopCheckPool, type CheckPool } from '../check-files.js';
import { collectFiles, type FoundFile } from '../collect-files.js';
import { convertToXlsx, findSoffice } from '../convert-legacy.js';
import { resolvePath, writeFileAtomic } from '../files.js';
import type { CliIo } from '../io.js';
import { asOfOption, rulesOption } from '../plan-options.js';
import { loadPlan } from '../plan-input.js';
import { progressBar } from '../progress.js';
import { EXIT_OK, EXIT_PROBLEMS, reportIssues, countBySeverity } from '../report.js';
import { loadRoster } from '../roster-input.js';
import { formatAccounting } from '../rollup-report.js';

export const ROLLUP_HELP = `用法：taizhang rollup <文件夹或文件…> [-o 汇总.xlsx] [--roster 学校名单] [--as-of 日期] [--jobs N] [--json]

把各校报送的台账汇总成一份总表：报送情况（谁交了、谁没交、谁交了两次、哪些文件打不开）、
各校各项任务完成情况、按任务统计、全部明细（注明来源文件和单元格）、问题清单。
文件夹会连同子文件夹一起读取；原文件不会被修改。

选项：
  -o, --output <文件>  汇总表（默认“工作要点标题-汇总.xlsx”，在当前目录）
  --roster <文件>      应报学校名单：文本文件每行一个学校，或第一列为学校名称的 .xlsx
  --plan <文件>        台账所依据的工作要点（默认内置的 2024 年示例）
  --as-of <日期>       按哪一天判断是否逾期，如 2024-09-01（默认今天）
  --rules <文件>       自定义校验规则（JSON），见 README
  --jobs <N>           同时处理的文件数（默认为 CPU 核数）
  --json               以 JSON 输出统计结果（供其他程序使用）
  -h, --help           显示本说明

旧版 .xls 和 WPS .et 文件：装有 LibreOffice 时自动转换后读取，否则列为无法读取并提示另存为 .xlsx。
退出码：0 全部正常；1 有文件无法读取或填报有错误；2 无法运行。
`;

export interface RollupRun {
  rollup: Rollup;
  summary: Uint8Array;
  skipped: string[];
  converted: number;
}

export interface RollupRequest {
  plan: Plan;
  files: FoundFile[];
  skipped: string[];
  asOf: string;
  roster?: string[];
  rules?: ValidationRules;
  /** Check threads (see `startCheckPool`); without them the files are checked on this thread. */
  pool?: CheckPool;
  onProgress?: (done: number, total: number) => void;
}

/** The whole roll-up without printing: used by the command, the demo and the benchmark. */
export async function runRollupJob(request: RollupRequest): Promise<RollupRun> {
  const job = { plan: request.plan, asOf: request.asOf, ...(request.rules ? { rules: request.rules } : {}) };
  const inputs = await checkFiles(request.files, job, (done) => request.onProgress?.(done, request.files.length), request.pool);
  const converted = await convertLegacy(request.files, inputs, makeChecker(job));
  const index = indexTemplate(request.plan);
  const rollup = rollUp(inputs, index, { asOf: request.asOf, ...(request.roster ? { roster: request.roster } : {}) });
  const summary = await renderWorkbook(buildSummarySpec(rollup, index), nativeRender);
  return { rollup, summary, skipped: request.skipped, converted };
}

/** Re-checks old-format files through LibreOffice when it is installed; returns how many converted. */
async function convertLegacy(files: FoundFile[], inputs: SubmissionInput[], check: ReturnType<typeof makeChecker>): Promise<number> {
  const legacy = inputs.flatMap((input, i) =>
    input.result.status === 'refused' && input.result.issue.code === 'XLSX_READ_LEGACY_XLS' ? [i] : [],
  );
  if (legacy.length === 0) return 0;
  const soffice = findSoffice();
  if (!soffice) return 0;
  const bytes = await convertToXlsx(soffice, legacy.map((i) => files[i]!.path));
  let converted = 0;
  for (const i of legacy) {
    const xlsx = bytes.get(files[i]!.path);
    if (!xlsx) continue;
    const result = check(xlsx, inputs[i]!.file);
    if (result.status === 'checked') {
      const note = issue('CLI_CONVERTED_LEGACY', 'info', { file: inputs[i]!.file }, { file: inputs[i]!.file });
      inputs[i] = { ...inputs[i]!, result: { ...result, issues: [note, ...result.issues] } };
      converted += 1;
    }
  }
  return converted;
}

function jobsOption(given: string | undefined): number {
  if (given === undefined) return Math.max(1, Math.min(os.availableParallelism(), 8));
  const jobs = Number(given);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new TaizhangError('FAULT_USAGE', { detail: `--jobs 应为 1 到 64 之间的整数，而不是“${given}”` });
  return jobs;
}

function parseRollupArgs(args: string[]) {
  return parseCommandArgs(
    args,
    {
      output: { type: 'string', short: 'o' },
      roster: { type: 'string' },
      plan: { type: 'string' },
      'as-of': { type: 'string' },
      rules: { type: 'string' },
      jobs: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    Number.MAX_SAFE_INTEGER,
  );
}

export async function runRollup(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseRollupArgs(args);
  if (values.help) {
    io.stdout(ROLLUP_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new TaizhangError('FAULT_USAGE', { detail: '缺少要汇总的文件夹或文件' });
  const asOf = asOfOption(stringOption(values, 'as-of'));
  // Started first: the threads load their modules while this one loads the plan and lists the files.
  const pool = startCheckPool(jobsOption(stringOption(values, 'jobs')));
  try {
    return await rollupWith(pool, values, positionals, asOf, io);
  } finally {
    await stopCheckPool(pool);
  }
}

async function rollupWith(
  pool: CheckPool | undefined,
  values: ReturnType<typeof parseRollupArgs>['values'],
  positionals: string[],
  asOf: string,
  io: CliIo,
): Promise<number> {
  const rules = await rulesOption(io.cwd, stringOption(values, 'rules'));
  const rosterFile = stringOption(values, 'roster');
  const roster = rosterFile === undefined ? undefined : await loadRoster(io.cwd, rosterFile);
  const loaded = await loadPlan(io.cwd, stringOption(values, 'plan'));
  if (countBySeverity(loaded.issues).errors > 0) return reportIssues(io, loaded.issues);

  const output = resolvePath(io.cwd, stringOption(values, 'output') ?? `${safeFileName(loaded.plan.title)}-汇总.xlsx`);
  const { files, skipped } = collectFiles(io.cwd, positionals, [output, ...(rosterFile ? [rosterFile] : [])]);
  const progress = progressBar(io, files.length, '汇总中');
  const run = await runRollupJob({
    plan: loaded.plan,
    files,
    skipped,
    asOf,
    ...(roster ? { roster } : {}),
    ...(rules ? { rules } : {}),
    ...(pool ? { pool } : {}),
    onProgress: (done) => progress.update(done),
  });
  progress.finish();
  await writeFileAtomic(output, run.summary);

  const { accounting } = run.rollup;
  if (values.json) {
    const schools = run.rollup.schools.map((s) => ({ name: s.name, status: s.status, roster: s.roster, files: s.files }));
    io.stdout(JSON.stringify({ output, asOf, accounting, skipped, converted: run.converted, schools, taskStats: run.rollup.taskStats }, null, 2) + '\n');
  } else {
    io.stdout(formatAccounting(run.rollup, skipped, run.converted));
    io.stdout(`已生成汇总表：${path.relative(io.cwd, output) || output}\n`);
  }
  const errorRows = run.rollup.problems.filter((p) => p.severity === 'error').length;
  return accounting.filesRefused > 0 || errorRows > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
