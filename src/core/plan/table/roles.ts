/**
 * The columns of a task table (任务分解表) and how their headers are written:
 * 序号 / 类别 / 工作任务（重点任务）/ 工作内容（具体措施）/ 责任单位（牵头单位、配合单位）/
 * 配合单位 / 责任人 / 完成时限. The clerk can override what was recognised
 * (`--columns 责任单位=E,完成时限=F`); the override is read here too, so the
 * page and the CLI accept the same text.
 */
import { columnLetter as a1Letter } from '../../workbook/a1.js';

export type ColumnRole = 'seq' | 'pillar' | 'task' | 'content' | 'units' | 'cooperating' | 'owners' | 'deadline';

/** Column index (0-based) per role; `null` means "this table has no such column" (`责任单位=无`). */
export type ColumnChoice = Partial<Record<ColumnRole, number | null>>;

/** The name each role goes by in messages and in `--columns`. */
export const ROLE_NAME: Record<ColumnRole, string> = {
  seq: '序号',
  pillar: '类别',
  task: '工作任务',
  content: '工作内容',
  units: '责任单位',
  cooperating: '配合单位',
  owners: '责任人',
  deadline: '完成时限',
};

/** Header text → role, in this order: `责任单位（牵头单位、配合单位）` is 责任单位, `重点工作类别` is 类别. */
const HEADER_PATTERNS: [ColumnRole, RegExp][] = [
  ['seq', /^(序号|编号|序|No\.?)$/i],
  ['pillar', /(类别|类型|大项|板块|领域|一级指标|工作方面)/],
  ['cooperating', /^(配合|协办|协同|参与)(单位|部门|科室|处室|股室)/],
  ['units', /(责任|牵头|承办|落实|实施|主办)(单位|部门|科室|处室|股室)/],
  ['owners', /(责任人|负责人|责任领导|分管领导|联系人)/],
  ['deadline', /(^时间$|完成时限|完成时间|时间节点|时限|时间安排|完成期限|推进时间|进度安排|完成时段)/],
  ['content', /(工作内容|具体措施|工作措施|主要措施|具体内容|主要内容|工作要求|目标要求|具体举措|推进措施|落实举措|实施内容|工作目标)/],
  ['task', /(任务|重点工作|工作事项|工作项目|项目名称|工作名称)/],
];

export function roleOfHeader(text: string): ColumnRole | undefined {
  const t = text.replace(/\s+/g, '');
  if (!t || t.length > 30) return undefined;
  return HEADER_PATTERNS.find(([, pattern]) => pattern.test(t))?.[0];
}

/** Names accepted in `--columns` for each role. */
const ROLE_ALIASES: [ColumnRole, RegExp][] = [
  ['seq', /^(序号|编号|seq)$/i],
  ['pillar', /^(类别|大项|类型|板块|pillar)$/i],
  ['task', /^(工作任务|任务|重点任务|task)$/i],
  ['content', /^(工作内容|内容|具体措施|措施|工作要求|content)$/i],
  ['units', /^(责任单位|牵头单位|责任部门|责任科室|units?)$/i],
  ['cooperating', /^(配合单位|协办单位|配合部门|cooperating)$/i],
  ['owners', /^(责任人|负责人|owners?)$/i],
  ['deadline', /^(完成时限|时限|完成时间|deadline)$/i],
];

/** `A` → 0, `AB` → 27, `3` → 2 (1-based numbers are accepted too); undefined for anything else. */
export function columnIndex(text: string): number | undefined {
  const t = text.trim().toUpperCase();
  if (/^[0-9]{1,3}$/.test(t)) return Number(t) > 0 ? Number(t) - 1 : undefined;
  if (!/^[A-Z]{1,2}$/.test(t)) return undefined;
  let n = 0;
  for (const ch of t) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0 → `A`, 27 → `AB`. */
export function columnLetter(index: number): string {
  return a1Letter(index + 1);
}

/** Reads `责任单位=E,完成时限=F,类别=无` (also `；` or spaces between, `：` for `=`); the error says what was wrong. */
export function parseColumnChoice(text: string): { choice: ColumnChoice } | { error: string } {
  const choice: ColumnChoice = {};
  for (const part of text.split(/[,，;；\s]+/).filter(Boolean)) {
    const m = /^([^=＝:：]+)[=＝:：](.+)$/.exec(part);
    if (!m) return { error: `“${part}”应写成“列名=列号”，如“责任单位=E”` };
    const role = ROLE_ALIASES.find(([, pattern]) => pattern.test(m[1]!.trim()))?.[0];
    if (!role) return { error: `不认识的列名“${m[1]}”，可用：${Object.values(ROLE_NAME).join('、')}` };
    const value = m[2]!.trim();
    if (/^(无|none|-)$/i.test(value)) {
      choice[role] = null;
      continue;
    }
    const index = columnIndex(value);
    if (index === undefined) return { error: `“${part}”中的列号“${value}”无效，请写列字母（如 E）或第几列（如 5）` };
    choice[role] = index;
  }
  return { choice };
}
