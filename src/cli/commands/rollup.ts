/**
 * `taizhang rollup <folder|files…> -o summary.xlsx`: checks every school file
 * and writes the bureau summary, then prints the accounting that shows every
 * file and every row is accounted for. This module only reads the options and
 * starts the check threads; the work is in rollup-run.ts, loaded after them.
 */
import { TaizhangError } from '../../core/issues.js';
import { stringOption } from '../args.js';
import { startCheckPool, stopCheckPool } from '../check-pool.js';
import { boundHeapGrowth } from '../memory-policy.js';
import type { CliIo } from '../io.js';
import { PLAN_READING_HELP } from '../plan-options.js';
import { EXIT_OK } from '../report.js';
import { jobsOption, parseRollupArgs } from './rollup-options.js';

export const ROLLUP_HELP = `用法：taizhang rollup <文件夹或文件…> [-o 汇总.xlsx] [--roster 学校名单] [--as-of 日期] [--jobs N] [--json]

把各校报送的台账汇总成一份总表：报送情况（谁交了、谁没交、谁交了两次、哪些文件打不开）、
各校各项任务完成情况、按任务统计、全部明细（注明来源文件和单元格）、问题清单。
文件夹会连同子文件夹一起读取；原文件不会被修改。

选项：
  -o, --output <文件>  汇总表（默认“工作要点标题-汇总.xlsx”，在当前目录）
  --roster <文件>      应报学校名单：文本文件每行一个学校，或第一列为学校名称的 .xlsx
  --plan <文件>        台账所依据的工作要点（默认内置的 2024 年示例）
${PLAN_READING_HELP}  --as-of <日期>       按哪一天判断是否逾期，如 2024-09-01（默认今天）
  --rules <文件>       自定义校验规则（JSON），见 README
  --jobs <N>           同时处理的文件数（默认为 CPU 核数）
  --sort <roster|rate> 汇总表中学校的顺序：roster 按名单顺序（默认），rate 按序时进度排名
  --report <文件.docx> 另写一份工作要点落实情况通报草稿（Word，按 GB/T 9704 排版；标“请填写”处需补写）
  --round <名称>       本期名称，写进汇总表标题，如 2024年第三季度（默认按判断日期，如 2024年9月）
  --previous <文件>    上期汇总表（taizhang 生成的）：加“本期变化”，两期以上加“进度趋势”
  --feedback <文件夹>  另写各校反馈：有问题学校的标注副本、反馈清单.xlsx、各校反馈消息.txt、催报消息.txt（文件夹不存在时创建）
  --resubmit-by <日期> 反馈中写明的重新报送截止日期，如 2024-09-10（不给时写“请尽快”）
  --json               以 JSON 输出统计结果（供其他程序使用）
  -h, --help           显示本说明

旧版 .xls 和 WPS .et 文件：装有 LibreOffice 时自动转换后读取，否则列为无法读取并提示另存为 .xlsx。
退出码：0 全部正常；1 有文件无法读取或填报有错误；2 无法运行。
`;

export async function runRollup(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseRollupArgs(args);
  if (values.help) {
    io.stdout(ROLLUP_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new TaizhangError('FAULT_USAGE', { detail: '缺少要汇总的文件夹或文件' });
  boundHeapGrowth();
  // Started first: the threads load their modules while this one loads its own, the plan and the file list.
  const pool = startCheckPool(jobsOption(stringOption(values, 'jobs')));
  try {
    // Loaded only now: ~0.15 s of modules (checks, summary, writer, plan reader, zod) that load while the threads start.
    const { rollupWith } = require('./rollup-run.js') as typeof import('./rollup-run.js');
    return await rollupWith(pool, values, positionals, io);
  } finally {
    await stopCheckPool(pool);
  }
}
