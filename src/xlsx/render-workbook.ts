/**
 * WorkbookSpec → .xlsx bytes. No file system: the caller writes the bytes.
 * All layout decisions are in the spec (src/core/template); the SpreadsheetML
 * writer (./write) only translates them.
 */
import type { Issue } from '../core/model.js';
import type { WorkbookSpec } from '../core/workbook/spec.js';
import { writeWorkbook, writeWorkbookPieces, type Crc32, type RawDeflate } from './write/index.js';

export type { Crc32, DeflateSink, RawDeflate } from './write/index.js';

export interface RenderOptions {
  /** The platform's raw deflater (the CLI passes node:zlib's); fflate's by default. */
  deflate?: RawDeflate;
  /** The platform's CRC-32; a portable one by default. */
  crc32?: Crc32;
  /** Told of each text cut to fit Excel's limit per cell (see WriteOptions). */
  onIssue?: (issue: Issue) => void;
}

export async function renderWorkbook(spec: WorkbookSpec, options: RenderOptions = {}): Promise<Uint8Array> {
  return writeWorkbook(spec, options);
}

/** The same bytes as pieces, for a caller that writes them out one after another (the CLI's summary). */
export async function renderWorkbookPieces(spec: WorkbookSpec, options: RenderOptions = {}): Promise<Uint8Array[]> {
  return writeWorkbookPieces(spec, options);
}
