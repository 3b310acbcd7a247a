/**
 * The page's loader of pdfjs's data (src/taskpane/pdf-data-scripts.ts) against the data scripts the build
 * writes (dist/pdfjs/data/): a stand-in document runs each <script> the loader adds, as Chromium would from
 * the page's folder. The bytes come back as pdfjs ships them; each file is loaded once; a missing file is
 * an error and is tried again next time; names that are not plain data-file names, and kinds of data
 * other than CMaps and standard fonts, are refused without loading anything.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as vm from 'node:vm';
import { pdfDataFile } from '../src/taskpane/pdf-data-scripts';
import { DIST, ROOT, ensureDist } from './helpers/build-dist';

const BASE = `${pathToFileURL(path.join(DIST, 'pdfjs', 'data')).href}/`;
const added: string[] = [];

interface FakeScript {
  src: string;
  onload: (() => void) | null;
  onerror: (() => void) | null;
  remove(): void;
}

beforeAll(() => {
  ensureDist();
  const scope = globalThis as unknown as Record<string, unknown>;
  scope.document = {
    createElement: (): FakeScript => ({ src: '', onload: null, onerror: null, remove: () => undefined }),
    head: {
      append(script: FakeScript) {
        added.push(script.src);
        setImmediate(() => {
          const file = fileURLToPath(script.src);
          if (!fs.existsSync(file)) return script.onerror?.();
          // The script's `self` is the page's global: here the test's.
          vm.runInNewContext(fs.readFileSync(file, 'utf8'), { self: globalThis }, { filename: file });
          script.onload?.();
        });
      },
    },
  };
}, 240_000);

afterAll(() => {
  const scope = globalThis as unknown as Record<string, unknown>;
  delete scope.document;
});

const shipped = (file: string) => new Uint8Array(fs.readFileSync(path.join(ROOT, 'node_modules', 'pdfjs-dist', file)));

test('a CMap and a standard font come back byte for byte as pdfjs ships them, each loaded once', async () => {
  added.length = 0;
  const cmap = await pdfDataFile(BASE, 'cMapUrl', 'UniGB-UCS2-H.bcmap');
  expect(Buffer.from(cmap).equals(Buffer.from(shipped('cmaps/UniGB-UCS2-H.bcmap')))).toBe(true);
  const font = await pdfDataFile(BASE, 'standardFontDataUrl', 'FoxitSerif.pfb');
  expect(Buffer.from(font).equals(Buffer.from(shipped('standard_fonts/FoxitSerif.pfb')))).toBe(true);
  await pdfDataFile(BASE, 'cMapUrl', 'UniGB-UCS2-H.bcmap');
  expect(added).toEqual([`${BASE}cmaps/UniGB-UCS2-H.bcmap.js`, `${BASE}standard_fonts/FoxitSerif.pfb.js`]);
  // The global the scripts fill in is emptied again: the bytes live only in the loader.
  expect((globalThis as unknown as { taizhangPdfData: object }).taizhangPdfData).toEqual({});
});

test('every CMap and standard font pdfjs ships has its data script under a name the loader accepts', async () => {
  for (const [kind, folder] of [['cMapUrl', 'cmaps'], ['standardFontDataUrl', 'standard_fonts']] as const) {
    const names = fs.readdirSync(path.join(ROOT, 'node_modules', 'pdfjs-dist', folder)).filter((n) => folder !== 'cmaps' || n.endsWith('.bcmap'));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(fs.existsSync(path.join(DIST, 'pdfjs', 'data', folder, `${name}.js`))).toBe(true);
    for (const name of names) {
      await expect(pdfDataFile(BASE, kind, name)).resolves.toHaveLength(fs.statSync(path.join(ROOT, 'node_modules', 'pdfjs-dist', folder, name)).size);
    }
  }
});

test('a missing file is an error, and is tried again the next time', async () => {
  added.length = 0;
  await expect(pdfDataFile(BASE, 'cMapUrl', 'No-Such-CMap.bcmap')).rejects.toThrow('No-Such-CMap.bcmap');
  await expect(pdfDataFile(BASE, 'cMapUrl', 'No-Such-CMap.bcmap')).rejects.toThrow('无法加载');
  expect(added).toHaveLength(2);
});

test('names that are not plain file names, and other kinds of data, are refused without loading anything', async () => {
  added.length = 0;
  for (const [kind, name] of [['cMapUrl', '../../../taskpane.html'], ['cMapUrl', '..'], ['cMapUrl', 'a/b.bcmap'], ['cMapUrl', 'https://example.invalid/x'], ['cMapUrl', ''], ['wasmUrl', 'openjpeg.wasm'], ['iccUrl', 'x.icc']]) {
    await expect(pdfDataFile(BASE, kind!, name!)).rejects.toThrow('没有这个 pdfjs 数据文件');
  }
  expect(added).toEqual([]);
});
