/**
 * The shapes the values-only reader returns. A snapshot is plain data (no
 * library objects), so later steps can map it to the ledger template, and a
 * refusal is an Issue, never an exception.
 */
import type { Issue } from '../../core/model.js';
import type { Latin1View } from './xml-text.js';

export type { Latin1View } from './xml-text.js';

export interface ReadLimits {
  /** Size of the .xlsx file itself, in bytes. */
  maxFileBytes: number;
  /** Sum of the declared uncompressed sizes of all zip entries. */
  maxTotalUncompressedBytes: number;
  /** Uncompressed size of any single entry. */
  maxEntryBytes: number;
  /** Uncompressed ÷ compressed, checked for entries larger than `ratioCheckFromBytes`. */
  maxCompressionRatio: number;
  /** Small entries may compress very well without being a threat; the ratio applies above this size. */
  ratioCheckFromBytes: number;
  maxEntries: number;
  maxCellsPerSheet: number;
  maxMergesPerSheet: number;
  maxValidationsPerSheet: number;
  maxSheets: number;
  /**
   * Characters the cells of a workbook may show in all, counted once per cell (a shared string shown by
   * 1,000 cells counts 1,000 times); files holding more real text than this get their size instead (text-budget.ts).
   */
  maxTextChars: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxTotalUncompressedBytes: 200 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioCheckFromBytes: 1024 * 1024,
  maxEntries: 10_000,
  maxCellsPerSheet: 1_000_000,
  maxMergesPerSheet: 10_000,
  maxValidationsPerSheet: 10_000,
  maxSheets: 1_000,
  maxTextChars: 10_000_000,
};

export interface ReadOptions {
  /** Shown in every issue's `where.file` and used to tell an old .xls from a renamed file. */
  fileName?: string;
  limits?: Partial<ReadLimits>;
  /**
   * A faster raw-deflate inflater for the platform (Node passes node:zlib's); the portable
   * fflate one is used without it. It must stop past `maxOutput` bytes (throw or return
   * more than `maxOutput - 1`); the reader checks the size and CRC of whatever comes back.
   */
  inflate?: RawInflate;
  /**
   * A faster CRC-32 for the platform (Node passes node:zlib's); the portable table-driven
   * one is used without it. Every inflated entry is checked with whichever is chosen.
   */
  crc32?: Crc32;
  /**
   * A fast bytes → Latin-1 string view for the platform (Node passes Buffer's). With it, UTF-8
   * parts are scanned as bytes and only the text that is read gets decoded; without it each
   * part is decoded whole with TextDecoder. Either way the snapshot is the same.
   */
  latin1?: Latin1View;
  /**
   * Only the sheets this accepts are parsed; the others are listed without cells (reading one
   * hidden sheet of a large summary need not parse its tens of thousands of rows of 明细).
   */
  onlySheets?: (name: string) => boolean;
}

/** CRC-32 (IEEE, as zip uses) of the whole buffer, as an unsigned 32-bit number. */
export type Crc32 = (data: Uint8Array) => number;

export type RawInflate = (raw: Uint8Array, maxOutput: number) => Uint8Array;

/** A platform's faster pieces for the reader, passed along as one (Node's are in src/cli/native-inflate.ts). */
export type ReadPlatform = Pick<ReadOptions, 'inflate' | 'crc32' | 'latin1'>;

export type {
  CellType,
  CellSnapshot,
  DataValidationSnapshot,
  SheetState,
  SheetSnapshot,
  DefinedNameSnapshot,
  WorkbookSnapshot,
} from '../../core/workbook/snapshot.js';
import type { WorkbookSnapshot } from '../../core/workbook/snapshot.js';

export type ReadResult =
  | { ok: true; workbook: WorkbookSnapshot; warnings: Issue[] }
  | { ok: false; issue: Issue };
