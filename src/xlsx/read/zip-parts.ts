/**
 * The parts of a zip package as text, for readers outside the workbook reader
 * (the plan loader looks into a .docx for its tables, and tells a workbook
 * from a document): the same strict zip reader, limits and CRC checks as for
 * workbooks. Anything refused (not a zip, corrupt, a bomb) reads as missing.
 */
import { Refusal } from './refusal.js';
import { DEFAULT_LIMITS } from './types.js';
import { ZipArchive } from './zip.js';

export interface ZipParts {
  has(part: string): boolean;
  /** The part decoded as UTF-8; undefined when missing or refused. */
  text(part: string): string | undefined;
}

export function openZipParts(bytes: Uint8Array): ZipParts | undefined {
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(bytes, DEFAULT_LIMITS);
  } catch (error) {
    if (error instanceof Refusal) return undefined;
    throw error;
  }
  return {
    has: (part) => zip.has(part),
    text: (part) => {
      try {
        const data = zip.read(part);
        return data === undefined ? undefined : new TextDecoder('utf-8').decode(data);
      } catch (error) {
        if (error instanceof Refusal) return undefined;
        throw error;
      }
    },
  };
}
