/**
 * Hands files to the check threads and takes back their results. A thread
 * that dies (out of memory on a hostile file, or any crash) loses only the
 * file it was checking: that file is listed as refused with the reason, the
 * files queued behind it go to a new thread, and the batch goes on. Every
 * death consumes one file, so a batch always ends.
 */
import type { Worker } from 'node:worker_threads';
import { issue } from '../core/issues.js';
import type { SubmissionInput } from '../core/rollup/types.js';
import type { CheckJob } from '../app/submission-checker.js';
import type { CheckPool } from './check-pool.js';
import type { ResultSink, WorkerRequest, WorkerResult } from './check-worker-protocol.js';
import type { FoundFile } from './collect-files.js';

/**
 * File names queued per worker. Workers read the files themselves, so a longer queue costs no memory; with two,
 * a worker sometimes waited for the main thread (busy parsing results or collecting garbage): measured 0.2 s idle per worker over 1,000 files.
 */
const IN_FLIGHT = 4;

/** The refusal of a file whose thread died while checking it. */
export function threadDied(file: FoundFile, error: Error | undefined, exitCode: number): SubmissionInput {
  const reason = error ? `${(error as NodeJS.ErrnoException).code ?? error.name}: ${error.message}` : `退出码 ${exitCode}`;
  const refusal = issue('CLI_CHECK_THREAD_DIED', 'error', { file: file.name }, { file: file.name, detail: reason.slice(0, 200) });
  return { file: file.name, fileTime: file.mtime, result: { status: 'refused', issue: refusal } };
}

/** Gives `sink` one result per file (by the file's index) from the pool's threads; resolves when every file has one. */
export function checkOnThreads(
  pool: CheckPool,
  files: readonly FoundFile[],
  job: CheckJob,
  sink: ResultSink,
  onResult: () => void,
): Promise<void> {
  return new Promise<void>((resolve) => {
    let next = 0;
    /** Files handed to a thread that died before it got to them: sent again first. */
    const again: number[] = [];
    let left = files.length;
    const take = (): number | undefined => (again.length > 0 ? again.shift() : next < files.length ? next++ : undefined);
    const settle = (i: number, result: SubmissionInput | WorkerResult): void => {
      if ('json' in result) sink.putText(i, result.head, result.json);
      else sink.put(i, result);
      onResult();
      if (--left === 0) resolve();
    };
    const wakers: (() => void)[] = [];
    let live = 0;
    const run = (slot: number, worker: Worker): void => {
      const sent: number[] = [];
      let error: Error | undefined;
      let dead = false;
      live++;
      const send = (): void => {
        while (!dead && sent.length < IN_FLIGHT) {
          const i = take();
          if (i === undefined) break;
          sent.push(i);
          worker.postMessage({ kind: 'file', file: files[i]! } satisfies WorkerRequest);
        }
      };
      worker.on('message', (result: WorkerResult) => {
        settle(sent.shift()!, result);
        if (left > 0) send();
      });
      worker.on('error', (e: Error) => void (error ??= e));
      worker.once('exit', (code: number) => {
        // Threads are terminated once every file has its result: that exit is no death.
        if (left === 0) return;
        dead = true;
        live--;
        const dying = sent.shift();
        // The files queued behind the one it died on were never started: they go to the next free thread.
        for (let k = sent.length - 1; k >= 0; k--) again.unshift(sent[k]!);
        sent.length = 0;
        if (dying !== undefined) settle(dying, threadDied(files[dying]!, error, code));
        // A thread that died on a file is replaced; one that died with nothing to do only when none is left.
        if (left > 0 && (dying !== undefined || live === 0)) {
          const replacement = pool.spawn();
          pool.workers[slot] = replacement;
          run(slot, replacement);
        }
        for (const wake of wakers) wake();
      });
      wakers[slot] = send;
      worker.postMessage({ kind: 'job', job } satisfies WorkerRequest);
      send();
    };
    pool.workers.forEach((worker, slot) => run(slot, worker));
  });
}
