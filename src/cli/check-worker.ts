/** Worker thread body for `checkFiles`: receives files one by one, answers with each file's compact result. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, makeChecker, type CheckJob } from './check-files.js';
import type { FoundFile } from './collect-files.js';

// Not detached here: the JSON text sent is what detaches the result, parsed in the main thread into compact plain data.
const check = makeChecker(workerData as CheckJob, { detach: false });
parentPort?.on('message', (file: FoundFile) => {
  parentPort?.postMessage(JSON.stringify(checkFile(file, check)));
});
