import * as fs from 'node:fs';
import * as path from 'node:path';
import { findLayerViolations, importSpecifiers, type SourceFile } from './helpers/layering';

const SRC = path.join(__dirname, '..', 'src');

function readTree(dir: string, prefix = ''): SourceFile[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return readTree(path.join(dir, entry.name), rel);
    if (!/\.(ts|tsx|js|mjs|cjs)$/.test(entry.name)) return [];
    return [{ file: rel, text: fs.readFileSync(path.join(dir, entry.name), 'utf8') }];
  });
}

describe('layering: front ends → adapters → core', () => {
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
    ['core/a.ts', "import seed from '../../seeds/plan.txt';", 'imports from outside src/'],
    ['taskpane/a.ts', "import { x } from '../../test/helpers.js';", 'imports from outside src/'],
  ])('%s with %s is refused', (file, text, reason) => {
    expect(findLayerViolations([{ file, text }])).toEqual([expect.objectContaining({ file, reason })]);
  });

  test.each([
    ['cli/a.ts', "import { renderWorkbook } from '../xlsx/render-workbook.js';"],
    ['taskpane/a.ts', "import { fillLedger } from '../office/ledger.js';"],
    ['xlsx/a.ts', "import { issue } from '../core/issues.js';"],
    ['core/a.ts', "import { z } from 'zod';"],
    ['taskpane/work/plan.ts', "import seed from '../../../seeds/yizheng-2024-party-building-plan.txt';"],
  ])('%s with %s is allowed', (file, text) => {
    expect(findLayerViolations([{ file, text }])).toEqual([]);
  });
});
