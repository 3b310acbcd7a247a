/**
 * The WPS 表格 加载项 shell in wps/: a ribbon with a 台账 tab and the three
 * actions, whose callbacks main.js defines in ES5 (WPS's embedded browser is
 * old), opening the one task pane page at the right step; the deployment
 * files name an ET add-in.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import ts from 'typescript';
import { parseXml, type XmlElement } from './helpers/xml-tree';

const dir = path.join(__dirname, '..', 'wps');
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
const all = (node: XmlElement, local: string): XmlElement[] => [...(node.local === local ? [node] : []), ...node.children.flatMap((c) => all(c, local))];

describe('wps/ add-in shell', () => {
  const ribbon = parseXml(read('ribbon.xml'));
  const buttons = all(ribbon, 'button');

  test('ribbon.xml: a 台账 tab with 生成台账, 校验当前工作簿 and 汇总', () => {
    expect(all(ribbon, 'tab').map((t) => t.attrs.label)).toEqual(['台账']);
    expect(buttons.map((b) => b.attrs.label)).toEqual(['生成台账', '校验当前工作簿', '汇总']);
  });

  test('main.js is ES5 and defines every callback the ribbon names', () => {
    const source = ts.createSourceFile('main.js', read('main.js'), ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
    const modern: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isArrowFunction(node) || ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isClassDeclaration(node)) modern.push(ts.SyntaxKind[node.kind]);
      if (ts.isVariableDeclarationList(node) && node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) modern.push('let/const');
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(modern).toEqual([]);
    const names = new Set([ribbon.attrs.onLoad, ...buttons.flatMap((b) => [b.attrs.onAction, b.attrs.getImage])]);
    const context = vm.createContext({ window: {} });
    vm.runInContext(read('main.js'), context);
    for (const name of names) expect(typeof context[name!]).toBe('function');
  });

  test('each button opens the task pane page at its step, once, then navigates it', () => {
    const panes: { url: string; Visible: boolean; ID: string; Navigate(url: string): void }[] = [];
    const store = new Map<string, string>();
    const app = {
      PluginStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) },
      GetTaskPane: (id: string) => panes.find((p) => p.ID === id) ?? null,
    };
    const wps = {
      CreateTaskPane: (url: string) => {
        const pane = { url, Visible: false, ID: `p${panes.length}`, Navigate(u: string) { this.url = u; } };
        panes.push(pane);
        return pane;
      },
    };
    const window = { Application: app, wps, location: { href: 'https://intra.example/taizhang/wps/index.html' } };
    const context = vm.createContext({ window });
    vm.runInContext(read('main.js'), context);
    context.OnAction({ Id: 'btnValidate' });
    expect(panes).toHaveLength(1);
    expect(panes[0]).toMatchObject({ url: 'https://intra.example/taizhang/taskpane.html#validate', Visible: true });
    context.OnAction({ Id: 'btnRollup' });
    expect(panes).toHaveLength(1);
    expect(panes[0]!.url).toBe('https://intra.example/taizhang/taskpane.html#rollup');
  });

  test('publish.xml and jsplugins.xml are well-formed and name an ET (表格) add-in; the offline package carries a version', () => {
    for (const file of ['publish.xml', 'jsplugins.xml']) {
      const root = parseXml(read(file));
      expect(root.local).toBe('jsplugins');
      for (const plugin of root.children) expect(plugin.attrs).toMatchObject({ name: 'taizhang', type: 'et' });
    }
    const offline = parseXml(read('jsplugins.xml')).children.find((c) => c.local === 'jsplugin')!;
    expect(offline.attrs.url).toContain(`taizhang_${offline.attrs.version}.7z`);
    expect(parseXml(read('manifest.xml')).local).toBe('JsPlugin');
  });
});
