/**
 * What in a built script would not run in WPS's embedded Chromium (docs/wps-support.md: the page's
 * floor is Chrome 73, the engine legacy.js checks for): syntax newer than ES2019 (optional chaining,
 * `??`, logical assignment, class fields, private names, static blocks) and APIs newer than that floor
 * or known missing in WPS (crypto.randomUUID in WPS 12.1, structuredClone, Object.hasOwn, replaceAll,
 * Array.prototype.at, findLast, the change-array-by-copy methods, Promise.allSettled/any, WeakRef,
 * streaming fetch bodies). Reads the AST (acorn, webpack's own parser), so names in strings do not count.
 */
import { parse } from 'acorn';

/** Members whose use needs a newer engine (the member name, called or read). */
const NEW_MEMBERS = new Set(['randomUUID', 'structuredClone', 'hasOwn', 'replaceAll', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'allSettled', 'getReader', 'groupBy']);
/** Globals that do not exist in the floor engine. */
const NEW_GLOBALS = new Set(['structuredClone', 'WeakRef', 'FinalizationRegistry', 'AggregateError']);

export interface Finding {
  what: string;
  at: number;
}

export function oldEngineFindings(source: string): Finding[] {
  const found: Finding[] = [];
  const ast = parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true, allowReturnOutsideFunction: true });
  const visit = (node: any): void => {
    if (!node || typeof node.type !== 'string') return;
    const at = node.start as number;
    switch (node.type) {
      case 'ChainExpression': found.push({ what: '?.', at }); break;
      case 'LogicalExpression': if (node.operator === '??') found.push({ what: '??', at }); break;
      case 'AssignmentExpression': if (['??=', '||=', '&&='].includes(node.operator)) found.push({ what: node.operator, at }); break;
      case 'PropertyDefinition': found.push({ what: 'class field', at }); break;
      case 'PrivateIdentifier': found.push({ what: '#private', at }); break;
      case 'StaticBlock': found.push({ what: 'static block', at }); break;
      case 'MemberExpression':
        if (!node.computed && NEW_MEMBERS.has(node.property.name)) found.push({ what: `.${node.property.name}`, at });
        break;
      case 'CallExpression':
        // `.at(i)`: Array/String.prototype.at (Chrome 92).
        if (node.callee.type === 'MemberExpression' && !node.callee.computed && node.callee.property.name === 'at' && node.arguments.length === 1) found.push({ what: '.at()', at });
        if (node.callee.type === 'MemberExpression' && node.callee.object.type === 'Identifier' && node.callee.object.name === 'Promise' && node.callee.property.name === 'any') found.push({ what: 'Promise.any', at });
        break;
      case 'Identifier': if (NEW_GLOBALS.has(node.name)) found.push({ what: node.name, at }); break;
    }
    for (const key of Object.keys(node)) {
      if (key === 'type' || key === 'start' || key === 'end') continue;
      const child = node[key];
      if (Array.isArray(child)) child.forEach(visit);
      else if (child && typeof child === 'object') visit(child);
    }
  };
  visit(ast);
  return found;
}
