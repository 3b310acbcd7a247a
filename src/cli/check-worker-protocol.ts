/** What the main thread sends a check thread: the job once, then files (types only, so importing it loads nothing). */
import type { CheckJob } from '../app/submission-checker.js';
import type { FoundFile } from './collect-files.js';

export type WorkerRequest = { kind: 'job'; job: CheckJob } | { kind: 'file'; file: FoundFile };
