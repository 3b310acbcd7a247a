/**
 * The three actions on the workbook open in WPS 表格: the shared host
 * controller (host/controller.ts) over the ET adapter. ET is synchronous, so
 * each adapter call is one step; what it throws past the adapter is WPS's
 * own error (a plain script error with WPS's words), shown with them.
 */
import { TaizhangError } from '../../core/issues.js';
import type { EtApplication } from '../../wps/et-types.js';
import type { PaneInputs } from '../pane-inputs.js';
import { WorkbookController, type HostWorkbook, type PaneView } from '../host/controller.js';
import type * as Heavy from './heavy.js';

export type WpsDeps = typeof Heavy;

/** The ET adapter as the shared controller's host workbook. */
export function wpsWorkbook(deps: WpsDeps, app: EtApplication): HostWorkbook {
  return {
    name: 'WPS 表格',
    generate: async (spec) => deps.generateInWps(spec, app),
    validate: (plan, asOf) => deps.validateInWps(plan, { asOf }, app),
    mark: async (issues) => deps.markProblemsInWps(issues, app),
    clear: async () => deps.clearMarksInWps(app),
    select: async (sheet, cell) => deps.selectCellInWps(sheet, cell, app),
    writeSummary: async (spec) => deps.writeSummaryToWps(spec, app),
    thrownFailure: (error) => (error instanceof TaizhangError ? undefined : deps.toWpsFailure(error)),
  };
}

export class WpsController extends WorkbookController {
  constructor(deps: WpsDeps, app: EtApplication, inputs: PaneInputs, view: PaneView) {
    super(deps, wpsWorkbook(deps, app), inputs, view);
  }
}
