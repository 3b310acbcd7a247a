/** Reads the roster file named on the command line (see src/app/load-roster.ts for the accepted forms). */
import { readRoster } from '../app/load-roster.js';
import { readInputFile, resolvePath } from './files.js';

export async function loadRoster(cwd: string, given: string): Promise<string[]> {
  return readRoster(await readInputFile(resolvePath(cwd, given)), given);
}
