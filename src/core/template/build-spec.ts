/** Plan → template spec: the whole ledger layout as data, for every renderer. */
import type { Plan } from '../model.js';
import { templateIdFor } from './fingerprint.js';
import { instructionsSheet, UNIT_FIELDS, unitFieldCell } from './instructions-sheet.js';
import { metaSheet, type PlacedTask } from './meta-sheet.js';
import { pillarSheet, taskRowNumbers } from './pillar-sheet.js';
import type { LedgerPrefill } from './prefill.js';
import { pillarSheetBaseName, quoteSheetName, uniqueSheetNames } from './sheet-names.js';
import { type DefinedNameSpec, type WorkbookSpec } from '../workbook/spec.js';
import { INSTRUCTIONS_SHEET_NAME, META_SHEET_NAME, PILLAR_NAME_PREFIX, TEMPLATE_VERSION } from './constants.js';
import { STYLES } from './styles.js';

export interface TemplateOptions {
  /** Prefills 填报单位 on the 填报说明 sheet. */
  unit?: string;
  /** Last round's submission, carried into the new ledger (a given `unit` wins over its 填报单位). */
  prefill?: LedgerPrefill;
}

/** Sheet names for the pillars, in order: short, valid, unique, clear of the fixed sheets. */
export function pillarSheetNames(plan: Plan): string[] {
  return uniqueSheetNames(
    plan.pillars.map((p) => pillarSheetBaseName(p.numeral, p.title)),
    [INSTRUCTIONS_SHEET_NAME, META_SHEET_NAME],
  );
}

export function buildTemplateSpec(plan: Plan, options: TemplateOptions = {}): WorkbookSpec {
  const templateId = templateIdFor(plan);
  const names = pillarSheetNames(plan);
  const prefill = options.prefill ?? {};
  const placed: PlacedTask[] = plan.pillars.flatMap((pillar, p) => {
    const at = taskRowNumbers(pillar, prefill);
    return pillar.tasks.map((task, i) => ({
      taskId: task.id,
      pillarNo: pillar.no,
      taskNo: task.no,
      sheetName: names[p]!,
      row: at[i]!,
      title: task.title,
    }));
  });
  // `TZ_P<n>` counts pillar sheets from 1 (pillar numbers may repeat in a faulty plan; names must not).
  // Excel and LibreOffice rewrite these when a sheet is renamed, so readers can still find each pillar.
  const definedNames: DefinedNameSpec[] = [
    ...plan.pillars.map((_, p) => ({ name: `${PILLAR_NAME_PREFIX}${p + 1}`, refersTo: `${quoteSheetName(names[p]!)}!$A$1` })),
    ...UNIT_FIELDS.map((field) => ({
      name: field.definedName,
      refersTo: `${quoteSheetName(INSTRUCTIONS_SHEET_NAME)}!${unitFieldCell(field.key).replace(/([A-Z]+)(\d+)/, '$$$1$$$2')}`,
    })),
  ];
  return {
    templateId,
    templateVersion: TEMPLATE_VERSION,
    title: `${plan.title}台账`,
    sheets: [
      instructionsSheet(plan.title, { ...prefill.cover, ...(options.unit ? { unit: options.unit } : {}) }),
      ...plan.pillars.map((pillar, p) => pillarSheet(pillar, names[p]!, plan.title, prefill)),
      metaSheet(plan, templateId, TEMPLATE_VERSION, placed),
    ],
    styles: { ...STYLES },
    definedNames,
    lockStructure: true,
  };
}
