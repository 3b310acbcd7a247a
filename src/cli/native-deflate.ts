/**
 * node:zlib's deflate and CRC-32 for the workbook writer. Each batch of a
 * part is compressed on its own as one job on libuv's thread pool, queued at
 * once: the main thread goes on producing XML (it never yields while a sheet
 * is written, so a zlib stream, which needs the event loop between its
 * pieces, would wait until the end). Batches end with a sync flush (byte
 * aligned, not final), so they join into one deflate stream closed by an
 * empty final block, as pigz does; each batch starts with an empty window,
 * which costs well under 1 % of size at these batch sizes.
 */
import { constants, crc32, deflateRaw } from 'node:zlib';
import type { RenderOptions } from '../xlsx/render-workbook.js';

/** Bytes gathered before a batch is queued: big enough for a good ratio, small enough for several batches to run at once. */
const BATCH = 512 * 1024;
/** An empty fixed-Huffman block with BFINAL set: ends the joined stream. */
const FINAL_BLOCK = Uint8Array.of(0x03, 0x00);

function deflateBatch(input: Uint8Array, level: number): Promise<Uint8Array> {
  // Room for the whole output (deflate's worst case is a little over the input), so zlib finishes in one job.
  const chunkSize = input.length + (input.length >> 8) + 1024;
  return new Promise((resolve, reject) => {
    deflateRaw(input, { level, finishFlush: constants.Z_SYNC_FLUSH, chunkSize }, (error, out) => (error ? reject(error) : resolve(out)));
  });
}

export const nativeRender: RenderOptions = {
  deflate: (level) => {
    const jobs: Promise<Uint8Array>[] = [];
    let pending: Uint8Array[] = [];
    let size = 0;
    const queue = (): void => {
      jobs.push(deflateBatch(pending.length === 1 ? pending[0]! : Buffer.concat(pending, size), level));
      pending = [];
      size = 0;
    };
    return {
      push: (data) => {
        pending.push(data);
        size += data.length;
        if (size >= BATCH) queue();
      },
      end: async () => {
        if (size > 0) queue();
        return [...(await Promise.all(jobs)), FINAL_BLOCK];
      },
    };
  },
  crc32: (data, value) => crc32(data, value),
};
