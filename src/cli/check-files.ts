/**
 * Checks many submission files with bounded memory: each file is read,
 * checked and reduced to its ledger and issues before the next is read (the
 * bytes and the workbook snapshot are dropped). With more than one job the
 * files are spread over worker threads, one file in flight per worker.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { indexTemplate } from '../core/ledger/template-index.js';
import { issue } from '../core/issues.js';
import type { Issue, Plan } from '../core/model.js';
import type { ValidationRules } from '../core/validate/rules.js';
import type { SubmissionInput } from '../core/rollup/types.js';
import { checkSubmission } from '../xlsx/check-submission.js';
import type { FoundFile } from './collect-files.js';
import { nativeInflate } from './native-inflate.js';

export interface CheckJob {
  plan: Plan;
  asOf: string;
  rules?: ValidationRules;
}

/** Reads and checks one file into the compact form the roll-up keeps. */
export async function checkFile(file: FoundFile, check: (bytes: Uint8Array, name: string) => SubmissionInput['result']): Promise<SubmissionInput> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(file.path));
  } catch (error) {
    const detail = String((error as NodeJS.ErrnoException).code ?? error);
    return { file: file.name, fileTime: file.mtime, result: { status: 'refused', issue: unreadable(file.name, detail) } };
  }
  return { file: file.name, fileTime: file.mtime, result: check(bytes, file.name) };
}

function unreadable(file: string, detail: string): Issue {
  return issue('FAULT_FILE_UNREADABLE', 'error', { file }, { file, detail });
}

export function makeChecker(job: CheckJob): (bytes: Uint8Array, name: string) => SubmissionInput['result'] {
  const index = indexTemplate(job.plan);
  return (bytes, name) => {
    const checked = checkSubmission(bytes, name, index, { asOf: job.asOf, inflate: nativeInflate, ...(job.rules ? { rules: job.rules } : {}) });
    return checked.status === 'refused'
      ? { status: 'refused', issue: checked.issue }
      : { status: 'checked', ledger: checked.ledger, issues: checked.issues, date1904: checked.workbook.date1904 };
  };
}

/** Worker threads need the compiled JavaScript; under ts-jest (sources only) the work stays in this thread. */
const WORKER_SCRIPT = path.join(__dirname, 'check-worker.js');

export async function checkFiles(
  files: FoundFile[],
  job: CheckJob,
  jobs: number,
  onProgress: (done: number) => void,
): Promise<SubmissionInput[]> {
  const results: SubmissionInput[] = new Array(files.length);
  let done = 0;
  const canFork = __filename.endsWith('.js') && jobs > 1 && files.length >= jobs * 8;
  if (!canFork) {
    const check = makeChecker(job);
    for (const [i, file] of files.entries()) {
      results[i] = await checkFile(file, check);
      onProgress(++done);
    }
    return results;
  }
  let next = 0;
  const workers = Array.from({ length: jobs }, () => new Worker(WORKER_SCRIPT, { workerData: job }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= files.length) return resolve();
              const i = next++;
              worker.once('message', (result: SubmissionInput) => {
                results[i] = result;
                onProgress(++done);
                send();
              });
              worker.postMessage(files[i]);
            };
            worker.once('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
