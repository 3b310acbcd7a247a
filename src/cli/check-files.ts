/**
 * Checks many submission files with bounded memory: each file is read,
 * checked and reduced to its ledger and issues before the next is read (the
 * bytes and the workbook snapshot are dropped). With more than one job the
 * files are spread over worker threads, a few file names queued per worker.
 * The threads are started earlier, by `startCheckPool` (check-pool.ts), so
 * their own start-up (loading the modules, ~0.15 s) overlaps the main thread's.
 */
import { makeChecker, submissionInput, type CheckJob, type SubmissionChecker } from '../app/submission-checker.js';
import { headOf } from '../core/rollup/submission-source.js';
import type { ResultSink } from './check-worker-protocol.js';
import type { SubmissionInput } from '../core/rollup/types.js';
import type { FoundFile } from './collect-files.js';
import { nativeRead } from './native-inflate.js';
import { readSubmissionFile } from './safe-read.js';
import { stopCheckPool, type CheckPool } from './check-pool.js';
import { checkOnThreads } from './check-threads.js';

export type { CheckJob, ResultSink };

/** Reads (only a regular file, bounded) and checks one file into the compact form the roll-up keeps. */
export function checkFile(file: FoundFile, check: SubmissionChecker): SubmissionInput {
  // Synchronous on purpose: for small files it is several times cheaper than the promise API's
  // thread-pool round trips, which left the CPU idle between files (measured: 18 % idle).
  const read = readSubmissionFile(file.rawPath ?? file.path, file.name);
  return submissionInput(file.name, 'issue' in read ? { status: 'refused', issue: read.issue } : check(read.bytes, file.name), file.mtime);
}

/** The checker of this process (main thread or check thread), with node:zlib's inflater. */
export function nodeChecker(job: CheckJob, options: { detach?: boolean } = {}): SubmissionChecker {
  return makeChecker(job, { platform: nativeRead, ...options });
}

/** Below this many files per job, starting threads costs more than it saves. */
const MIN_FILES_PER_JOB = 8;

/**
 * Checks every file, in worker threads when there are enough files for the pool (which is stopped either way).
 * A thread that dies on a file costs only that file (see check-threads.ts).
 */
export async function checkFiles(
  files: FoundFile[],
  job: CheckJob,
  onProgress: (done: number) => void,
  pool?: CheckPool,
): Promise<SubmissionInput[]> {
  const results: SubmissionInput[] = new Array(files.length);
  const sink: ResultSink = { put: (i, input) => void (results[i] = input), putText: (i, _head, json) => void (results[i] = JSON.parse(json) as SubmissionInput) };
  await checkFilesInto(files, job, onProgress, sink, pool);
  return results;
}

/** `checkFiles`, each result handed to `sink` as it comes. */
export async function checkFilesInto(files: FoundFile[], job: CheckJob, onProgress: (done: number) => void, sink: ResultSink, pool?: CheckPool): Promise<void> {
  let done = 0;
  // A pool whose threads could not start is no reason to stop: the files are checked on this thread instead.
  if (!pool || pool.failure || files.length < pool.workers.length * MIN_FILES_PER_JOB) {
    await stopCheckPool(pool);
    // Not detached: the JSON text given to the sink is what detaches the result, as for a check thread's.
    const check = nodeChecker(job, { detach: false });
    for (const [i, file] of files.entries()) {
      const input = checkFile(file, check);
      sink.putText(i, headOf(input), JSON.stringify(input));
      onProgress(++done);
    }
    return;
  }
  try {
    await checkOnThreads(pool, files, job, sink, () => onProgress(++done));
  } finally {
    await stopCheckPool(pool);
  }
}
