/** `taizhang validate <file.xlsx>`: checks a filled-in ledger and reports every problem by sheet and cell. */
import * as path from 'node:path';
import { messageFor, TaizhangError } from '../../core/issues.js';
import { checkAgainstPlan, type SubmissionCheck } from '../../app/check-submission.js';
import { checkHeadline, quotedFile, verdict } from '../../core/report/wording.js';
import { parseCommandArgs, stringOption } from '../args.js';
import { printable } from '../display-name.js';
import { resolvePath } from '../files.js';
import { claimOutput, type OutputClaim } from '../output-guard.js';
import { readNamedSubmission } from '../safe-read.js';
import type { CliIo } from '../io.js';
import { formatIssuesBySheet } from '../issue-report.js';
import { PLAN_READING_HELP, PLAN_READING_OPTIONS, asOfOption, planReadingOptions, rulesOption } from '../plan-options.js';
import { nativeRead } from '../native-inflate.js';
import { loadPlan, type CliLoadedPlan } from '../plan-input.js';
import type { ValidationRules } from '../../core/validate/rules.js';
import { countBySeverity, EXIT_OK, EXIT_PROBLEMS, reportIssues } from '../report.js';

export const VALIDATE_HELP = `用法：taizhang validate <台账.xlsx> [--plan 工作要点] [--as-of 日期] [--rules 规则.json] [-o 标注副本.xlsx] [--json]

检查学校填好的台账：填报单位信息、每项任务的责任单位、责任人、完成时限、状态、完成情况，
是否漏了任务、改了任务原文、是否逾期等，逐条说明在哪张表、哪个单元格、怎么改。
原文件不会被修改。

选项：
  --plan <文件>       台账所依据的工作要点（默认内置的 2024 年示例）
${PLAN_READING_HELP}  --as-of <日期>      按哪一天判断是否逾期，如 2024-09-01（默认今天）
  --rules <文件>      自定义校验规则（JSON），见 README
  -o, --output <文件> 另存一份标注副本：问题单元格标色并加批注，首页“校验结果”列出全部问题并可点击跳转
  --json              以 JSON 输出问题清单
  -h, --help          显示本说明

退出码：0 没有错误（可能有警告）；1 有错误或文件无法读取；2 无法运行。
`;

export async function runValidate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      plan: { type: 'string' },
      'as-of': { type: 'string' },
      rules: { type: 'string' },
      output: { type: 'string', short: 'o' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      ...PLAN_READING_OPTIONS,
    },
    1,
  );
  if (values.help) {
    io.stdout(VALIDATE_HELP);
    return EXIT_OK;
  }
  const given = positionals[0];
  if (given === undefined) throw new TaizhangError('FAULT_USAGE', { detail: '缺少要校验的台账文件' });
  const asOf = asOfOption(stringOption(values, 'as-of'));
  const rules = await rulesOption(io.cwd, stringOption(values, 'rules'));
  const loaded = await loadPlan(io.cwd, stringOption(values, 'plan'), planReadingOptions(values));
  if (countBySeverity(loaded.issues).errors > 0) return reportIssues(io, loaded.issues);

  const input = resolvePath(io.cwd, given);
  const name = path.basename(given);
  // Before any work: the annotated copy may not replace the ledger, the plan or the rules (see output-guard.ts).
  const claim = claimAnnotatedCopy(io.cwd, stringOption(values, 'output'), [input, loaded.file, ...optionalPath(io.cwd, stringOption(values, 'rules'))]);
  try {
    return await validateFile({ io, input, name, loaded, asOf, json: Boolean(values.json), claim, ...(rules ? { rules } : {}) });
  } finally {
    claim?.release();
  }
}

interface ValidateJob {
  io: CliIo;
  input: string;
  name: string;
  loaded: CliLoadedPlan;
  asOf: string;
  rules?: ValidationRules;
  json: boolean;
  claim: OutputClaim | undefined;
}

async function validateFile({ io, input, name, loaded, asOf, rules, json, claim }: ValidateJob): Promise<number> {
  const read = readNamedSubmission(input, name);
  const bytes = 'bytes' in read ? read.bytes : new Uint8Array();
  const check: SubmissionCheck =
    'issue' in read ? { status: 'refused', file: name, issue: read.issue } : checkAgainstPlan(loaded.plan, { name, bytes }, { asOf, platform: nativeRead, ...(rules ? { rules } : {}) });
  const issues = check.status === 'refused' ? [check.issue] : check.issues;
  const { errors, warnings } = countBySeverity(issues);

  if (json) {
    const list = issues.map((item) => ({ ...item, message: messageFor(item.code, item.params) }));
    io.stdout(JSON.stringify({ file: name, status: check.status, asOf, issues: list }, null, 2) + '\n');
  } else {
    io.stdout(checkHeadline(quotedFile(printable(name)), loaded.plan.title, asOf) + '\n');
    io.stdout(formatIssuesBySheet(issues));
    io.stdout(verdict({ errors, warnings }) + '\n');
  }

  if (claim !== undefined) {
    if (check.status === 'refused') {
      io.stderr('文件无法读取，未生成标注副本。\n');
    } else {
      const target = claim.file;
      // The copy's writing code only when a copy is asked for: plain validation loads less.
      const { annotateSubmission } = require('../../app/annotate-submission.js') as typeof import('../../app/annotate-submission.js');
      const annotated = await annotateSubmission(bytes, check, asOf);
      await claim.write(annotated.bytes);
      io.stdout(`已另存标注副本：${printable(path.relative(io.cwd, target) || target)}（${annotated.note}）\n`);
    }
  }
  return errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function claimAnnotatedCopy(cwd: string, output: string | undefined, inputs: string[]): OutputClaim | undefined {
  return output === undefined ? undefined : claimOutput(resolvePath(cwd, output), { cwd, suffix: '标注', files: inputs });
}

const optionalPath = (cwd: string, given: string | undefined): string[] => (given === undefined ? [] : [resolvePath(cwd, given)]);
