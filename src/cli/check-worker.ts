/**
 * Worker thread body for `checkFiles`: first receives the job (plan, as-of date, rules), then files one by one,
 * and answers each with the file's compact result. The job comes as a message rather than as workerData so the
 * thread can start (and load its modules) before the main thread has loaded the plan.
 */
import { parentPort } from 'node:worker_threads';
import type { SubmissionChecker } from '../app/submission-checker.js';
import { checkFile, nodeChecker } from './check-files.js';
import { headOf } from '../core/rollup/submission-source.js';
import type { WorkerRequest, WorkerResult } from './check-worker-protocol.js';

let check: SubmissionChecker | undefined;
parentPort?.on('message', (request: WorkerRequest) => {
  if (request.kind === 'job') {
    // Not detached here: the JSON text sent is what detaches the result, parsed in the main thread into compact plain data.
    check = nodeChecker(request.job, { detach: false });
  } else if (check) {
    const input = checkFile(request.file, check);
    parentPort?.postMessage({ head: headOf(input), json: JSON.stringify(input) } satisfies WorkerResult);
  } else {
    throw new Error('check worker: a file came before the job');
  }
});
