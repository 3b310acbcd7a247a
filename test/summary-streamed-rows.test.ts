/**
 * 明细 and 问题清单 of a province (20,000 schools) are millions of cells: built
 * with `stream`, their rows are made while the .xlsx is written, never held
 * whole. The file must be the same, byte for byte, as the one from the whole
 * spec, and a text too long for a cell in a streamed row is still cut and told.
 */
import { createHash } from 'node:crypto';
import { buildSummarySpec, DETAIL_SHEET_NAME, MATRIX_SHEET_NAME, OVERDUE_SHEET_NAME, PROBLEMS_SHEET_NAME, SUBMISSIONS_SHEET_NAME } from '../src/core/summary/build-summary';
import type { Issue } from '../src/core/model';
import { writeWorkbook } from '../src/xlsx/write/index';
import { index } from './rollup-fixtures';
import { summaryRollup } from './summary-fixtures';

const hash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

test('a summary with streamed 报送情况, 汇总, 逾期清单, 明细 and 问题清单 is byte-identical to the one built whole', async () => {
  const rollup = summaryRollup();
  const whole = buildSummarySpec(rollup, index);
  const streamed = buildSummarySpec(rollup, index, undefined, { stream: true });
  for (const name of [SUBMISSIONS_SHEET_NAME, MATRIX_SHEET_NAME, OVERDUE_SHEET_NAME, DETAIL_SHEET_NAME, PROBLEMS_SHEET_NAME]) {
    const sheet = streamed.sheets.find((s) => s.name === name)!;
    const full = whole.sheets.find((s) => s.name === name)!;
    // Only the title, subtitle, header and notes are held; the body and totals are made as they are written.
    expect(sheet.streamed?.count).toBeGreaterThan(0);
    expect(sheet.rows.length + sheet.streamed!.count + (sheet.streamed!.tail?.length ?? 0)).toBe(full.rows.length);
    expect(full.streamed).toBeUndefined();
  }
  expect(hash(await writeWorkbook(streamed))).toBe(hash(await writeWorkbook(whole)));
});

test('a text too long for one cell in a streamed row is cut and told, naming the same cell as the whole spec does', async () => {
  const rollup = summaryRollup();
  rollup.details[1] = { ...rollup.details[1]!, progress: '认真落实'.repeat(10_000) };
  const told = async (stream: boolean): Promise<{ issues: Issue[]; bytes: Uint8Array }> => {
    const issues: Issue[] = [];
    const bytes = await writeWorkbook(buildSummarySpec(rollup, index, undefined, { stream }), { onIssue: (item) => issues.push(item) });
    return { issues, bytes };
  };
  const streamed = await told(true);
  const whole = await told(false);
  expect(streamed.issues.map((i) => [i.code, i.where.sheet, i.where.cell])).toEqual([['WORKBOOK_TEXT_CUT', DETAIL_SHEET_NAME, expect.stringMatching(/^J\d+$/)]]);
  expect(streamed.issues).toEqual(whole.issues);
  expect(hash(streamed.bytes)).toBe(hash(whole.bytes));
});
