/**
 * The dependency rule of DEVELOPERS.md as data: front ends → adapters → core.
 * `findLayerViolations` is pure so the rule itself can be tested on made-up
 * sources as well as on the real tree.
 */
import * as path from 'node:path';

export type Layer = 'core' | 'xlsx' | 'docx' | 'office' | 'taskpane' | 'cli';

/** Which of our layers each layer may import. */
const ALLOWED_LAYERS: Record<Layer, readonly Layer[]> = {
  core: ['core'],
  xlsx: ['xlsx', 'core'],
  docx: ['docx', 'core'],
  office: ['office', 'xlsx', 'core'],
  taskpane: ['taskpane', 'office', 'xlsx', 'docx', 'core'],
  cli: ['cli', 'xlsx', 'docx', 'core'],
};

/** Which outside packages each layer may import (`node:` built-ins included by name). */
const ALLOWED_PACKAGES: Record<Layer, (pkg: string) => boolean> = {
  core: (pkg) => pkg === 'zod',
  xlsx: (pkg) => ['exceljs', 'fflate', 'zod'].includes(pkg),
  // fflate: a .docx plan's package is checked (sizes, bounded inflation) before mammoth reads it.
  docx: (pkg) => ['mammoth', 'fflate', 'zod'].includes(pkg),
  office: (pkg) => pkg === 'zod',
  taskpane: (pkg) => !pkg.startsWith('node:') && !['fs', 'path', 'child_process', 'os'].includes(pkg),
  cli: () => true,
};

export interface SourceFile {
  /** Path relative to `src/`, with forward slashes, e.g. `core/model.ts`. */
  file: string;
  text: string;
}

export interface Violation {
  file: string;
  specifier: string;
  reason: string;
}

const IMPORT_PATTERN = /(?:^|\s)(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

export function importSpecifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT_PATTERN)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier) found.push(specifier);
  }
  return found;
}

function layerOf(file: string): Layer | undefined {
  const top = file.split('/')[0] as Layer;
  return top in ALLOWED_LAYERS ? top : undefined;
}

function packageName(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

export function findLayerViolations(files: SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const { file, text } of files) {
    const layer = layerOf(file);
    if (!layer) {
      violations.push({ file, specifier: '', reason: `src/${file.split('/')[0]} is not a known layer` });
      continue;
    }
    for (const specifier of importSpecifiers(text)) {
      if (specifier.startsWith('.')) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
        const targetLayer = layerOf(target);
        if (layer === 'taskpane' && /^\.\.\/(seeds|assets)\/[^/]+\.(txt|png|svg)$/.test(target)) {
          // The page bundles the seed plan and its icons as static assets: data, not code.
          continue;
        } else if (target.startsWith('..') || !targetLayer) {
          violations.push({ file, specifier, reason: 'imports from outside src/' });
        } else if (!ALLOWED_LAYERS[layer].includes(targetLayer)) {
          violations.push({ file, specifier, reason: `${layer} must not import ${targetLayer}` });
        }
      } else if (!ALLOWED_PACKAGES[layer](packageName(specifier))) {
        violations.push({ file, specifier, reason: `${layer} must not import the package ${packageName(specifier)}` });
      }
    }
  }
  return violations;
}
