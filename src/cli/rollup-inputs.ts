/**
 * What a roll-up reads, for the two checks made before any file is checked:
 * which files are used for something else (never read as submissions), and
 * what the summary may not overwrite or land among (see output-guard.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Excluded, FoundFile } from './collect-files.js';
import type { OutputInputs } from './output-guard.js';

export interface RollupSources {
  cwd: string;
  positionals: string[];
  roster?: string;
  plan: string;
  rules?: string;
  /** Last round's summary (--previous): read, never overwritten, never taken for a school. */
  previous?: string;
}

/** The roster, plan and rules files: found inside a folder, they are listed apart, not read as schools. */
export function usedForOtherThings(s: RollupSources): Excluded[] {
  return [
    ...(s.roster !== undefined ? [{ file: s.roster, role: '学校名单（--roster）' }] : []),
    { file: s.plan, role: '工作要点（--plan）' },
    ...(s.rules !== undefined ? [{ file: s.rules, role: '校验规则（--rules）' }] : []),
    ...(s.previous !== undefined ? [{ file: s.previous, role: '上期汇总（--previous）' }] : []),
  ];
}

const isFolder = (file: string): boolean => {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
};

export function summaryMustNotTouch(s: RollupSources, found: readonly FoundFile[]): OutputInputs {
  const given = s.positionals.map((p) => path.resolve(s.cwd, p));
  const others = usedForOtherThings(s).map((e) => path.resolve(s.cwd, e.file));
  return {
    cwd: s.cwd,
    suffix: '汇总',
    folders: given.filter(isFolder),
    files: [...given.filter((p) => !isFolder(p)), ...others],
    found: found.flatMap((f) => (f.dev !== undefined && f.ino !== undefined ? [{ dev: f.dev, ino: f.ino, name: f.name }] : [])),
  };
}
