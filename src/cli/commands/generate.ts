/** `taizhang generate [plan] -o <out.xlsx> [--unit 单位名称]`: writes the standard tracking workbook. */
import * as path from 'node:path';
import { generateLedger } from '../../app/generate-ledger.js';
import { ledgerFileName } from '../../core/file-names.js';
import { ledgerSize } from '../../core/report/wording.js';
import { nativeRender } from '../native-deflate.js';
import { parseCommandArgs, stringOption } from '../args.js';
import { printable } from '../display-name.js';
import { resolvePath } from '../files.js';
import { claimOutput } from '../output-guard.js';
import type { CliIo } from '../io.js';
import { loadPlan } from '../plan-input.js';
import { PLAN_READING_HELP, PLAN_READING_OPTIONS, planReadingOptions } from '../plan-options.js';
import { countBySeverity, EXIT_OK, EXIT_PROBLEMS, reportIssues } from '../report.js';
import { runGenerateFrom } from './generate-from.js';

export const GENERATE_HELP = `用法：taizhang generate [工作要点文件] [-o 台账.xlsx] [--unit 单位名称] [--from 上期台账.xlsx]

按工作要点生成标准工作台账（.xlsx）：填报说明一张表，每个大项一张表，每项任务一行，
含责任单位、责任人、完成时限、完成情况、状态等列，带下拉选项、填写提示和打印设置。
不给文件时使用内置的 2024 年示例。

选项：
  -o, --output <文件>  输出文件（默认：“工作要点标题-台账.xlsx”，在当前目录）
  --unit <单位名称>    预先填好“填报单位”（如 仪征市实验小学）
  --from <上期台账>    用本单位上期报送的台账生成本期台账：带入上期所填的具体举措、
                       责任单位、责任人、完成时限、完成情况、状态、备注和插入的行，
                       以及填报单位、填报人；填报日期清空。工作要点换了（如新一年），
                       按任务编号和任务名称对应，对应不上的逐条列出
                       （默认输出：“工作要点标题-填报单位-台账.xlsx”）
${PLAN_READING_HELP}  -h, --help           显示本说明

输出文件先写入临时文件再替换，已有文件不会被写坏。
退出码：0 正常；1 工作要点有问题（仍生成时会说明）；2 无法运行。
`;

export async function runGenerate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { output: { type: 'string', short: 'o' }, unit: { type: 'string' }, from: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...PLAN_READING_OPTIONS },
    1,
  );
  if (values.help) {
    io.stdout(GENERATE_HELP);
    return EXIT_OK;
  }
  const loaded = await loadPlan(io.cwd, positionals[0], planReadingOptions(values));
  const exitCode = reportIssues(io, loaded.issues);
  if (countBySeverity(loaded.issues).errors > 0) {
    io.stderr('工作要点有错误，未生成台账。请按上面的提示修改后重试。\n');
    return EXIT_PROBLEMS;
  }
  const from = stringOption(values, 'from');
  if (from !== undefined) {
    const carried = await runGenerateFrom(io, loaded, { from, output: stringOption(values, 'output'), unit: stringOption(values, 'unit') });
    return exitCode === EXIT_OK ? carried : EXIT_PROBLEMS;
  }
  const output = resolvePath(io.cwd, stringOption(values, 'output') ?? ledgerFileName(loaded.plan.title));
  const shown = printable(path.relative(io.cwd, output) || output);
  // The ledger may not replace the plan it is made from, nor race another run writing the same file.
  const claim = claimOutput(output, { cwd: io.cwd, suffix: '台账', files: [loaded.file] });
  let made;
  try {
    made = await generateLedger(loaded.plan, stringOption(values, 'unit'), nativeRender);
    await claim.write(made.bytes);
  } finally {
    claim.release();
  }
  // A plan's text too long for one Excel cell is cut to fit: a warning with the plan's own.
  const cutCode = reportIssues(io, made.cut.map((item) => ({ ...item, where: { file: shown, ...item.where } })));
  io.stdout(`已生成台账：${shown}${ledgerSize(made.pillars, made.tasks)}
`);
  return exitCode === EXIT_OK && cutCode === EXIT_OK ? EXIT_OK : EXIT_PROBLEMS;
}

