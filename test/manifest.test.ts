/**
 * The add-in manifest, checked offline (Microsoft's validator is an online
 * service): well-formed XML, the schema's element order, a GUID id, zh-CN with
 * an en-US override, ExcelApi 1.1, the Home-tab button, every URL https and
 * under the base URL, every icon present at its size — for manifest.xml and
 * for the manifest a build writes with ADDIN_BASE_URL.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import webpack from 'webpack';
import { DEV_BASE_URL, normaliseBaseUrl, rebaseManifest } from '../scripts/addin-manifest.js';
import { all, child, parseXml, type XmlElement } from './helpers/xml-tree';

const ROOT = path.join(__dirname, '..');
const SOURCE = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const INTRANET = 'https://intranet.example.edu/taizhang/';
const APP_NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';
/** OfficeApp's children in the order the schema's xs:sequence demands. */
const SCHEMA_ORDER = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
const REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'SupportUrl', 'Hosts', 'DefaultSettings', 'Permissions'];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function urlValues(node: XmlElement): string[] {
  return [...Object.values(node.attrs).filter((v) => /^[a-z]+:\/\//i.test(v)), ...node.children.flatMap(urlValues)];
}

/** The file a URL under `base` serves from dist/: assets/ come from the repo's assets/, pages from src/taskpane/. */
function localFile(url: string, base: string): string {
  // addin.html is built from the page's own template (taskpane.html) with office.js added to its <head>.
  const rel = url.slice(base.length).replace(/^addin\.html$/, 'taskpane.html');
  return rel.startsWith('assets/') ? path.join(ROOT, rel) : path.join(ROOT, 'src', 'taskpane', rel);
}

function checkManifest(xml: string, base: string): void {
  const app = parseXml(xml);
  expect(app.local).toBe('OfficeApp');
  expect(app.uri).toBe(APP_NS);
  expect(app.attrs['xsi:type']).toBe('TaskPaneApp');

  const names = app.children.map((c) => c.local);
  const positions = names.map((n) => SCHEMA_ORDER.indexOf(n));
  expect(positions).not.toContain(-1);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  for (const required of REQUIRED) expect(names).toContain(required);

  expect(child(app, 'Id')!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  expect(child(app, 'Version')!.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(child(app, 'DefaultLocale')!.text).toBe('zh-CN');
  for (const name of ['DisplayName', 'Description']) {
    expect(child(child(app, name)!, 'Override')!.attrs).toMatchObject({ Locale: 'en-US' });
  }
  expect(all(child(app, 'Hosts')!, 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
  expect(all(child(app, 'Requirements')!, 'Set').map((s) => s.attrs)).toEqual([{ Name: 'ExcelApi', MinVersion: '1.1' }]);

  // Ribbon: a button on the Home tab, group 台账, opening the pane.
  const overrides = child(app, 'VersionOverrides')!;
  const desktop = all(overrides, 'DesktopFormFactor')[0]!;
  expect(desktop.children.map((c) => c.local)).toEqual(['GetStarted', 'FunctionFile', 'ExtensionPoint']);
  const tab = all(desktop, 'OfficeTab')[0]!;
  expect(tab.attrs.id).toBe('TabHome');
  const strings = new Map(all(overrides, 'String').map((s) => [s.attrs.id, s]));
  const group = child(tab, 'Group')!;
  expect(strings.get(child(group, 'Label')!.attrs.resid)!.attrs.DefaultValue).toBe('台账');
  const control = child(group, 'Control')!;
  expect(control.attrs['xsi:type']).toBe('Button');
  expect(child(control, 'Action')!.attrs['xsi:type']).toBe('ShowTaskpane');

  // Every resid points at a resource; ids are unique; strings fit Office's limits; every string has en-US.
  const resources = child(overrides, 'Resources')!;
  expect(resources.children.map((c) => c.local)).toEqual(['Images', 'Urls', 'ShortStrings', 'LongStrings']);
  const ids = resources.children.flatMap((group) => group.children.map((r) => r.attrs.id));
  expect(new Set(ids).size).toBe(ids.length);
  for (const resid of collectResids(overrides)) expect(ids).toContain(resid);
  for (const [limit, kind] of [[125, 'ShortStrings'], [250, 'LongStrings']] as const) {
    for (const s of child(resources, kind)!.children) {
      expect(s.attrs.DefaultValue!.length).toBeLessThanOrEqual(limit);
      expect(child(s, 'Override')?.attrs.Locale).toBe('en-US');
    }
  }

  // Every URL: https, under the base, and the file behind it exists.
  const urls = urlValues(app).filter((u) => !u.startsWith('http://schemas.') && !u.startsWith('http://www.w3.org/'));
  expect(urls.length).toBeGreaterThanOrEqual(8);
  for (const url of urls) {
    expect(url.startsWith('https://')).toBe(true);
    expect(url.startsWith(base)).toBe(true);
    expect(fs.existsSync(localFile(url, base))).toBe(true);
  }

  // Icons at their sizes: IconUrl 32, HighResolutionIconUrl 64, and every size the ribbon asks for.
  const images = new Map(child(resources, 'Images')!.children.map((i) => [i.attrs.id, i.attrs.DefaultValue!]));
  const wanted: [string, number][] = [
    [child(app, 'IconUrl')!.attrs.DefaultValue!, 32],
    [child(app, 'HighResolutionIconUrl')!.attrs.DefaultValue!, 64],
    ...all(overrides, 'Image').filter((i) => i.attrs.size).map((i): [string, number] => [images.get(i.attrs.resid!)!, Number(i.attrs.size)]),
  ];
  expect(new Set(wanted.map(([, size]) => size))).toEqual(new Set([16, 32, 64, 80]));
  for (const [url, size] of wanted) expect(pngSize(localFile(url, base))).toEqual({ width: size, height: size });
}

function collectResids(node: XmlElement): string[] {
  return [...(node.attrs.resid ? [node.attrs.resid] : []), ...node.children.flatMap(collectResids)];
}

describe('manifest.xml (development, https://localhost:3000/)', () => {
  test('passes the offline checks', () => checkManifest(SOURCE, DEV_BASE_URL));

  test('a broken manifest is caught: not well-formed, out of order, wrong size icon', () => {
    expect(() => checkManifest(SOURCE.replace('</Version>', '</Versio>'), DEV_BASE_URL)).toThrow();
    const swapped = SOURCE.replace(/(<ProviderName>.*<\/ProviderName>)\s*(<DefaultLocale>.*<\/DefaultLocale>)/, '$2$1');
    expect(swapped).not.toBe(SOURCE);
    expect(() => checkManifest(swapped, DEV_BASE_URL)).toThrow();
    expect(() => checkManifest(SOURCE.replace('assets/icon-64.png', 'assets/icon-80.png'), DEV_BASE_URL)).toThrow();
    expect(() => checkManifest(SOURCE.replace('https://localhost:3000/commands.html', 'http://localhost:3000/commands.html'), DEV_BASE_URL)).toThrow();
  });
});

describe('manifest for an intranet server (ADDIN_BASE_URL)', () => {
  test('the build writes dist/manifest.xml with every URL under ADDIN_BASE_URL', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-manifest-'));
    fs.writeFileSync(path.join(out, 'entry.js'), '');
    // The build's own plugin, on an empty entry: the real ADDIN_BASE_URL path without a 30 s build.
    const { ManifestPlugin } = require(path.join(ROOT, 'webpack.config.js')) as { ManifestPlugin: new () => webpack.WebpackPluginInstance };
    const saved = process.env.ADDIN_BASE_URL;
    process.env.ADDIN_BASE_URL = 'https://intranet.example.edu/taizhang';
    try {
      const compiler = webpack({ mode: 'production', context: out, entry: './entry.js', output: { path: path.join(out, 'dist') }, plugins: [new ManifestPlugin()] });
      await new Promise<void>((resolve, reject) => compiler.run((error, stats) => (error || stats?.hasErrors() ? reject(error ?? new Error(stats?.toString())) : resolve())));
      await new Promise<void>((resolve) => compiler.close(() => resolve()));
    } finally {
      if (saved === undefined) delete process.env.ADDIN_BASE_URL;
      else process.env.ADDIN_BASE_URL = saved;
    }
    const built = fs.readFileSync(path.join(out, 'dist', 'manifest.xml'), 'utf8');
    fs.rmSync(out, { recursive: true, force: true });
    expect(built).not.toContain('localhost');
    expect(built).toBe(rebaseManifest(SOURCE, INTRANET));
    checkManifest(built, INTRANET);
  });

  test('the base URL must be plain https; a missing slash is added', () => {
    expect(normaliseBaseUrl('https://intranet.example.edu/taizhang')).toBe(INTRANET);
    expect(normaliseBaseUrl(' https://10.0.0.8:8443/ ')).toBe('https://10.0.0.8:8443/');
    expect(() => normaliseBaseUrl('http://intranet.example.edu/')).toThrow(/https/);
    expect(() => normaliseBaseUrl('https://intranet.example.edu/?v=1')).toThrow(/\?/);
    expect(() => normaliseBaseUrl('intranet.example.edu')).toThrow(/不是有效的网址/);
  });
});
