/**
 * node:zlib's deflate and CRC-32 for the workbook writer. The writer's main
 * thread is the bottleneck (it never yields while a sheet is written), so
 * the batches of every part are posted to ONE background thread that
 * deflates them in order with zlib; the main thread only computes CRCs.
 * One thread, not libuv's pool of four: on a two-core machine four
 * compressing threads take the main thread's core (measured: slower than
 * compressing on the main thread). Each batch ends with a sync flush (byte
 * aligned, not final), so a part's batches join into one deflate stream
 * closed by an empty final block, as pigz does; each batch starts with an
 * empty window, which costs well under 1 % of size at these batch sizes.
 */
import { crc32 } from 'node:zlib';
import { Worker } from 'node:worker_threads';
import type { RenderOptions } from '../xlsx/render-workbook.js';

/** Bytes gathered before a batch is posted: few messages, and the thread starts early on the big sheet. */
const BATCH = 512 * 1024;
/** An empty fixed-Huffman block with BFINAL set: ends the joined stream. */
const FINAL_BLOCK = Uint8Array.of(0x03, 0x00);

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const zlib = require('node:zlib');
parentPort.on('message', ({ id, data, level }) => {
  try {
    const out = zlib.deflateRawSync(data, { level, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    // The batch goes back with the result: this idle thread seldom collects garbage, and batches left to it
    // stayed allocated (measured: 26 MB for a 2,000-school summary); the busy main thread frees them soon.
    parentPort.postMessage({ id, out, spent: data }, [data.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

interface Job {
  resolve(out: Uint8Array): void;
  reject(error: Error): void;
}

/** The background thread, started on first use; unreferenced while idle so it never keeps the process alive. */
class DeflateThread {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, Job>();
  private next = 0;

  deflate(data: Uint8Array, level: number): Promise<Uint8Array> {
    const worker = this.start();
    const id = this.next++;
    if (this.jobs.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      // Transferred, not copied: the writer never touches a batch again.
      worker.postMessage({ id, data, level }, [data.buffer as ArrayBuffer]);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', ({ id, out, error }: { id: number; out?: Uint8Array; error?: string }) => {
      const job = this.jobs.get(id);
      this.jobs.delete(id);
      if (this.jobs.size === 0) worker.unref();
      if (out) job?.resolve(out);
      else job?.reject(new Error(error ?? 'deflate failed'));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', () => this.fail(new Error('deflate thread stopped')));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private fail(error: Error): void {
    this.worker = null;
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
  }
}

const thread = new DeflateThread();

export const nativeRender: RenderOptions = {
  deflate: (level) => {
    const jobs: Promise<Uint8Array>[] = [];
    let pending: Uint8Array[] = [];
    let size = 0;
    const post = (): void => {
      // A fresh buffer of its own, so it can be transferred.
      const batch = new Uint8Array(size);
      let at = 0;
      for (const piece of pending) {
        batch.set(piece, at);
        at += piece.length;
      }
      jobs.push(thread.deflate(batch, level));
      pending = [];
      size = 0;
    };
    return {
      push: (data) => {
        pending.push(data);
        size += data.length;
        if (size >= BATCH) post();
      },
      end: async () => {
        if (size > 0) post();
        return [...(await Promise.all(jobs)), FINAL_BLOCK];
      },
    };
  },
  crc32: (data, value) => crc32(data, value),
};
