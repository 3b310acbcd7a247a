/**
 * The short form of a problem for a message pasted into a 企业微信 or QQ
 * group: what is wrong and the fix in a few words (`责任人未填`), where the
 * 校验结果 sheet and the annotated copy give the full sentence. A code without
 * a short form keeps its full message, so nothing is ever dropped.
 */
import { fillTemplate, messageFor, type Params } from '../issues.js';

const SHORT: Readonly<Record<string, string>> = {
  VALIDATE_INFO_UNIT_MISSING: '填报单位未填',
  VALIDATE_INFO_REPORTER_MISSING: '填报人未填',
  VALIDATE_INFO_PHONE_MISSING: '联系电话未填',
  VALIDATE_INFO_PHONE_INVALID: '联系电话“{value}”有误，请填 11 位手机号或带区号的固定电话',
  VALIDATE_INFO_DATE_MISSING: '填报日期未填',
  VALIDATE_INFO_DATE_INVALID: '填报日期“{value}”请写成“2024年6月30日”这样的年月日',
  VALIDATE_UNIT_MISSING: '责任单位未填',
  VALIDATE_OWNER_MISSING: '责任人未填',
  VALIDATE_OWNER_DIGITS: '责任人“{value}”含数字，请只填姓名',
  VALIDATE_DEADLINE_MISSING: '完成时限未填',
  VALIDATE_DEADLINE_UNKNOWN: '完成时限“{value}”无法识别，请写成“6月底前”“2024年6月30日”等',
  VALIDATE_DEADLINE_OUTSIDE_WINDOW: '完成时限“{value}”不在本年度内，请核对年份',
  VALIDATE_STATUS_MISSING: '状态未选，请从下拉列表选择',
  VALIDATE_STATUS_INVALID: '状态“{value}”请从下拉列表选择',
  VALIDATE_PROGRESS_MISSING: '状态为“{status}”但完成情况未填',
  VALIDATE_OVERDUE: '已过完成时限，状态仍为“{status}”，请更新状态或写明原因',
  VALIDATE_COLUMN_MISSING: '缺少“{column}”列，请恢复模板的列',
  VALIDATE_TASK_MISSING: '任务 {taskNo}“{title}”被删除，请恢复这一行',
  VALIDATE_TASK_DUPLICATE: '任务 {taskNo} 重复，请合并到第一次出现的行',
  VALIDATE_TASK_TITLE_CHANGED: '第 {taskNo} 项的工作任务被改动，请恢复原文',
  VALIDATE_TASK_BODY_CHANGED: '第 {taskNo} 项的工作要求被改动，请恢复原文',
  VALIDATE_ORPHAN_ROW: '第 {row} 行不属于任何任务，请删除或移到对应任务下方',
  VALIDATE_FORMULA_PREFIX: '“{value}”开头的符号请删去',
};

/** A school's own text inside a message: at most this many characters, then `…`. */
const VALUE_MAX = 12;

function shortened(params: Params): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries(params)) {
    const text = String(value).replace(/\s+/g, ' ').trim();
    out[key] = [...text].length > VALUE_MAX ? `${[...text].slice(0, VALUE_MAX).join('')}…` : text;
  }
  return out;
}

/** The fix in a few words; the full message (without its final `。`) when the code has no short form. */
export function fixPhrase(code: string, params: Params): string {
  const short = SHORT[code];
  const text = short !== undefined ? fillTemplate(short, shortened(params)) : messageFor(code, params);
  return text.replace(/[。；;\s]+$/u, '');
}
