/**
 * The ledger (台账) template's fixed facts: its version, column keys, 状态
 * choices, sheet names and rows. The submission reader finds columns and
 * tasks through these keys and names, never by letter or position.
 */

/** Bumped whenever the layout changes in a way a reader must know about. */
export const TEMPLATE_VERSION = 1;

/** Column keys of a pillar sheet, in sheet order. Readers find columns by key, never by letter. */
export const COLUMN_KEYS = [
  'seq',
  'task',
  'requirement',
  'measures',
  'unit',
  'owner',
  'deadline',
  'progress',
  'status',
  'remark',
  'taskId',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** The 状态 choices, in the order offered in the drop-down. */
export const STATUS_VALUES = ['未开始', '推进中', '已完成'] as const;
export type StatusValue = (typeof STATUS_VALUES)[number];
export const STATUS_DONE: StatusValue = '已完成';

export const INSTRUCTIONS_SHEET_NAME = '填报说明';
export const META_SHEET_NAME = '_taizhang';
/** A very hidden sheet that marks a workbook as a taizhang summary, so it is never taken for a school's ledger. */
export const SUMMARY_MARKER_SHEET_NAME = '_taizhang_summary';
/** Rows above the first task row on a pillar sheet: the merged title and the header. */
export const PILLAR_TITLE_ROW = 1;
export const PILLAR_HEADER_ROW = 2;
export const PILLAR_FIRST_TASK_ROW = 3;
/** Prefix of the workbook-scoped names pointing at pillar sheets: `TZ_P1` → '一、…'!$A$1. */
export const PILLAR_NAME_PREFIX = 'TZ_P';
