/** A strict XML parse (saxes: well-formedness and namespaces) into a small tree the manifest test can walk. */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Local name, e.g. `Image` for `bt:Image`. */
  local: string;
  uri: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) attrs[attr.name] = attr.value;
    const node: XmlElement = { local: tag.local ?? tag.name, uri: tag.uri ?? '', attrs, children: [], text: '' };
    stack[stack.length - 1]?.children.push(node);
    root ??= node;
    stack.push(node);
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

export function child(node: XmlElement, local: string): XmlElement | undefined {
  return node.children.find((c) => c.local === local);
}

export function all(node: XmlElement, local: string): XmlElement[] {
  return [...(node.local === local ? [node] : []), ...node.children.flatMap((c) => all(c, local))];
}
