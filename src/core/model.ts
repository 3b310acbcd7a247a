/**
 * The domain model of a 工作要点 (work plan). These zod schemas are the single
 * definition of the model: TypeScript types are inferred from them, and data
 * that crosses a boundary (JSON from the CLI, metadata read back from a
 * workbook) is checked against them.
 */
import { z } from 'zod';

/** An ISO calendar date, `YYYY-MM-DD`. Dates stay strings so the model is plain JSON. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export type IsoDate = z.infer<typeof IsoDate>;

/** Responsibility and deadline notes written inline at the end of a task, e.g. `（责任科室：基础教育科；2025年6月底前）`. */
export const TaskNotes = z.object({
  /** Units responsible (责任单位/责任科室/牵头单位), in document order. */
  units: z.array(z.string()),
  /** Units that help (配合单位/协办单位). */
  cooperatingUnits: z.array(z.string()),
  /** The deadline exactly as written in the note, to prefill 完成时限. */
  deadline: z.string().optional(),
  /** People responsible (责任人, or a bare `（杨）` after the task), to prefill 责任人; absent when none. */
  owners: z.array(z.string()).optional(),
  /** The note text as found, including its brackets (for a table: the cells it came from). */
  raw: z.string(),
});
export type TaskNotes = z.infer<typeof TaskNotes>;

export const Task = z.object({
  /** Stable id used to match workbook rows back to the plan, e.g. `P2T5` or `P1G2T1`. */
  id: z.string(),
  /** The number as written in the document (`5.` → 5). */
  no: z.number().int(),
  /** First sentence (to the first 。), tidied for display. */
  title: z.string(),
  /** The rest of the paragraph, tidied for display; the inline note is removed. */
  body: z.string(),
  /** The whole paragraph as it stood in the source, page-break joins healed but otherwise untouched. */
  source: z.string(),
  /** 1-based source line where the task starts. */
  line: z.number().int(),
  /** Index into the pillar's groups when the plan has （一） groups: the nearest heading above the task. */
  group: z.number().int().optional(),
  notes: TaskNotes.optional(),
});
export type Task = z.infer<typeof Task>;

export const Group = z.object({
  /** `（二）` → 2 (or `2.` → 2 when the tasks are `（1）` and `1.` are headings over them). */
  no: z.number().int(),
  title: z.string(),
  line: z.number().int(),
  /** Unnumbered text under the heading (`（一）党建工作` then 切实加强……), tidied. */
  description: z.string().optional(),
  /** In a four-level plan: index into the pillar's groups of the `（一）` heading this `1.` heading sits under. */
  parent: z.number().int().optional(),
});
export type Group = z.infer<typeof Group>;

export const Pillar = z.object({
  /** `三、` → 3. */
  no: z.number().int(),
  /** The numeral as written, `三`. */
  numeral: z.string(),
  title: z.string(),
  line: z.number().int(),
  /** Unnumbered text under the heading (`一、指导思想` then a paragraph), tidied. */
  description: z.string().optional(),
  groups: z.array(Group),
  tasks: z.array(Task),
});
export type Pillar = z.infer<typeof Pillar>;

export const PlanHeader = z.object({
  /** 发文机关, e.g. `中共仪征市委教育工作委员会 中共仪征市教育局委员会`. */
  issuer: z.string().optional(),
  /** 文号 normalised to `〔2024〕` brackets, e.g. `仪教委〔2024〕8号`. */
  docNumber: z.string().optional(),
  /** 成文日期. */
  issueDate: IsoDate.optional(),
  /** The notice title (关于印发…的通知). */
  noticeTitle: z.string().optional(),
  /** The attachment's title, usually the plan's own title. */
  attachmentTitle: z.string().optional(),
});
export type PlanHeader = z.infer<typeof PlanHeader>;

export const Plan = z.object({
  /** The plan's title as it should head the ledger. */
  title: z.string(),
  /** The year the plan is for; deadlines like `6月底前` are read in this year. */
  year: z.number().int(),
  header: PlanHeader,
  /** Text between the title and the first pillar (指导思想), tidied. */
  preamble: z.string().optional(),
  pillars: z.array(Pillar),
});
export type Plan = z.infer<typeof Plan>;

/** Where a problem was found. Every field is optional; a problem carries what it knows. */
export const Location = z.object({
  file: z.string().optional(),
  line: z.number().int().optional(),
  sheet: z.string().optional(),
  /** A1-style cell address. */
  cell: z.string().optional(),
  taskId: z.string().optional(),
});
export type Location = z.infer<typeof Location>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/** A domain problem, returned as data and never thrown. Its zh-CN message comes from `messages.zh-CN.ts` by code (`messageFor` in issues.ts). */
export const Issue = z.object({
  code: z.string(),
  severity: Severity,
  where: Location,
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Issue = z.infer<typeof Issue>;

/** How the document was read, for the outline: which numbering carries the tasks, or which table column holds what. */
export interface PlanReading {
  /** The level of the tasks: 2 `（一）`, 3 `1.`, 4 `（1）`. */
  taskLevel?: 2 | 3 | 4;
  /** The numbered levels found below the pillars, shallowest first. */
  levels?: (2 | 3 | 4)[];
  /** True when the task level was given by the user rather than chosen by taizhang. */
  taskLevelGiven?: boolean;
  /** A task table: the column taken for each role, e.g. `{ role: 'units', column: 'E', header: '责任单位' }`. */
  columns?: { role: string; column: string; header: string; given: boolean }[];
}

/** What the parser returns: the plan as far as it could be read, and every problem found on the way. */
export interface ParseResult {
  plan: Plan;
  issues: Issue[];
  reading?: PlanReading;
}
