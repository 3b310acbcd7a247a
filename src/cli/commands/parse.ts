/** `taizhang parse <plan> [--json]`: shows how taizhang reads a 工作要点. */
import { messageFor } from '../../core/issues.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { formatOutline } from '../../core/report/plan-outline.js';
import { loadPlan } from '../plan-input.js';
import { PLAN_READING_HELP, PLAN_READING_OPTIONS, planReadingOptions } from '../plan-options.js';
import { countBySeverity, EXIT_OK, EXIT_PROBLEMS, reportIssues } from '../report.js';

export const PARSE_HELP = `用法：taizhang parse [工作要点文件] [--json] [--task-level 级] [--columns 列=列号]

读取工作要点（.txt、.docx、.pdf；文本可为 UTF-8、UTF-16 或 GB18030 编码；旧版 .doc 和 WPS .wps 在装有 LibreOffice 时自动转换；
或任务分解表：.xlsx、.csv、含表格的 .docx），列出识别出的大项、分组、任务和其中注明的责任单位、责任人、完成时限。
不给文件时读取内置的 2024 年示例。

选项：
  --json     以 JSON 输出完整结构和问题清单（供其他程序使用）
${PLAN_READING_HELP}  -h, --help 显示本说明

退出码：0 正常；1 文件有问题（问题会逐条列出）；2 无法运行（如找不到文件）。
`;

export async function runParse(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, ...PLAN_READING_OPTIONS },
    1,
  );
  if (values.help) {
    io.stdout(PARSE_HELP);
    return EXIT_OK;
  }
  const loaded = await loadPlan(io.cwd, positionals[0], planReadingOptions(values));
  if (values.json) {
    const issues = loaded.issues.map((item) => ({ ...item, message: messageFor(item.code, item.params) }));
    const reading = loaded.reading ? { reading: loaded.reading } : {};
    io.stdout(JSON.stringify({ plan: loaded.plan, issues, source: loaded.source, ...reading }, null, 2) + '\n');
    const { errors, warnings } = countBySeverity(loaded.issues);
    return errors + warnings > 0 ? EXIT_PROBLEMS : EXIT_OK;
  }
  io.stdout(formatOutline(loaded.plan, loaded.reading));
  return reportIssues(io, loaded.issues);
}
