/**
 * WPS 表格's embedded browser is old (docs/wps-support.md): every script of the built page — the entry,
 * the WPS, Excel and work chunks, the shared chunks, the plain scripts — is ES2019 syntax (no `?.`,
 * `??`, logical assignment, class fields) and calls none of the APIs newer than the page's floor engine
 * or known missing in WPS (crypto.randomUUID, structuredClone, Object.hasOwn, replaceAll, .at(), …).
 * The scanner is checked on small sources first, so a scan that finds nothing means something.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIST, ensureDist } from './helpers/build-dist';
import { oldEngineFindings } from './helpers/old-engine-scan';

const whats = (source: string) => oldEngineFindings(source).map((f) => f.what);

test('the scanner finds each kind of newer syntax and API, and not names inside strings', () => {
  expect(whats('a?.b; a ?? b; a ||= 1; class C { x = 1; #y; static { } }')).toEqual(['?.', '??', '||=', 'class field', 'class field', '#private', 'static block']);
  expect(whats('crypto.randomUUID(); structuredClone(x); Object.hasOwn(o, k); s.replaceAll("a", "b"); xs.at(-1); xs.findLast(f); Promise.allSettled(p); Promise.any(p); r.body.getReader(); new WeakRef(o);'))
    .toEqual(['.randomUUID', 'structuredClone', '.hasOwn', '.replaceAll', '.at()', '.findLast', '.allSettled', 'Promise.any', '.getReader', 'WeakRef']);
  expect(whats('var s = "crypto.randomUUID() a?.b"; xs.flatMap(f); Object.fromEntries(e); async function f() { await g(); }')).toEqual([]);
});

test('every script of the built page runs in the floor engine', () => {
  ensureDist();
  const scripts = fs.readdirSync(DIST).filter((name) => name.endsWith('.js'));
  expect(scripts.some((name) => /^wps\.[0-9a-f]+\.js$/.test(name))).toBe(true);
  expect(scripts.some((name) => /^taskpane\.[0-9a-f]+\.js$/.test(name))).toBe(true);
  const found = scripts.flatMap((name) => oldEngineFindings(fs.readFileSync(path.join(DIST, name), 'utf8')).map((f) => `${name}: ${f.what}`));
  expect(found).toEqual([]);
}, 180_000);
