/**
 * Names for sheets added to a workbook the user already has: final names
 * never clash with the user's sheets (they get `（2）`, `（3）`…), and every
 * sheet is first written under a temporary name that is renamed to its final
 * name only in the last step, so an error never leaves a half-written sheet
 * under a real name.
 */
import { quoteSheetName, uniqueSheetNames } from '../template/sheet-names.js';
import type { CellSpec, WorkbookSpec } from './spec.js';

/** Every temporary sheet name starts with this, so leftovers are recognisable. */
export const TEMP_PREFIX = '~tz';

export interface SheetNameLayout {
  /** Final name of each spec sheet, in spec order. */
  finals: string[];
  /** Temporary name of each spec sheet while it is written. */
  temps: string[];
  /** Spec sheets whose name was taken: their new name. */
  renamed: { name: string; newName: string }[];
}

/** `token` makes temporary names unique per run (e.g. a time stamp in base 36). */
export function layOutSheetNames(specNames: readonly string[], existing: readonly string[], token: string): SheetNameLayout {
  const finals = uniqueSheetNames(specNames, existing);
  const taken = new Set([...existing, ...finals].map((n) => n.toLowerCase()));
  const temps = specNames.map((_, i) => {
    let candidate = `${TEMP_PREFIX}${token}-${i + 1}`;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${TEMP_PREFIX}${token}-${i + 1}-${n}`;
    taken.add(candidate.toLowerCase());
    return candidate.slice(0, 31);
  });
  const renamed = specNames.flatMap((name, i) => (finals[i] !== name ? [{ name, newName: finals[i]! }] : []));
  return { finals, temps, renamed };
}

function replaceQuoted(text: string, map: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [from, to] of map) out = out.split(quoteSheetName(from)).join(quoteSheetName(to));
  return out;
}

/**
 * The spec with its contents pointing at the final names: links, defined
 * names, conditional-format formulas and, on the metadata sheet, the cells
 * that name a sheet (the reader matches them exactly). Sheet names stay as
 * they were; the writer decides what each sheet is called while written.
 */
export function retargetSpec(spec: WorkbookSpec, finals: readonly string[]): WorkbookSpec {
  const map = new Map<string, string>();
  spec.sheets.forEach((sheet, i) => {
    if (finals[i] !== undefined && finals[i] !== sheet.name) map.set(sheet.name, finals[i]!);
  });
  if (map.size === 0) return spec;
  const cell = (c: CellSpec, isMeta: boolean): CellSpec => ({
    ...c,
    ...(isMeta && typeof c.value === 'string' && map.has(c.value) ? { value: map.get(c.value)! } : {}),
    ...(c.link ? { link: replaceQuoted(c.link, map) } : {}),
  });
  return {
    ...spec,
    sheets: spec.sheets.map((sheet) => ({
      ...sheet,
      rows: sheet.rows.map((row) => ({ ...row, cells: row.cells.map((c) => cell(c, sheet.kind === 'meta')) })),
      conditionalFormats: sheet.conditionalFormats.map((cf) => ({ ...cf, formula: replaceQuoted(cf.formula, map) })),
    })),
    definedNames: spec.definedNames.map((d) => ({ ...d, refersTo: replaceQuoted(d.refersTo, map) })),
  };
}

/** The spec as written while staging: sheets under their temporary names, no workbook-level parts. */
export function stagedSpec(spec: WorkbookSpec, temps: readonly string[]): WorkbookSpec {
  return {
    ...spec,
    sheets: spec.sheets.map((sheet, i) => ({ ...sheet, name: temps[i]! })),
    definedNames: [],
    lockStructure: false,
  };
}
