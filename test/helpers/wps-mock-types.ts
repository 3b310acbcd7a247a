/** The state behind the WPS 表格 mock (wps-mock.ts): plain data the tests inspect. */

export interface MockCell {
  /** A number, text, boolean; a formula's cached result; an error as Excel's CVErr code. */
  value: string | number | boolean | null | undefined;
  formula?: string;
  format: string;
  /** BGR. */
  fill: number;
  pattern: number;
  locked: boolean;
  comment?: string;
}

export interface MockValidation {
  address: string;
  type: number;
  formula1?: string;
  formula2?: string;
  [field: string]: unknown;
}

export interface MockSheet {
  name: string;
  visible: number;
  cells: Map<string, MockCell>;
  merges: string[];
  validations: MockValidation[];
  formatConditions: { address: string; type: number; formula1?: string; Interior: { Color?: number }; Font: { Color?: number } }[];
  pageSetup: Record<string, unknown>;
  tab: { Color?: number };
  protection?: { password: string; options: Record<string, boolean> };
  enableSelection: number;
  links: { cell: string; address: string; subAddress: string; text: string }[];
  columns: Map<number, { width?: number; hidden?: boolean }>;
  rowHeights: Map<number, number>;
  autoFilter?: string;
  /** Style properties set, per range: `{ address, prop, value }`. */
  styles: { address: string; prop: string; value: unknown }[];
}

export interface MockWorld {
  sheets: MockSheet[];
  names: { Name: string; RefersTo: string }[];
  protectStructure: boolean;
  displayAlerts: boolean;
  screenUpdating: boolean;
  /** Confirmation dialogs a Delete with DisplayAlerts on would have shown. */
  prompts: number;
  counts: Map<string, number>;
  failures: Map<string, number>;
  active: MockSheet | undefined;
  split?: { rows: number; columns: number };
  /** Per sheet (by object: it may be renamed afterwards). */
  freezes: { sheet: MockSheet; rows: number; columns: number }[];
  selected?: { sheet: string; address: string };
  date1904: boolean;
  call?: (kind: string) => void;
}

export const WHITE = 0xffffff;
export const PATTERN_NONE = -4142;

export function blankSheet(name: string): MockSheet {
  return {
    name,
    visible: -1,
    cells: new Map(),
    merges: [],
    validations: [],
    formatConditions: [],
    pageSetup: {},
    tab: {},
    enableSelection: 0,
    links: [],
    columns: new Map(),
    rowHeights: new Map(),
    styles: [],
  };
}

export function blankCell(): MockCell {
  return { value: undefined, format: 'General', fill: WHITE, pattern: PATTERN_NONE, locked: true };
}
