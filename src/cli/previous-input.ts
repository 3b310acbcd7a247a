/** `--round` and `--previous` of `taizhang rollup`: last round's summary read before any school file is checked. */
import { readPreviousSummary } from '../app/read-previous-summary.js';
import type { RoundOptions } from '../app/roll-up-submissions.js';
import { TaizhangError } from '../core/issues.js';
import type { Plan } from '../core/model.js';
import { readInputFile, resolvePath } from './files.js';
import { nativeRead } from './native-inflate.js';

/** A province's summary may be large; still bounded, so a wrong file named here is not read whole. */
const PREVIOUS_LIMIT_BYTES = 200 * 1024 * 1024;

/** A previous summary that is not ours, of another plan or unreadable stops the run (exit 2) with its code: nothing is written. */
export async function roundOptions(cwd: string, round: string | undefined, previous: string | undefined, plan: Plan): Promise<RoundOptions> {
  if (previous === undefined) return round === undefined ? {} : { round };
  const bytes = await readInputFile(resolvePath(cwd, previous), PREVIOUS_LIMIT_BYTES);
  const read = readPreviousSummary({ name: previous, bytes }, plan, nativeRead);
  if (!read.ok) throw new TaizhangError(read.issue.code as ConstructorParameters<typeof TaizhangError>[0], read.issue.params);
  return { ...(round === undefined ? {} : { round }), previous: read.data };
}
