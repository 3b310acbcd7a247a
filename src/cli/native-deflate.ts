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
 *
 * Batches go through a fixed ring of shared slots, not as messages of their
 * own: the writer never yields, so a message per batch queued the whole
 * uncompressed workbook (280 MB for 20,000 schools) until the end. When every
 * slot is taken, the main thread deflates that batch itself, with the same
 * zlib and settings, so the bytes are the same whoever deflates.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { Worker } from 'node:worker_threads';
import type { RenderOptions } from '../xlsx/render-workbook.js';

/** Bytes gathered before a batch is posted: few messages, and the thread starts early on the big sheet. */
const BATCH = 512 * 1024;
/** Shared slots: at most this many batches wait for the thread (4 MB); a bigger batch is deflated where it is. */
const SLOTS = 8;
const SLOT_BYTES = 1024 * 1024;
/** An empty fixed-Huffman block with BFINAL set: ends the joined stream. */
const FINAL_BLOCK = Uint8Array.of(0x03, 0x00);

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const zlib = require('node:zlib');
const { slots, busy, slotBytes } = workerData;
const flags = new Int32Array(busy);
parentPort.on('message', ({ id, slot, length, level }) => {
  try {
    const deflated = zlib.deflateRawSync(new Uint8Array(slots, slot * slotBytes, length), { level, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    Atomics.store(flags, slot, 0);
    // Into a buffer of its own (zlib's may share a pool) and transferred: a copy posted left the original
    // here, and this idle thread seldom collects (measured: the whole compressed summary, 37 MB at 20,000 schools).
    const out = new Uint8Array(deflated.length);
    out.set(deflated);
    parentPort.postMessage({ id, out }, [out.buffer]);
  } catch (error) {
    Atomics.store(flags, slot, 0);
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

const deflateHere = (data: Uint8Array, level: number): Uint8Array => deflateRawSync(data, { level, finishFlush: constants.Z_SYNC_FLUSH });

interface Job {
  resolve(out: Uint8Array): void;
  reject(error: Error): void;
}

/** The background thread, started on first use; unreferenced while idle so it never keeps the process alive. */
class DeflateThread {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, Job>();
  private next = 0;
  private readonly slots = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
  /** Per slot: 1 while the thread has a batch in it (the thread clears it once deflated). */
  private readonly busy = new Int32Array(new SharedArrayBuffer(4 * SLOTS));

  /** The pieces, deflated as one batch: by the thread when a slot is free, else here and now. */
  deflate(pieces: readonly Uint8Array[], size: number, level: number): Promise<Uint8Array> {
    const slot = size <= SLOT_BYTES ? this.freeSlot() : -1;
    if (slot < 0) return Promise.resolve(deflateHere(joined(pieces, new Uint8Array(size)), level));
    joined(pieces, new Uint8Array(this.slots, slot * SLOT_BYTES, size));
    Atomics.store(this.busy, slot, 1);
    const worker = this.start();
    const id = this.next++;
    if (this.jobs.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      worker.postMessage({ id, slot, length: size, level });
    });
  }

  private freeSlot(): number {
    for (let slot = 0; slot < SLOTS; slot++) if (Atomics.load(this.busy, slot) === 0) return slot;
    return -1;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { slots: this.slots, busy: this.busy.buffer, slotBytes: SLOT_BYTES } });
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
    this.busy.fill(0);
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
  }
}

function joined(pieces: readonly Uint8Array[], into: Uint8Array): Uint8Array {
  let at = 0;
  for (const piece of pieces) {
    into.set(piece, at);
    at += piece.length;
  }
  return into;
}

const thread = new DeflateThread();

export const nativeRender: RenderOptions = {
  deflate: (level) => {
    const jobs: Promise<Uint8Array>[] = [];
    let pending: Uint8Array[] = [];
    let size = 0;
    const post = (): void => {
      jobs.push(thread.deflate(pending, size, level));
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
