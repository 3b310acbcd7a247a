/**
 * The three actions on the live workbook in Excel: the shared host controller
 * (host/controller.ts) over the Office adapter. This file only says how each
 * step calls the Office adapter (with which env, capabilities and options),
 * and that an OfficeExtension.Error thrown past it is Office's, not ours.
 */
import { TaizhangError } from '../../core/issues.js';
import type { Capabilities } from '../../office/capabilities.js';
import type { OfficeEnv } from '../../office/env.js';
import { toOfficeFailure } from '../../office/office-errors.js';
import type * as Heavy from './heavy.js';
import type { PaneInputs } from '../pane-inputs.js';
import { WorkbookController, type HostWorkbook, type PaneView } from '../host/controller.js';

/** The adapter functions and the plan/roll-up code, as the heavy chunk exports them. */
export type ExcelDeps = Pick<
  typeof Heavy,
  'generateInExcel' | 'validateInExcel' | 'markProblems' | 'clearMarks' | 'selectCell' | 'writeSummaryToExcel' | 'ledgerSpec' | 'pickedPlan' | 'rollUpFiles'
>;

export type { PaneInputs };
export type { PaneView, RolledUpView } from '../host/controller.js';

/** An error from Office itself (OfficeExtension.Error carries a string `code`), not a fault of ours. */
function isOfficeError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && !(error instanceof TaizhangError);
}

/** The Office adapter as the shared controller's host workbook. */
export function excelWorkbook(deps: ExcelDeps, env: OfficeEnv, caps: Capabilities): HostWorkbook {
  return {
    name: 'Excel',
    generate: (spec) => deps.generateInExcel(spec, env, { caps }),
    validate: (plan, asOf) => deps.validateInExcel(plan, { asOf, caps }, env),
    mark: (issues) => deps.markProblems(issues, env, caps),
    clear: () => deps.clearMarks(env, caps),
    select: (sheet, cell) => deps.selectCell(sheet, cell, env),
    writeSummary: (spec) => deps.writeSummaryToExcel(spec, env, { caps }),
    // Excel.run itself can reject (no request context, the add-in lost its session): shown with Office's code.
    thrownFailure: (error) => (isOfficeError(error) ? toOfficeFailure(error) : undefined),
  };
}

export class ExcelController extends WorkbookController {
  constructor(deps: ExcelDeps, env: OfficeEnv, caps: Capabilities, inputs: PaneInputs, view: PaneView) {
    super(deps, excelWorkbook(deps, env, caps), inputs, view);
  }
}
