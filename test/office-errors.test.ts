/**
 * What the pane tells the user when Excel refuses, mapped on the error code
 * and where it happened (`debugInfo.errorLocation`), as Microsoft documents
 * them in "Error handling with the application-specific JavaScript APIs"
 * (OfficeExtension.ErrorCodes, Excel.ErrorCodes); and every batch asks Excel
 * to wait for a cell edit to end instead of failing (`delayForCellEdit`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { officeEnvFromGlobals } from '../src/office/env';
import { OFFICE_CODE_ADVICE, toOfficeFailure } from '../src/office/office-errors';
import { OfficeError } from './helpers/excel-mock';

/** The codes of the common table on that page (the Excel-only ones are read from @types/office-js below). */
const DOCUMENTED_COMMON = [
  'AccessDenied', 'ActivityLimitReached', 'ApiNotAvailable', 'ApiNotFound', 'BadPassword', 'Conflict', 'ContentLengthRequired',
  'GeneralException', 'InsertDeleteConflict', 'InvalidArgument', 'InvalidBinding', 'InvalidOperation', 'InvalidReference',
  'InvalidRequest', 'InvalidSelection', 'ItemAlreadyExists', 'ItemNotFound', 'MemoryLimitReached', 'NotImplemented',
  'RequestAborted', 'RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'ServiceNotAvailable',
  'Unauthenticated', 'UnsupportedFeature', 'UnsupportedOperation',
];

function excelErrorCodes(): string[] {
  const types = fs.readFileSync(path.join(__dirname, '..', 'node_modules', '@types', 'office-js', 'index.d.ts'), 'utf8');
  const start = types.indexOf('enum ErrorCodes {', types.indexOf('declare namespace Excel'));
  const body = types.slice(start, types.indexOf('}', start));
  return [...body.matchAll(/= "(\w+)"/g)].map((m) => m[1]!);
}

const failure = (code: string, message: string, errorLocation?: string) => toOfficeFailure(new OfficeError(code, message, errorLocation));

describe('Office error → advice', () => {
  test('every code we map is one Microsoft documents (no ServiceUnavailable, no EditModeCellEditing)', () => {
    const known = new Set([...DOCUMENTED_COMMON, ...excelErrorCodes()]);
    expect(known.has('InvalidOperationInCellEditMode')).toBe(true);
    for (const code of Object.keys(OFFICE_CODE_ADVICE)) expect(known).toContain(code);
  });

  test.each([
    ['ServiceNotAvailable', 'The service is unavailable.', undefined, 'OFFICE_BUSY'],
    ['InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.', undefined, 'OFFICE_CELL_EDITING'],
    ['BadPassword', 'The password you supplied is incorrect.', 'WorksheetProtection.unprotect', 'OFFICE_SHEET_PASSWORD'],
    ['AccessDenied', 'You cannot perform the requested operation.', 'WorksheetProtection.unprotect', 'OFFICE_SHEET_PASSWORD'],
    ['InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'WorksheetProtection.protect', 'OFFICE_SHEET_PASSWORD'],
    ['AccessDenied', 'You cannot perform the requested operation.', 'WorksheetCollection.add', 'OFFICE_WORKBOOK_PROTECTED'],
    ['AccessDenied', 'You cannot perform the requested operation.', 'Worksheet.visibility', 'OFFICE_WORKBOOK_PROTECTED'],
    ['AccessDenied', 'You cannot perform the requested operation.', 'Range.values', 'OFFICE_READ_ONLY'],
    ['InvalidOperation', 'The cell you are trying to change is on a protected sheet.', 'RangeFill.color', 'OFFICE_PROTECTED'],
    ['InvalidOperation', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB.', undefined, 'OFFICE_CELL_EDITING'],
    ['InvalidOperation', 'The operation attempted is invalid on the object.', 'Worksheet.delete', 'OFFICE_FAILED'],
  ])('%s (“%s” at %s) → %s', (code, message, where, expected) => {
    const got = failure(code, message, where);
    expect(got.code).toBe(expected);
    expect(got.officeCode).toBe(code);
  });

  test('an operation refused for an unknown reason is not blamed on protection, and shows what Excel said', () => {
    const got = failure('InvalidOperation', 'The operation attempted is invalid on the object.');
    expect(got.code).not.toBe('OFFICE_PROTECTED');
    expect(got.message).toContain('The operation attempted is invalid on the object.');
  });
});

describe('Excel.run waits for a cell edit to end', () => {
  test('the real environment calls Excel.run({ delayForCellEdit: true }, batch)', async () => {
    const calls: unknown[][] = [];
    const globals = {
      Excel: { run: (...args: unknown[]) => (calls.push(args), (args[args.length - 1] as (c: unknown) => Promise<unknown>)('ctx')) },
      Office: { context: { requirements: { isSetSupported: () => true } } },
    };
    const env = officeEnvFromGlobals(globals)!;
    expect(await env.run(async (context) => context)).toBe('ctx');
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toEqual({ delayForCellEdit: true });
  });
});
