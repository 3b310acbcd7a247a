/**
 * The check threads of a roll-up, started before anything else is loaded: this
 * module needs only node:worker_threads, so `taizhang rollup` can start the
 * threads while it still loads the plan reader, the checks and the writer
 * (the threads load the same modules meanwhile). `checkFiles` feeds them.
 */
import * as path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** Worker threads need the compiled JavaScript; under ts-jest (sources only) the work stays in the main thread. */
const WORKER_SCRIPT = path.join(__dirname, 'check-worker.js');

/** Check threads started ahead of the work; `checkFiles` uses them or, for a few files, stops them. */
export interface CheckPool {
  workers: Worker[];
  /** The first error a thread reported (its listener is there from the start, before the thread has work). */
  failure?: Error;
  /** Starts one more thread like the others: the replacement for one that died on a file. */
  spawn: () => Worker;
}

export interface PoolOptions {
  /** The thread's script; for tests that need a thread which fails. */
  script?: string;
  /** Added to the threads' own limits; tests cap the heap to make a thread die of a file. */
  resourceLimits?: ResourceLimits;
}

/** Starts `jobs` check threads, or none when one job is asked for or only TypeScript sources exist (ts-jest). */
export function startCheckPool(jobs: number, options: PoolOptions = {}): CheckPool | undefined {
  if (!__filename.endsWith('.js') || jobs < 2) return undefined;
  // A smaller young generation than V8's default (up to 48 MB per thread): each file's objects die young anyway,
  // and two threads' nurseries were a fifth of the roll-up's peak memory (measured: no change in speed).
  const resourceLimits = { maxYoungGenerationSizeMb: 16, ...options.resourceLimits };
  const spawn = (): Worker => new Worker(options.script ?? WORKER_SCRIPT, { resourceLimits });
  const pool: CheckPool = { workers: Array.from({ length: jobs }, spawn), spawn };
  // Listened to at once: a thread that fails while it starts (before `checkFiles` feeds it) must not be an
  // unhandled 'error' event that ends the process; `checkFiles` then works on this thread, or replaces it mid-run.
  for (const worker of pool.workers) worker.on('error', (error: Error) => void (pool.failure ??= error));
  return pool;
}

export async function stopCheckPool(pool: CheckPool | undefined): Promise<void> {
  if (!pool) return;
  await Promise.all(pool.workers.map((w) => w.terminate()));
  // Their listeners hold the batch's results (check-threads.ts): let those go with the batch, not with the pool.
  for (const worker of pool.workers) worker.removeAllListeners();
}
