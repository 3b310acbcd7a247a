/**
 * The app layer has no catch-all index, so each front end loads only the
 * steps it runs: a check thread (and `taizhang validate` without -o) never
 * loads zod, exceljs or mammoth. Measured in a child process on the built
 * CLI (`npm test` builds it first), by what Node's module cache holds.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const LIB = path.join(__dirname, '..', 'lib');

/** The packages loaded after requiring `modules` from lib/. */
function packagesLoadedBy(modules: string[]): string[] {
  const script = `
    for (const m of ${JSON.stringify(modules)}) require(${JSON.stringify(LIB)} + '/' + m);
    const names = Object.keys(require.cache).map((f) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean);
    process.stdout.write(JSON.stringify([...new Set(names)].sort()));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
}

const HEAVY = ['exceljs', 'mammoth', 'pdfjs-dist', 'zod'];

test('a check thread’s modules load none of zod, exceljs and mammoth', () => {
  const loaded = packagesLoadedBy(['cli/check-files.js', 'app/submission-checker.js']);
  expect(loaded.filter((p) => HEAVY.includes(p))).toEqual([]);
});

test('checking one file against a .txt plan loads none of them either', () => {
  const loaded = packagesLoadedBy(['app/load-plan.js', 'app/check-submission.js', 'cli/commands/validate.js']);
  expect(loaded.filter((p) => HEAVY.includes(p))).toEqual([]);
});

test('the measure sees a heavy package when one is loaded (the rule zod is checked by)', () => {
  expect(packagesLoadedBy(['core/validate/rules.js'])).toContain('zod');
});
