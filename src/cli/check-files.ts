/**
 * Checks many submission files with bounded memory: each file is read,
 * checked and reduced to its ledger and issues before the next is read (the
 * bytes and the workbook snapshot are dropped). With more than one job the
 * files are spread over worker threads, a few file names queued per worker.
 * The threads are started earlier, by `startCheckPool` (check-pool.ts), so
 * their own start-up (loading the modules, ~0.15 s) overlaps the main thread's.
 */
import { readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { makeChecker, submissionInput, type CheckJob, type SubmissionChecker } from '../app/submission-checker.js';
import { issue } from '../core/issues.js';
import type { Issue } from '../core/model.js';
import type { SubmissionInput } from '../core/rollup/types.js';
import type { FoundFile } from './collect-files.js';
import { nativeRead } from './native-inflate.js';
import { stopCheckPool, type CheckPool } from './check-pool.js';
import type { WorkerRequest } from './check-worker-protocol.js';

export type { CheckJob };

/** Reads and checks one file into the compact form the roll-up keeps. */
export function checkFile(file: FoundFile, check: SubmissionChecker): SubmissionInput {
  let bytes: Uint8Array;
  try {
    // Synchronous on purpose: for small files it is several times cheaper than the promise API's
    // thread-pool round trips, which left the CPU idle between files (measured: 18 % idle).
    bytes = new Uint8Array(readFileSync(file.path));
  } catch (error) {
    const detail = String((error as NodeJS.ErrnoException).code ?? error);
    return submissionInput(file.name, { status: 'refused', issue: unreadable(file.name, detail) }, file.mtime);
  }
  return submissionInput(file.name, check(bytes, file.name), file.mtime);
}

function unreadable(file: string, detail: string): Issue {
  return issue('FAULT_FILE_UNREADABLE', 'error', { file }, { file, detail });
}

/** The checker of this process (main thread or check thread), with node:zlib's inflater. */
export function nodeChecker(job: CheckJob, options: { detach?: boolean } = {}): SubmissionChecker {
  return makeChecker(job, { platform: nativeRead, ...options });
}

/**
 * File names queued per worker. Workers read the files themselves, so a longer queue costs no memory; with two,
 * a worker sometimes waited for the main thread (busy parsing results or collecting garbage): measured 0.2 s idle per worker over 1,000 files.
 */
const IN_FLIGHT = 4;
/** Below this many files per job, starting threads costs more than it saves. */
const MIN_FILES_PER_JOB = 8;

/** Checks every file, in worker threads when there are enough files for the pool (which is stopped either way). */
export async function checkFiles(
  files: FoundFile[],
  job: CheckJob,
  onProgress: (done: number) => void,
  pool?: CheckPool,
): Promise<SubmissionInput[]> {
  const results: SubmissionInput[] = new Array(files.length);
  let done = 0;
  // A pool whose threads could not start is no reason to stop: the files are checked on this thread instead.
  if (!pool || pool.failure || files.length < pool.workers.length * MIN_FILES_PER_JOB) {
    await stopCheckPool(pool);
    const check = nodeChecker(job);
    for (const [i, file] of files.entries()) {
      results[i] = checkFile(file, check);
      onProgress(++done);
    }
    return results;
  }
  let next = 0;
  try {
    await Promise.all(pool.workers.map((worker) => feed(worker)));
  } finally {
    await stopCheckPool(pool);
  }
  return results;

  /**
   * Keeps IN_FLIGHT files queued at each worker, so a worker never waits for
   * the main thread between files; results come back in the order sent.
   */
  function feed(worker: Worker): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (pool?.failure) return reject(pool.failure);
      const sent: number[] = [];
      const post = (request: WorkerRequest): void => worker.postMessage(request);
      const send = (): void => {
        while (sent.length < IN_FLIGHT && next < files.length) {
          sent.push(next);
          post({ kind: 'file', file: files[next++]! });
        }
        if (sent.length === 0) resolve();
      };
      worker.on('message', (json: string) => {
        results[sent.shift()!] = JSON.parse(json) as SubmissionInput;
        onProgress(++done);
        send();
      });
      worker.once('error', reject);
      post({ kind: 'job', job });
      send();
    });
  }
}
