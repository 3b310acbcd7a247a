/** Shapes shared by the mocked workbook (excel-mock.ts) and its sheets (excel-mock-sheet.ts). */

export interface RangeRecord {
  sheet: string;
  address: string;
  /** Which request it went in: the number of syncs made before it was queued, plus one. */
  batch: number;
  [prop: string]: unknown;
}

export interface UsedRangeData {
  address: string;
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
  /** Merged areas as Excel lists them: `'S'!A1:B1, 'S'!A3:B3`. */
  merges?: string;
}

export interface SheetState {
  /** The sheet's current name (renames change it). */
  name: string;
  visibility: string;
  /** Set when the sheet came from this run (added or inserted). */
  added: boolean;
  /** The request that added it, so a refused request can take it back. */
  addedInBatch?: number;
  deleted: boolean;
  protection: { protected: boolean; options: Record<string, unknown>; password?: string };
  used?: UsedRangeData;
  mock: any;
}

/** An Office error as `context.sync()` rejects with it: code, message, and where it happened. */
export class OfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export interface MockOptions {
  /** Workbook structure protection (Review → Protect Workbook): no sheet may be added, deleted, renamed, hidden or shown. */
  workbookProtected?: boolean;
  /** How `insertWorksheetsFromBase64` behaves: inserts (default); inserts and then throws GeneralException (OfficeDev/office-js #3179); throws without inserting (#3809, #6142). */
  insert?: 'ok' | 'insertThenThrow' | 'throw';
  /** Bytes of values and number formats one request may carry; past it the sync throws RequestPayloadSizeLimitExceeded and nothing of that request is applied. */
  payloadLimit?: number;
}

export interface MockState {
  sheets: SheetState[];
  ranges: RangeRecord[];
  names: { name: string; reference: string }[];
  comments: { at: string; text: string; deleted: boolean }[];
  inserted: string[];
  calls: {
    suspend: number;
    /** Every value written to `application.calculationMode`. */
    calcSets: unknown[];
    /** Every freezePanes call, and whether its sheet was the active one then. */
    freezes: { sheet: string; active: boolean }[];
    activations: string[];
    /** Sheets whose used range was asked for, in order. */
    usedReads: string[];
  };
  workbookProtected: boolean;
  active?: SheetState;
}

/** What a sheet mock needs from the workbook mock. */
export interface MockWorld {
  minor: number;
  state: MockState;
  attach(data: Record<string, unknown>): any;
  syncs(): number;
}
