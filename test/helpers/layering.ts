/**
 * The dependency rule of the architecture (README 代码结构) as data:
 * front ends (cli, taskpane) → app (the use cases) → adapters (xlsx, docx, pdf;
 * the hosts office and wps) → core. Front ends may use adapters' types
 * but never their code, and never call a pipeline step themselves: they call
 * app. `findLayerViolations` and `findImportCycles` are pure so the rules
 * themselves can be tested on made-up sources as well as on the real tree.
 */
import * as path from 'node:path';

export type Layer = 'core' | 'xlsx' | 'docx' | 'pdf' | 'app' | 'office' | 'wps' | 'taskpane' | 'cli';

/** Which of our layers each layer may import code from. */
const ALLOWED_LAYERS: Record<Layer, readonly Layer[]> = {
  core: ['core'],
  xlsx: ['xlsx', 'core'],
  // The .docx reader uses the workbook reader's zip and XML scanner (only those: see ONLY_FILES).
  docx: ['docx', 'xlsx', 'core'],
  pdf: ['pdf', 'core'],
  app: ['app', 'xlsx', 'docx', 'pdf', 'core'],
  // The host adapter writes specs with the shared renderer when Excel can insert a whole workbook.
  office: ['office', 'xlsx', 'core'],
  // WPS 表格's adapter: the only code touching ET's object model; shares the spec and snapshot code of core.
  wps: ['wps', 'xlsx', 'core'],
  taskpane: ['taskpane', 'app', 'office', 'wps', 'core'],
  cli: ['cli', 'app', 'core'],
};

/** Where a layer may import only some files of another: docx takes the zip, XML, rels and compound-file readers of xlsx/read, nothing of workbooks. */
const ONLY_FILES: Partial<Record<Layer, Partial<Record<Layer, RegExp>>>> = {
  docx: { xlsx: /^xlsx\/read\/(zip|xml|types|workbook|detect)\.ts$/ },
};

/** Layers a front end may name in `import type` only (the platform pieces it hands to app are typed by them). */
const TYPE_ONLY_LAYERS: Partial<Record<Layer, readonly Layer[]>> = {
  taskpane: ['xlsx', 'docx', 'pdf'],
  cli: ['xlsx', 'docx', 'pdf'],
};

/** The pipeline's steps: a front end that imports one of these is chaining them itself instead of calling app. */
const PIPELINE_STEPS = [
  'core/plan/index.ts', 'core/plan/parser.ts', 'core/ledger/template-index.ts', 'core/ledger/extract-ledger.ts',
  'core/ledger/compact-ledger.ts', 'core/validate/validate-ledger.ts', 'core/rollup/roll-up.ts',
  'core/summary/build-summary.ts', 'core/template/build-spec.ts',
];
const FRONT_ENDS: readonly Layer[] = ['taskpane', 'cli'];

/** Which outside packages each layer may import (`node:` built-ins included by name). */
const ALLOWED_PACKAGES: Record<Layer, (pkg: string) => boolean> = {
  core: (pkg) => pkg === 'zod',
  xlsx: (pkg) => ['exceljs', 'fflate', 'zod'].includes(pkg),
  // fflate: a .docx plan's package sizes are checked (bounded inflation) before it is read (package-limits.ts).
  // docx: the 通报 draft is written with the docx package (write-briefing.ts).
  docx: (pkg) => ['docx', 'fflate', 'zod'].includes(pkg),
  // pdfjs itself is handed in by the front end (src/pdf/read-pdf.ts PdfRuntime); its types may be named.
  pdf: (pkg) => pkg === 'pdfjs-dist',
  app: (pkg) => pkg === 'zod',
  office: (pkg) => pkg === 'zod',
  wps: (pkg) => pkg === 'zod',
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

export interface ImportRef {
  specifier: string;
  /** `import type …` / `export type …`: erased at build time, loads nothing. */
  typeOnly: boolean;
}

const IMPORT_PATTERN =
  /(?:^|\s)(import|export)\s+(type\s+)?[^'";]*?from\s*['"]([^'"]+)['"]|(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

export function importRefs(text: string): ImportRef[] {
  const found: ImportRef[] = [];
  for (const match of text.matchAll(IMPORT_PATTERN)) {
    const specifier = match[3] ?? match[4] ?? match[5];
    if (specifier) found.push({ specifier, typeOnly: match[2] !== undefined });
  }
  return found;
}

export function importSpecifiers(text: string): string[] {
  return importRefs(text).map((ref) => ref.specifier);
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

/** `../core/plan/index.js` from `cli/a.ts` → `core/plan/index.ts`. */
export function resolveRelative(file: string, specifier: string): string {
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  return target.replace(/\.js$/, '.ts');
}

function checkRelative(file: string, layer: Layer, ref: ImportRef): string | undefined {
  const target = resolveRelative(file, ref.specifier);
  const targetLayer = layerOf(target);
  // The page bundles the seed plan and its icons as static assets: data, not code.
  if (layer === 'taskpane' && /^\.\.\/(seeds|assets)\/[^/]+\.(txt|png|svg)$/.test(target)) return undefined;
  if (target.startsWith('..') || !targetLayer) return 'imports from outside src/';
  if (!ALLOWED_LAYERS[layer].includes(targetLayer)) {
    if (ref.typeOnly && TYPE_ONLY_LAYERS[layer]?.includes(targetLayer)) return undefined;
    return `${layer} must not import ${targetLayer}`;
  }
  const only = ONLY_FILES[layer]?.[targetLayer];
  if (only && !only.test(target)) return `${layer} may import only ${only.source} of ${targetLayer}, not ${target}`;
  if (FRONT_ENDS.includes(layer) && !ref.typeOnly && PIPELINE_STEPS.includes(target)) {
    return `${layer} must call app, not the pipeline step ${target}`;
  }
  return undefined;
}

export function findLayerViolations(files: SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const { file, text } of files) {
    const layer = layerOf(file);
    if (!layer) {
      violations.push({ file, specifier: '', reason: `src/${file.split('/')[0]} is not a known layer` });
      continue;
    }
    for (const ref of importRefs(text)) {
      const reason = ref.specifier.startsWith('.')
        ? checkRelative(file, layer, ref)
        : ALLOWED_PACKAGES[layer](packageName(ref.specifier))
          ? undefined
          : `${layer} must not import the package ${packageName(ref.specifier)}`;
      if (reason) violations.push({ file, specifier: ref.specifier, reason });
    }
  }
  return violations;
}

/**
 * Every import cycle among the files (type-only imports count too: they tie the files' meaning together),
 * each as the files around it, starting from its smallest name. Tarjan's strongly connected components.
 */
export function findImportCycles(files: SourceFile[]): string[][] {
  const known = new Set(files.map((f) => f.file));
  const edges = new Map<string, string[]>();
  for (const { file, text } of files) {
    const targets = importRefs(text)
      .filter((ref) => ref.specifier.startsWith('.'))
      .map((ref) => resolveRelative(file, ref.specifier))
      .map((target) => (known.has(target) ? target : known.has(target.replace(/\.ts$/, '/index.ts')) ? target.replace(/\.ts$/, '/index.ts') : target))
      .filter((target) => known.has(target));
    edges.set(file, [...new Set(targets)]);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    const selfLoop = component.length === 1 && (edges.get(node) ?? []).includes(node);
    if (component.length > 1 || selfLoop) cycles.push(component.sort());
  };
  for (const file of [...known].sort()) if (!index.has(file)) visit(file);
  return cycles;
}
