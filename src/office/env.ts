/**
 * How src/office reaches Excel: through an injectable environment, so tests
 * can hand in office-addin-mock objects and switch requirement sets, and so
 * nothing here touches the `Excel`/`Office` globals at import time.
 */
/// <reference types="office-js" />

export interface OfficeEnv {
  /** `Excel.run`: one batch context per action, delayed while the user is editing a cell. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported('ExcelApi', '1.x')`. */
  isSetSupported(version: string): boolean;
}

interface OfficeGlobals {
  Excel?: { run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
  Office?: { context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } } };
}

/** The real environment inside Excel; undefined when office.js is not loaded (plain browser, tests). */
export function officeEnvFromGlobals(globals: unknown = globalThis): OfficeEnv | undefined {
  const g = globals as OfficeGlobals;
  const excel = g.Excel;
  const requirements = g.Office?.context?.requirements;
  if (!excel || !requirements) return undefined;
  return {
    // Without it a batch that reaches Excel while the user is typing in a cell fails (RunOptions.delayForCellEdit);
    // with it Excel runs the batch when the edit ends. The reference lists the option from its ExcelApi 1.1 pages on.
    run: (batch) => excel.run({ delayForCellEdit: true }, batch),
    isSetSupported: (version) => requirements.isSetSupported('ExcelApi', version),
  };
}
