/**
 * node:zlib's inflate for the submission reader: several times faster than the
 * portable one the browser uses. `maxOutputLength` makes zlib stop past the
 * size the zip declared, so a forged size or a bomb cannot make it allocate more.
 */
import { inflateRawSync } from 'node:zlib';
import type { RawInflate } from '../xlsx/read/index.js';

export const nativeInflate: RawInflate = (raw, maxOutput) => {
  const out = inflateRawSync(raw, { maxOutputLength: Math.max(1, maxOutput) });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
};
