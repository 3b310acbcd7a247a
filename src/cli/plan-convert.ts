/**
 * Old Word (.doc) and WPS (.wps) plans in the CLI: the plan loader recognises
 * them (FAULT_PLAN_LEGACY_WORD, which is all the page can say) and the CLI
 * then has LibreOffice Writer turn the file into a .docx and loads that, as
 * .xls submissions go through Calc. The plan keeps the user's file name in
 * every message; its `source` says it was converted.
 */
import { TaizhangError } from '../core/issues.js';
import type { LoadedPlan } from '../app/load-plan.js';
import type { InputFile } from '../app/input-file.js';
import { convertWithLibreOffice, findSoffice } from './convert-legacy.js';

/** The .docx LibreOffice makes of the file at `filePath`, under the user's file name. */
export async function convertLegacyPlan(filePath: string, name: string): Promise<InputFile> {
  const soffice = findSoffice();
  if (!soffice) throw new TaizhangError('FAULT_PLAN_NEEDS_LIBREOFFICE', { file: name });
  const bytes = (await convertWithLibreOffice(soffice, [filePath], 'docx')).get(filePath);
  if (!bytes) throw new TaizhangError('FAULT_PLAN_CONVERT_FAILED', { file: name });
  return { name, bytes };
}

/** Loads the plan; an old Word/WPS file is converted and loaded again. */
export async function loadConverting(load: (file: InputFile) => Promise<LoadedPlan>, file: InputFile, filePath: string): Promise<LoadedPlan> {
  try {
    return await load(file);
  } catch (error) {
    if (!(error instanceof TaizhangError) || error.code !== 'FAULT_PLAN_LEGACY_WORD') throw error;
  }
  const loaded = await load(await convertLegacyPlan(filePath, file.name));
  return { ...loaded, source: 'doc' };
}
