import { indexTemplate } from '../src/core/ledger/template-index';
import { checkSubmission } from '../src/app/check-submission';
import { fillLedger } from './helpers/fill-ledger';
import { AS_OF, goodFill, SHEET, seedPlan, withChanges } from './helpers/validate-fixture';

const index = indexTemplate(seedPlan);

test('a value merged down over the next task counts for both tasks', async () => {
  const bytes = await fillLedger(seedPlan, { ...goodFill(), merges: [{ taskId: 'P4T13', key: 'unit', rows: 2 }] });
  const check = checkSubmission(bytes, 'merged.xlsx', index, { asOf: AS_OF });
  expect(check.status).toBe('checked');
  if (check.status !== 'checked') return;
  expect(check.workbook.sheets.find((s) => s.name === SHEET.p4)?.merges.length).toBeGreaterThan(0);
  expect(check.issues.filter((i) => i.code === 'VALIDATE_UNIT_MISSING')).toEqual([]);
});

test('every issue names its file, and a refusal comes back as data', async () => {
  const bytes = await fillLedger(seedPlan, withChanges({ tasks: { P1T1: { owner: null } } }));
  const check = checkSubmission(bytes, '学校甲.xlsx', index, { asOf: AS_OF });
  expect(check.status === 'checked' && check.issues.map((i) => [i.code, i.where.file])).toEqual([['VALIDATE_OWNER_MISSING', '学校甲.xlsx']]);
  const refused = checkSubmission(new TextEncoder().encode('not a workbook'), 'x.xlsx', index, { asOf: AS_OF });
  expect(refused).toMatchObject({ status: 'refused', issue: { code: 'XLSX_READ_TEXT_FILE', where: { file: 'x.xlsx' } } });
});
