/**
 * The roll-up the e2e test uploads: two schools (one sent twice, the older
 * copy superseded), one broken file, and a roster naming a third school that
 * sent nothing. `expected` is the CLI's code run on the same bytes.
 */
import { indexTemplate } from '../../src/core/ledger/template-index';
import { parseRoster, rollUp, type Rollup, type SubmissionInput } from '../../src/core/rollup/roll-up';
import { checkSubmission } from '../../src/app/check-submission';
import { fillLedger } from './fill-ledger';
import { AS_OF, seedPlan, withChanges } from './validate-fixture';

export interface RollupScenario {
  files: { name: string; bytes: Uint8Array }[];
  roster: string;
  expected: Rollup;
}

export async function rollupScenario(): Promise<RollupScenario> {
  const files = [
    { name: '实验小学.xlsx', bytes: await fillLedger(seedPlan, withChanges({})) },
    { name: '实验小学-初稿.xlsx', bytes: await fillLedger(seedPlan, withChanges({ info: { date: '2024-07-01' }, tasks: { P2T6: { status: '未开始' } } })) },
    { name: '新城中学.xlsx', bytes: await fillLedger(seedPlan, withChanges({ info: { unit: '仪征市新城中学' }, tasks: { P1T2: { owner: null } } })) },
    // Not a zip at all: a file damaged on the way.
    { name: '真州中学.xlsx', bytes: Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256) },
  ];
  const roster = '仪征市实验小学\n仪征市新城中学\n仪征市真州小学\n';
  const index = indexTemplate(seedPlan);
  const inputs: SubmissionInput[] = files.map(({ name, bytes }) => {
    const check = checkSubmission(bytes, name, index, { asOf: AS_OF });
    return {
      file: name,
      result:
        check.status === 'refused'
          ? { status: 'refused', issue: check.issue }
          : { status: 'checked', ledger: check.ledger, issues: check.issues, date1904: check.workbook.date1904 },
    };
  });
  return { files, roster, expected: rollUp(inputs, index, { asOf: AS_OF, roster: parseRoster(roster) }) };
}
