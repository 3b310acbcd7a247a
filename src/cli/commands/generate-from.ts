/**
 * `taizhang generate --from 上期报送.xlsx`: this round's ledger, made from the
 * plan with what the school submitted last round already written in. The
 * output is named for the school; it never replaces the previous file (when
 * the usual name is that file, `-本期` is added).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { carryForwardLedger } from '../../app/carry-forward-ledger.js';
import { carriedPhrase, ledgerSize } from '../../core/report/wording.js';
import { nativeRead } from '../native-inflate.js';
import { nativeRender } from '../native-deflate.js';
import { printable } from '../display-name.js';
import { resolvePath } from '../files.js';
import { claimOutput } from '../output-guard.js';
import type { CliIo } from '../io.js';
import type { CliLoadedPlan } from '../plan-input.js';
import { EXIT_OK, EXIT_PROBLEMS, reportIssues } from '../report.js';
import { readNamedSubmission } from '../safe-read.js';

export interface GenerateFromJob {
  from: string;
  output?: string | undefined;
  unit?: string | undefined;
}

function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** The default output in the working folder, stepping aside from the previous file when it has that name. */
function defaultOutput(cwd: string, fileName: string, previous: string): string {
  const usual = resolvePath(cwd, fileName);
  return sameFile(usual, previous) ? usual.replace(/\.xlsx$/i, '-本期.xlsx') : usual;
}

export async function runGenerateFrom(io: CliIo, loaded: CliLoadedPlan, job: GenerateFromJob): Promise<number> {
  const input = resolvePath(io.cwd, job.from);
  const name = path.basename(job.from);
  const read = readNamedSubmission(input, name);
  const result =
    'issue' in read
      ? { ok: false as const, issue: read.issue }
      : await carryForwardLedger(loaded.plan, { name, bytes: read.bytes }, { unit: job.unit ?? '', render: nativeRender, platform: nativeRead });
  if (!result.ok) {
    reportIssues(io, [result.issue]);
    io.stderr('上期台账无法读取，未生成本期台账。请确认选择的是本单位上期报送的台账文件。\n');
    return EXIT_PROBLEMS;
  }
  const made = result.ledger;
  const output = job.output !== undefined ? resolvePath(io.cwd, job.output) : defaultOutput(io.cwd, made.fileName, input);
  const shown = printable(path.relative(io.cwd, output) || output);
  // Neither the plan nor the previous ledger may be replaced.
  const claim = claimOutput(output, { cwd: io.cwd, suffix: '本期台账', files: [loaded.file, input] });
  try {
    await claim.write(made.bytes);
  } finally {
    claim.release();
  }
  const issues = [...made.issues, ...made.cut.map((item) => ({ ...item, where: { file: shown, ...item.where } }))];
  const code = reportIssues(io, issues);
  io.stdout(`已用上期台账“${printable(name)}”生成本期台账：${shown}${ledgerSize(made.pillars, made.tasks)}\n`);
  io.stdout(`${carriedPhrase(made.carriedTasks, made.carriedExtras, made.leftOut)}\n`);
  return code === EXIT_OK ? EXIT_OK : EXIT_PROBLEMS;
}
