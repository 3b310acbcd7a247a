/**
 * A workbook as plain data: what any reader (the values-only .xlsx reader, or
 * the Excel add-in reading a live workbook) hands to the domain. No library objects,
 * so core can map it to the ledger and validate it without knowing the source.
 */

export type CellType = 'string' | 'number' | 'boolean' | 'date' | 'error';

export interface CellSnapshot {
  /** 1-based. */
  row: number;
  /** 1-based. */
  col: number;
  /** A1-style, e.g. `G5`. */
  address: string;
  type: CellType;
  /**
   * string → text; number → the number; boolean → true/false; error → `#N/A` etc.;
   * date → the serial number in the workbook's date system (for `t="d"` cells, computed from the ISO text).
   */
  value: string | number | boolean;
  /** True for date cells (number cells styled with a date format, and `t="d"` cells). */
  isDate?: boolean;
  /** Date cells: the calendar date, `YYYY-MM-DD`. */
  iso?: string;
  /** Date cells whose value has a time of day: `HH:MM:SS`. */
  time?: string;
  /** The formula text without `=`, when the cell has one (the value is the cached result). */
  formula?: string;
  /** The number format code, for number and date cells that are not `General`. */
  numFmt?: string;
}

export interface DataValidationSnapshot {
  /** Space-separated A1 ranges as written, e.g. `C2:C200 E2:E200`; never expanded. */
  sqref: string;
  /** `list`, `whole`, `decimal`, `date`, `textLength`, `custom`, … (`none` when absent). */
  type: string;
  /** For lists: `"是,否"` (inline) or a range such as `Sheet2!$A$1:$A$5`. */
  formula1?: string;
  /** Inline list items split out of a quoted `formula1`, e.g. `['是', '否']`. */
  listItems?: string[];
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetSnapshot {
  name: string;
  state: SheetState;
  /** Sparse, sorted by row then column. Cells without a value are left out. */
  cells: CellSnapshot[];
  /** A1 ranges (`A1:C1`); never expanded cell by cell. */
  merges: string[];
  /** Largest row and column that hold a cell (0 for an empty sheet). */
  maxRow: number;
  maxCol: number;
  dataValidations: DataValidationSnapshot[];
}

export interface DefinedNameSnapshot {
  name: string;
  ref: string;
  /** Name of the sheet the name is local to, when it is. */
  localSheet?: string;
}

export interface WorkbookSnapshot {
  date1904: boolean;
  sheets: SheetSnapshot[];
  definedNames: DefinedNameSnapshot[];
  workbookProtected?: boolean;
}
