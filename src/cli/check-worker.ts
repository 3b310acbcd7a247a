/** Worker thread body for `checkFiles`: receives files one by one, answers with each file's compact result. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, makeChecker, type CheckJob } from './check-files.js';
import type { FoundFile } from './collect-files.js';

const check = makeChecker(workerData as CheckJob);
parentPort?.on('message', (file: FoundFile) => {
  // As JSON text: parsed in the main thread into compact plain data (see asPlainData).
  void checkFile(file, check).then((result) => parentPort?.postMessage(JSON.stringify(result)));
});
