/**
 * webpack loader: the packages' own JavaScript lowered to ES2019 syntax, as the page's TypeScript is,
 * so that WPS's embedded Chromium (older than the browsers the packages target) parses every chunk.
 * Syntax only (`?.`, `??`, logical assignment, class fields): no polyfills. Files without those are
 * passed through untouched, which keeps the build fast. TypeScript's transpiler, no type checking.
 */
const ts = require('typescript');

/** Quick check before the full transpile: only files that may hold ES2020+ syntax. */
const MAYBE_NEWER = /\?\.|\?\?|\|\|=|&&=|#[A-Za-z_$]|^\s*(static\s+)?[A-Za-z_$][\w$]*\s*=/m;

module.exports = function es2019Loader(source) {
  if (!MAYBE_NEWER.test(source)) return source;
  const out = ts.transpileModule(source, {
    fileName: this.resourcePath.replace(/\.(c|m)?js$/, '.js'),
    compilerOptions: { target: ts.ScriptTarget.ES2019, module: ts.ModuleKind.ESNext, allowJs: true, removeComments: false, importHelpers: false },
    reportDiagnostics: false,
  });
  return out.outputText;
};
