/**
 * The part of WPS 表格's (ET's) JavaScript object model this adapter uses,
 * as types. ET mirrors Excel's VBA object model, synchronously: every
 * property read or call goes to the host at once, there is no batching or
 * sync. Collections are 1-based (`Item(1)`), enumerations are numbers, colours
 * are BGR integers (`R + G·256 + B·65536`). What each member is assumed to do
 * is listed in docs/wps-support.md; test/helpers/wps-mock.ts implements it.
 */

export interface EtFont {
  Name: string;
  Size: number;
  Bold: boolean;
  Color: number;
}

export interface EtInterior {
  Color: number;
  /** xlPatternNone (-4142) when the cell has no fill, xlSolid (1) for a plain fill. */
  Pattern: number;
}

export interface EtBorders {
  LineStyle: number;
  Weight: number;
}

export interface EtValidation {
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: string): void;
  Delete(): void;
  IgnoreBlank: boolean;
  InCellDropdown: boolean;
  InputTitle: string;
  InputMessage: string;
  ErrorTitle: string;
  ErrorMessage: string;
  ShowInput: boolean;
  ShowError: boolean;
}

export interface EtFormatCondition {
  Interior: { Color: number };
  Font: { Color: number };
}

export interface EtFormatConditions {
  Add(type: number, operator?: number, formula1?: string): EtFormatCondition;
}

export interface EtComment {
  Text(): string;
  Delete(): void;
}

export interface EtRange {
  /** A 2-D array (rows of columns) for a block of cells; the bare value for one cell. */
  Value2: unknown;
  /** Formulas as typed (`=A1+1`), or the constant, in the same shape as Value2. */
  Formula: unknown;
  /** One format for the whole range when the cells share it, null when they differ; a 2-D array may be assigned. */
  NumberFormat: unknown;
  /** `$A$1:$C$3` (absolute, no sheet name). */
  Address: string;
  Row: number;
  Column: number;
  Rows: { Count: number };
  Columns: { Count: number };
  Font: EtFont;
  Interior: EtInterior;
  Borders: EtBorders;
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  Locked: boolean;
  ColumnWidth: number;
  RowHeight: number;
  EntireColumn: { Hidden: boolean };
  /** True, false, or null when the range is partly merged. */
  MergeCells: boolean | null;
  MergeArea: EtRange;
  Validation: EtValidation;
  FormatConditions: EtFormatConditions;
  Comment: EtComment | null;
  AddComment(text: string): EtComment;
  Merge(): void;
  AutoFilter(): void;
  Select(): void;
  Cells: { Item(row: number, col: number): EtRange };
}

export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  Zoom: number | false;
  FitToPagesWide: number | false;
  FitToPagesTall: number | false;
  PrintTitleRows: string;
  PrintArea: string;
  LeftMargin: number;
  RightMargin: number;
  TopMargin: number;
  BottomMargin: number;
  HeaderMargin: number;
  FooterMargin: number;
  CenterHorizontally: boolean;
  LeftHeader: string;
  CenterHeader: string;
  RightHeader: string;
  LeftFooter: string;
  CenterFooter: string;
  RightFooter: string;
}

export interface EtWorksheet {
  Name: string;
  /** xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2. */
  Visible: number;
  Range(address: string): EtRange;
  UsedRange: EtRange;
  PageSetup: EtPageSetup;
  Tab: { Color: number };
  ProtectContents: boolean;
  /** What users may still do on the protected sheet (read when protection is lifted and put back). */
  Protection: { AllowFormattingCells: boolean; AllowFormattingColumns: boolean; AllowFormattingRows: boolean; AllowSorting: boolean; AllowFiltering: boolean };
  EnableSelection: number;
  Hyperlinks: { Add(anchor: EtRange, address: string, subAddress?: string, screenTip?: string, textToDisplay?: string): unknown };
  Protect(
    password?: string,
    drawingObjects?: boolean,
    contents?: boolean,
    scenarios?: boolean,
    userInterfaceOnly?: boolean,
    allowFormattingCells?: boolean,
    allowFormattingColumns?: boolean,
    allowFormattingRows?: boolean,
    allowInsertingColumns?: boolean,
    allowInsertingRows?: boolean,
    allowInsertingHyperlinks?: boolean,
    allowDeletingColumns?: boolean,
    allowDeletingRows?: boolean,
    allowSorting?: boolean,
    allowFiltering?: boolean,
  ): void;
  Unprotect(password?: string): void;
  Activate(): void;
  Delete(): void;
}

export interface EtSheets {
  Count: number;
  /** By 1-based position or by name; throws when there is no such sheet. */
  Item(index: number | string): EtWorksheet;
  /** Adds before `before`, or after `after`, or before the active sheet. */
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet;
}

export interface EtName {
  Name: string;
  RefersTo: string;
}

export interface EtWorkbook {
  Name: string;
  Worksheets: EtSheets;
  Names: { Count: number; Item(index: number): EtName; Add(name: string, refersTo: string): EtName };
  ProtectStructure: boolean;
  Date1904: boolean;
}

export interface EtWindow {
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

export interface EtApplication {
  /** `WPS 表格` / `ET` in WPS; the marker host detection looks at. */
  Name?: string;
  ActiveWorkbook: EtWorkbook | null;
  ActiveWindow: EtWindow;
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
}

/** Enumeration values (Excel's, which ET keeps). */
export const XL = {
  sheetVisible: -1,
  sheetHidden: 0,
  sheetVeryHidden: 2,
  validateInputOnly: 0,
  validateList: 3,
  validateDate: 4,
  alertStop: 1,
  between: 1,
  expression: 2,
  left: -4131,
  center: -4108,
  right: -4152,
  top: -4160,
  bottom: -4107,
  continuous: 1,
  thin: 2,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
  patternNone: -4142,
  solid: 1,
  noRestrictions: 0,
  unlockedCells: 1,
} as const;

/** `RRGGBB` → ET's BGR integer. */
export function bgr(rgb: string): number {
  const n = parseInt(rgb, 16);
  return ((n >> 16) & 0xff) + (n & 0xff00) + ((n & 0xff) << 16);
}

/** ET's BGR integer → `#RRGGBB`. */
export function rgbHex(color: number): string {
  const r = color & 0xff;
  const g = (color >> 8) & 0xff;
  const b = (color >> 16) & 0xff;
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}
