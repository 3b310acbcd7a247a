/**
 * 生成台账 and 写入汇总 against a mocked Excel that answers as Microsoft's
 * reference and the confirmed OfficeDev/office-js issues say: features used
 * only where their requirement set allows, the whole-sheet insert that fails
 * (or inserts and then fails) on the web, requests refused over the payload
 * limit, header codes, freeze panes on the active sheet only, and the
 * application-wide calculation mode left alone.
 */
import { buildTemplateSpec } from '../src/core/template/build-spec';
import type { SheetSpec, WorkbookSpec } from '../src/core/workbook/spec';
import { STYLES } from '../src/core/template/styles';
import { headerSections } from '../src/office/apply-ops';
import { generateInExcel, writeSummaryToExcel } from '../src/office/generate';
import { jsonBytes } from '../src/office/write-ops';
import { excelMock, OfficeError } from './helpers/excel-mock';
import { seedPlan } from './helpers/seed-plan';

const spec = buildTemplateSpec(seedPlan());
const specNames = spec.sheets.map((s) => s.name);

describe('requirement sets as documented', () => {
  test('ExcelApi 1.1: visibility can be read but not set (1.2), so the metadata sheet stays visible and the user is told', async () => {
    const mock = excelMock(1);
    const result = await generateInExcel(spec, mock.env, { token: 'v1' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.notes.some((n) => n.code === 'OFFICE_SKIPPED_FEATURE' && n.params.need === '1.2' && String(n.params.feature).includes('隐藏'))).toBe(true);
    expect(mock.live().find((s) => s.name === '_taizhang')?.visibility).toBe('Visible');
  });

  test('ExcelApi 1.1: cleaning up after a failure deletes our sheets without setting visibility', async () => {
    const mock = excelMock(1);
    mock.failSync(3, new OfficeError('GeneralException', 'There was an internal error while processing the request.'));
    const result = await generateInExcel(spec, mock.env, { token: 'c1' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.notes.map((n) => n.code)).not.toContain('OFFICE_CLEANUP_FAILED');
    expect(mock.live().map((s) => s.name)).toEqual(['Sheet1']);
  });

  test.each([2, 6])('ExcelApi 1.%i: sheets are protected without selectionMode (it needs 1.7)', async (minor) => {
    const mock = excelMock(minor);
    const result = await generateInExcel(spec, mock.env, { token: 'p' });
    if (!result.ok) throw new Error(result.error.message);
    const pillar = mock.live().find((s) => s.name === specNames[1])!;
    expect(pillar.protection.protected).toBe(true);
    expect(pillar.protection.options).not.toHaveProperty('selectionMode');
    expect(pillar.protection.options).toMatchObject({ allowSort: true, allowAutoFilter: true });
  });
});

describe('the whole-sheet insert (ExcelApi 1.13) when Excel on the web fails it', () => {
  test.each(['insertThenThrow', 'throw'] as const)('%s: cleaned up, then written once through the range path', async (insert) => {
    const mock = excelMock(13, [{ name: 'Sheet1' }], { insert });
    const result = await generateInExcel(spec, mock.env, { token: 'i' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result).toMatchObject({ method: 'ranges', sheets: specNames });
    expect(result.notes.map((n) => n.code)).toContain('OFFICE_INSERT_FALLBACK');
    expect(mock.live().map((s) => s.name)).toEqual(['Sheet1', ...specNames]);
    expect(mock.ranges.some((r) => r.sheet === '~tzi-2' && Array.isArray(r.values))).toBe(true);
  });

  test('a refusal the user must act on (workbook structure locked) is not retried', async () => {
    const mock = excelMock(13, [{ name: 'Sheet1' }], { insert: 'throw' });
    mock.protectWorkbook(true);
    const result = await generateInExcel(spec, mock.env, { token: 'w' });
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFICE_WORKBOOK_PROTECTED' } });
    expect(mock.ranges).toEqual([]);
  });
});

describe('calculation mode is application-wide on the desktop: never switched', () => {
  test('ExcelApi 1.12 range path writes without touching calculationMode', async () => {
    const mock = excelMock(12);
    const result = await generateInExcel(spec, mock.env, { token: 'k' });
    expect(result.ok).toBe(true);
    expect(mock.calls.calcSets).toEqual([]);
  });

  test('the pane closing between batches (every sync from the 3rd fails) cannot leave Excel in manual calculation', async () => {
    const mock = excelMock(12);
    mock.failSync(3, new OfficeError('RequestAborted', 'The request was aborted during run time.'), true);
    await generateInExcel(spec, mock.env, { token: 'a' });
    expect(mock.context.workbook.application.calculationMode).toBe('Automatic');
    expect(mock.calls.calcSets).toEqual([]);
  });
});

/** A one-sheet summary of `rows` rows of eight CJK columns (about 640 bytes a row). */
function summarySpec(rows: number): WorkbookSpec {
  const sheet: SheetSpec = {
    name: '明细',
    kind: 'summary',
    state: 'visible',
    columns: Array.from({ length: 8 }, (_, i) => ({ key: `c${i}`, header: `列${i}`, width: 20, locked: true, wrap: true, hidden: false })),
    rows: Array.from({ length: rows }, (_, i) => ({
      row: i + 1,
      cells: Array.from({ length: 8 }, (_, c) => ({ col: c + 1, value: `已按计划完成各项工作，成效明显，下一步继续推进${i}-${c}`, style: 'fixed' })),
    })),
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
  return { templateId: 'summary-test', templateVersion: 1, title: '汇总', sheets: [sheet], styles: { ...STYLES }, definedNames: [], lockStructure: false };
}

describe('a request Excel still refuses as too large', () => {
  test('RequestPayloadSizeLimitExceeded: the batch is halved and retried until it fits; every row arrives once, in order', async () => {
    const limit = 300_000;
    const mock = excelMock(13, [{ name: 'Sheet1' }], { payloadLimit: limit });
    const result = await writeSummaryToExcel(summarySpec(3000), mock.env, { token: 'h', budgetBytes: 1_000_000, sliceBytes: 100_000 });
    if (!result.ok) throw new Error(result.error.message);
    const written = mock.ranges.filter((r) => r.sheet === '~tzh-1' && Array.isArray(r.values)).flatMap((r) => r.values as string[][]);
    expect(written).toHaveLength(3000);
    written.forEach((row, i) => expect(row[0]).toBe(`已按计划完成各项工作，成效明显，下一步继续推进${i}-0`));
    const perBatch = new Map<number, number>();
    for (const r of mock.ranges) perBatch.set(r.batch, (perBatch.get(r.batch) ?? 0) + jsonBytes(r.values ?? null) + jsonBytes(r.numberFormat ?? null));
    for (const bytes of perBatch.values()) expect(bytes).toBeLessThanOrEqual(limit);
    // Some requests were refused and resent: more syncs than the read, the accepted batches and the rename.
    expect(result.syncs).toBeGreaterThan(perBatch.size + 2);
    expect(mock.live().map((s) => s.name)).toEqual(['Sheet1', '明细']);
  });
});

describe('header and footer codes', () => {
  test('“&&” is a literal ampersand, not the start of a section code', () => {
    expect(headerSections('&L研究&&Learn&C第&P页 / 共&N页&R&&R')).toEqual({ left: '研究&&Learn', center: '第&P页 / 共&N页', right: '&&R' });
  });
});

describe('freeze panes', () => {
  test('are set on the active sheet only (on an inactive one Excel fires WorksheetActivated: OfficeDev/office-js #3148); the first visible sheet ends active', async () => {
    const mock = excelMock(7);
    const result = await generateInExcel(spec, mock.env, { token: 'z' });
    if (!result.ok) throw new Error(result.error.message);
    expect(mock.calls.freezes.length).toBeGreaterThan(0);
    expect(mock.calls.freezes.every((f) => f.active)).toBe(true);
    expect(mock.active?.name).toBe(specNames[0]);
    expect(result.syncs).toBe(3);
  });
});
