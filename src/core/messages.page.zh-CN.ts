/**
 * The page's wording of the messages whose CLI wording names a command-line
 * option (`--columns`, `--plan`, `--task-level`): a clerk in the page has the
 * page's controls instead, named here as the page labels them. The page (and
 * the add-ins, which share it) switch to these with useMessageVariants; the
 * CLI keeps messages.zh-CN.ts. Same placeholders as the CLI message.
 */
import type { MessageCode } from './messages.zh-CN.js';

const COLUMNS = '上方“任务分解表的列”';

export const PAGE_MESSAGES_ZH_CN: Partial<Record<MessageCode, string>> = {
  PLAN_NO_TASKS:
    '找到 {pillars} 个大项，但其下没有编号的任务：共 {paragraphs} 段文字，{numbered} 个“（一）”“1.”“（1）”编号段落{unread}。' +
    '请确认每项任务单独成段，并以“1.”“（一）”等编号开头；任务若在另一级编号上，请在上方“任务在哪一级”中选择。',
  PLAN_TABLE_COLUMN: `表格第 {column} 列“{header}”作为“{role}”列。如不对，请在${COLUMNS}中填写 {role}=列号 改选（没有这一列写“{role}=无”）。`,
  PLAN_TABLE_COLUMN_MISSING: `指定给“{role}”的列“{column}”不在表格中（表头共 {count} 列）。请检查${COLUMNS}中填写的列号。`,
  PLAN_TABLE_NO_HEADER:
    '“{sheet}”是一张表格，但前 {rows} 行中没有找到任务表的表头（如“序号”“工作任务”“工作内容”“责任单位”“完成时限”）。' +
    `请确认任务分解表有一行表头，或在${COLUMNS}中填写 工作任务=B 等指定各列。`,
  PLAN_TABLE_NO_TASK_COLUMN: `表头（{headers}）中没有“工作任务”“重点任务”“工作内容”这类列，无法确定任务写在哪一列。请在${COLUMNS}中填写 工作任务=B 指定。`,
  LEDGER_OTHER_PLAN:
    '文件“{file}”是按另一份工作要点（“{planTitle}”）生成的台账，与本次的工作要点不一致。请用本次下发的台账模板重新填报，或在“依据哪份工作要点”中选择对应的工作要点文件。',
  ROUND_PREVIOUS_OTHER_PLAN:
    '“{file}”是另一份工作要点（“{planTitle}”）的汇总表，不能与本次比较，没有开始汇总。请在“上期汇总表”中选本工作要点上一期的汇总表，或在“依据哪份工作要点”中选择对应的工作要点文件。',
  ROUND_PREVIOUS_NO_ROUNDS:
    '“{file}”是旧版 taizhang 生成的汇总表，其中没有记录各期数据，不能作为上期比较，没有开始汇总。请用新版把上期的报送文件重新汇总一次（判断日期填上期的日期），再把得到的汇总表选作“上期汇总表”。',
  FAULT_RULES_INVALID: '校验规则文件“{file}”有误：{detail}。请对照 README 中的规则说明修改，或不使用规则文件，按默认规则校验。',
};
