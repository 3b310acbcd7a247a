/**
 * What `npm run build` writes for WPS 表格: the online shell (dist/wps/: ribbon.xml, main.js, index.html,
 * manifest.xml, publish.xml, jsplugins.xml) and the offline package (dist/wps-offline/): the add-in
 * folder taizhang_<version> holding the shell and the page, whose main.js opens the page in the same
 * folder; the .zip of that folder, file for file; jsplugins.xml naming the same name and version.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { unzipSync } from 'fflate';
import { DIST, ROOT, ensureDist } from './helpers/build-dist';
import { parseXml } from './helpers/xml-tree';

const version: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const folderName = `taizhang_${version}`;
const offline = path.join(DIST, 'wps-offline');
const folder = path.join(offline, folderName);

function filesUnder(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

/** main.js's task pane address for a button, as WPS would open it from `indexUrl`. */
function paneUrlFrom(mainJs: string, indexUrl: string): string {
  const panes: string[] = [];
  const app = { PluginStorage: { getItem: () => null, setItem: () => undefined }, CreateTaskPane: (url: string) => (panes.push(url), { ID: 'p', Visible: false }) };
  const context = vm.createContext({ window: { Application: app, location: { href: indexUrl } } });
  vm.runInContext(mainJs, context);
  context.OnAction({ Id: 'btnGenerate' });
  return panes[0]!;
}

beforeAll(() => {
  ensureDist();
}, 180_000);

test('dist/wps/ is the online shell: ribbon.xml (starting with <customUI), main.js, index.html, manifest.xml, publish.xml, jsplugins.xml', () => {
  const online = path.join(DIST, 'wps');
  expect(fs.readdirSync(online).sort()).toEqual(['index.html', 'jsplugins.xml', 'main.js', 'manifest.xml', 'publish.xml', 'ribbon.xml']);
  expect(fs.readFileSync(path.join(online, 'ribbon.xml'), 'utf8').startsWith('<customUI')).toBe(true);
  // Online, the page is the site's own, one folder up.
  const url = paneUrlFrom(fs.readFileSync(path.join(online, 'main.js'), 'utf8'), 'https://intra.example/taizhang/wps/index.html');
  expect(url).toBe('https://intra.example/taizhang/taskpane.html#generate');
  expect(fs.existsSync(path.join(DIST, 'taskpane.html'))).toBe(true);
});

test('the offline folder holds the shell and the page, and its main.js opens the page beside it; nothing of Office', () => {
  const files = filesUnder(folder);
  for (const shell of ['ribbon.xml', 'main.js', 'index.html', 'manifest.xml', 'taskpane.html', 'taskpane.css', 'legacy.js', 'assets/icon-32.png', 'pdfjs/data/cmaps/UniGB-UCS2-H.bcmap.js']) expect(files).toContain(shell);
  // pdfjs's chunks, which the page's scripts load from pdfjs/ when a PDF plan is picked.
  expect(files.filter((f) => /^pdfjs\/pdf(-worker)?\.[0-9a-f]+\.js$/.test(f))).toHaveLength(2);
  expect(files.filter((f) => /^(office\/|addin\.html|commands\.|office-|excel\.)/.test(f) || f.endsWith('.7z'))).toEqual([]);
  // Every script the page names is in the folder.
  const html = fs.readFileSync(path.join(folder, 'taskpane.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(1);
  for (const src of scripts) expect(files).toContain(src);
  const url = paneUrlFrom(fs.readFileSync(path.join(folder, 'main.js'), 'utf8'), `file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/${folderName}/index.html`);
  expect(url).toBe(`file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/${folderName}/taskpane.html#generate`);
});

test('the .zip is the folder, file for file, under the folder’s name', () => {
  const zip = unzipSync(new Uint8Array(fs.readFileSync(path.join(offline, `${folderName}.zip`))));
  const names = Object.keys(zip).sort();
  expect(names).toEqual(filesUnder(folder).map((f) => `${folderName}/${f}`).sort());
  for (const name of names) expect(Buffer.from(zip[name]!).equals(fs.readFileSync(path.join(offline, name)))).toBe(true);
});

test('jsplugins.xml names the ET add-in with the package’s version, as the folder is named', () => {
  const root = parseXml(fs.readFileSync(path.join(offline, 'jsplugins.xml'), 'utf8'));
  expect(root.local).toBe('jsplugins');
  expect(root.children).toHaveLength(1);
  expect(root.children[0]!.attrs).toMatchObject({ name: 'taizhang', type: 'et', version });
  expect(root.children[0]!.attrs.url).toContain(`${folderName}.`);
  // The source template's offline line follows the same version.
  const template = parseXml(fs.readFileSync(path.join(ROOT, 'wps', 'jsplugins.xml'), 'utf8')).children.find((c) => c.local === 'jsplugin')!;
  expect(template.attrs.version).toBe(version);
});
