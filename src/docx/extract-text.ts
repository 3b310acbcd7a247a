/**
 * The plain text of a .docx 工作要点, one paragraph per line, for the plan
 * parser. Takes bytes (never a path) so the browser page can use it too.
 */
import type mammoth from 'mammoth';
import { TaizhangError } from '../core/issues.js';

type MammothInput = Parameters<typeof mammoth.extractRawText>[0];

export async function extractDocxText(bytes: Uint8Array, fileName: string): Promise<string> {
  // A standalone copy: the view may sit inside a larger (or shared) buffer.
  const arrayBuffer = bytes.slice().buffer as ArrayBuffer;
  // mammoth's browser build reads `arrayBuffer`, its Node build reads `buffer`;
  // both hand the value to JSZip, which takes an ArrayBuffer, so give both.
  const input = { arrayBuffer, buffer: arrayBuffer } as unknown as MammothInput;
  // Loaded only for a .docx plan: most plans are .txt, and every CLI command that reads a plan would
  // otherwise pay for mammoth and its XML and zip libraries before doing anything (measured: 55 ms).
  // A plain require rather than import(): the CLI and webpack's build are CommonJS, and jest has no import().
  const docx = require('mammoth') as typeof mammoth;
  let value: string;
  try {
    ({ value } = await docx.extractRawText(input));
  } catch (cause) {
    throw new TaizhangError('FAULT_DOCX_INVALID', { file: fileName }, { cause });
  }
  // mammoth ends every paragraph with a blank line; keep one paragraph per line
  // (a soft line break inside a paragraph stays a line of its own, which the
  // parser's page-break healing joins back).
  return value.replace(/\r\n?/g, '\n').replace(/\n\n/g, '\n').replace(/\n+$/, '');
}
