/**
 * Which ExcelApi requirement sets the running Excel has, and what each of our
 * features needs. Volume-licensed Excel 2016 has only 1.1 and 2019 up to 1.7,
 * so every feature above 1.1 must be optional.
 */
import type { OfficeEnv } from './env.js';

/** Feature → the ExcelApi minor version it needs and its name for the pane. */
export const FEATURES = {
  merges: { minor: 2, zh: '合并单元格' },
  columnWidths: { minor: 2, zh: '列宽和行高' },
  cellLocking: { minor: 2, zh: '单元格锁定' },
  protection: { minor: 2, zh: '工作表保护' },
  sheetVisibility: { minor: 2, zh: '隐藏工作表（元数据工作表 _taizhang 会保持可见，请勿修改它）' },
  definedNames: { minor: 4, zh: '工作簿名称（TZ_P1 等）' },
  nullObjects: { minor: 4, zh: '安全读取空工作表' },
  conditionalFormats: { minor: 6, zh: '逾期标红（条件格式）' },
  protectionSelection: { minor: 7, zh: '工作表保护中的“只能选中未锁定的单元格”' },
  workbookProtection: { minor: 7, zh: '操作前检查工作簿结构是否受保护' },
  freezePanes: { minor: 7, zh: '冻结窗格' },
  tabColor: { minor: 7, zh: '工作表标签颜色' },
  hyperlinks: { minor: 7, zh: '跳转链接' },
  dataValidation: { minor: 8, zh: '下拉选项和输入提示（数据验证）' },
  pageLayout: { minor: 9, zh: '打印设置和打印标题' },
  autoFilter: { minor: 9, zh: '筛选按钮' },
  suspendScreen: { minor: 9, zh: '写入时暂停屏幕刷新' },
  fillPattern: { minor: 9, zh: '区分“无填充”和白色填充' },
  comments: { minor: 10, zh: '问题批注' },
  insertFromBase64: { minor: 13, zh: '整表插入（insertWorksheetsFromBase64）' },
  readMerges: { minor: 13, zh: '读取合并单元格' },
} as const;
export type Feature = keyof typeof FEATURES;

export interface Capabilities {
  /** Highest supported ExcelApi minor version, e.g. 13 for ExcelApi 1.13 (0 when not even 1.1). */
  minor: number;
  has(feature: Feature): boolean;
}

/** Highest minor version we ever ask about; newer sets add nothing we use. */
const MAX_MINOR = 20;

export function capabilitiesFor(minor: number): Capabilities {
  return { minor, has: (feature) => minor >= FEATURES[feature].minor };
}

/**
 * Requirement sets are cumulative, so the highest supported minor version
 * decides everything: ask upwards and stop at the first gap.
 */
export function detectCapabilities(env: Pick<OfficeEnv, 'isSetSupported'>): Capabilities {
  let minor = 0;
  while (minor < MAX_MINOR && env.isSetSupported(`1.${minor + 1}`)) minor++;
  return capabilitiesFor(minor);
}

export function apiVersion(feature: Feature): string {
  return `1.${FEATURES[feature].minor}`;
}
