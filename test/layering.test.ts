import * as fs from 'node:fs';
import * as path from 'node:path';
import { findImportCycles, findLayerViolations, importRefs, importSpecifiers, type SourceFile } from './helpers/layering';

const SRC = path.join(__dirname, '..', 'src');

function readTree(dir: string, prefix = ''): SourceFile[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return readTree(path.join(dir, entry.name), rel);
    if (!/\.(ts|tsx|js|mjs|cjs)$/.test(entry.name)) return [];
    return [{ file: rel, text: fs.readFileSync(path.join(dir, entry.name), 'utf8') }];
  });
}

describe('layering: front ends → app → adapters → core', () => {
  test('the real source tree has no wrong-direction import', () => {
    const files = readTree(SRC);
    expect(files.some((f) => f.file.startsWith('core/'))).toBe(true);
    expect(findLayerViolations(files)).toEqual([]);
  });

  test('finds every kind of import statement', () => {
    const text = [
      "import { z } from 'zod';",
      "import type { Plan } from './model.js';",
      "export { issue } from './issues.js';",
      "import * as fs from 'node:fs';",
      "const ExcelJS = require('exceljs');",
      "const lazy = await import('../xlsx/render.js');",
      "import './side-effect.js';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual([
      'zod', './model.js', './issues.js', 'node:fs', 'exceljs', '../xlsx/render.js', './side-effect.js',
    ]);
  });

  test.each([
    ['core/a.ts', "import { x } from '../xlsx/render.js';", 'core must not import xlsx'],
    ['core/a.ts', "import * as fs from 'node:fs';", 'core must not import the package node:fs'],
    ['core/a.ts', "import ExcelJS from 'exceljs';", 'core must not import the package exceljs'],
    ['xlsx/a.ts', "import { main } from '../cli/main.js';", 'xlsx must not import cli'],
    ['xlsx/a.ts', "import { readFileSync } from 'fs';", 'xlsx must not import the package fs'],
    ['cli/a.ts', "import { run } from '../office/run.js';", 'cli must not import office'],
    ['office/a.ts', "import { x } from '../taskpane/ui.js';", 'office must not import taskpane'],
    ['taskpane/a.ts', "import * as fs from 'node:fs';", 'taskpane must not import the package node:fs'],
    ['core/a.ts', "import { x } from '../../test/helpers.js';", 'imports from outside src/'],
    ['core/a.ts', "import { loadPlan } from '../app/load-plan.js';", 'core must not import app'],
    ['xlsx/a.ts', "import { checkSubmission } from '../app/check-submission.js';", 'xlsx must not import app'],
    ['app/a.ts', "import { run } from '../office/run.js';", 'app must not import office'],
    ['app/a.ts', "import { main } from '../cli/main.js';", 'app must not import cli'],
    ['app/a.ts', "import * as fs from 'node:fs';", 'app must not import the package node:fs'],
    ['office/a.ts', "import { loadPlan } from '../app/load-plan.js';", 'office must not import app'],
    ['cli/a.ts', "import { readWorkbook } from '../xlsx/read/index.js';", 'cli must not import xlsx'],
    ['taskpane/a.ts', "import { readPlanDocument } from '../docx/plan-document.js';", 'taskpane must not import docx'],
    ['cli/commands/a.ts', "import { parsePlan } from '../../core/plan/index.js';", 'cli must call app, not the pipeline step core/plan/index.ts'],
    ['cli/a.ts', "import { rollUp } from '../core/rollup/roll-up.js';", 'cli must call app, not the pipeline step core/rollup/roll-up.ts'],
    ['taskpane/work/a.ts', "import { indexTemplate } from '../../core/ledger/template-index.js';", 'taskpane must call app, not the pipeline step core/ledger/template-index.ts'],
    ['taskpane/a.ts', "import { buildSummarySpec } from '../core/summary/build-summary.js';", 'taskpane must call app, not the pipeline step core/summary/build-summary.ts'],
    ['core/a.ts', "import seed from '../../seeds/plan.txt';", 'imports from outside src/'],
    ['taskpane/a.ts', "import { x } from '../../test/helpers.js';", 'imports from outside src/'],
    ['docx/a.ts', "import { readWorkbook } from '../xlsx/read/index.js';", 'docx may import only ^xlsx\\/read\\/(zip|xml|types|workbook|detect)\\.ts$ of xlsx, not xlsx/read/index.ts'],
    ['docx/a.ts', "import mammoth from 'mammoth';", 'docx must not import the package mammoth'],
    ['pdf/a.ts', "import { readPlanDocument } from '../docx/plan-document.js';", 'pdf must not import docx'],
    ['pdf/a.ts', "import * as fs from 'node:fs';", 'pdf must not import the package node:fs'],
    ['cli/a.ts', "import { readPdfText } from '../pdf/read-pdf.js';", 'cli must not import pdf'],
  ])('%s with %s is refused', (file, text, reason) => {
    expect(findLayerViolations([{ file, text }])).toEqual([expect.objectContaining({ file, reason })]);
  });

  test.each([
    ['cli/a.ts', "import { rollUpSubmissions } from '../app/roll-up-submissions.js';"],
    ['cli/a.ts', "import type { ReadPlatform } from '../xlsx/read/index.js';"],
    ['cli/a.ts', "import type { Rollup } from '../core/rollup/roll-up.js';"],
    ['app/a.ts', "import { readWorkbook } from '../xlsx/read/index.js';"],
    ['app/a.ts', "import { parsePlan } from '../core/plan/index.js';"],
    ['taskpane/a.ts', "import { fillLedger } from '../office/ledger.js';"],
    ['xlsx/a.ts', "import { issue } from '../core/issues.js';"],
    ['core/a.ts', "import { z } from 'zod';"],
    ['taskpane/work/plan.ts', "import seed from '../../../seeds/yizheng-2024-party-building-plan.txt';"],
    ['docx/a.ts', "import { ZipArchive } from '../xlsx/read/zip.js';"],
    ['pdf/a.ts', "import { parsePlan } from '../core/plan/index.js';"],
    ['app/a.ts', "import { readPdfPlan } from '../pdf/plan-pdf.js';"],
    ['cli/a.ts', "import type { PdfRuntime } from '../pdf/read-pdf.js';"],
  ])('%s with %s is allowed', (file, text) => {
    expect(findLayerViolations([{ file, text }])).toEqual([]);
  });

  test('tells type-only imports from the rest', () => {
    const refs = importRefs(["import type { A } from './a.js';", "import { type B, c } from './b.js';", "export type { D } from './d.js';"].join('\n'));
    expect(refs).toEqual([
      { specifier: './a.js', typeOnly: true },
      { specifier: './b.js', typeOnly: false },
      { specifier: './d.js', typeOnly: true },
    ]);
  });
});

describe('import cycles', () => {
  test('the real source tree has none', () => {
    expect(findImportCycles(readTree(SRC))).toEqual([]);
  });

  test('finds a two-file cycle, a longer one, a type-only one and a folder index, and not a chain', () => {
    const files: SourceFile[] = [
      { file: 'cli/a.ts', text: "import { b } from './b.js';" },
      { file: 'cli/b.ts', text: "import type { A } from './a.js';" },
      { file: 'core/x.ts', text: "import { y } from './y/index.js';" },
      { file: 'core/y/index.ts', text: "import { z } from '../z.js';" },
      { file: 'core/z.ts', text: "import { x } from './x.js';" },
      { file: 'core/chain1.ts', text: "import { c } from './chain2.js';" },
      { file: 'core/chain2.ts', text: "import { z } from './z.js';" },
    ];
    expect(findImportCycles(files)).toEqual([
      ['cli/a.ts', 'cli/b.ts'],
      ['core/x.ts', 'core/y/index.ts', 'core/z.ts'],
    ]);
  });
});
