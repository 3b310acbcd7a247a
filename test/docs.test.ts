import * as fs from 'node:fs';
import * as path from 'node:path';
import { MESSAGES_ZH_CN } from '../src/core/messages.zh-CN';
import { renderIssueCodesDoc } from '../scripts/issue-codes-doc';

const ROOT = path.join(__dirname, '..');

test('docs/issue-codes.md is generated from the current message table (run npm run docs:codes)', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'issue-codes.md'), 'utf8');
  expect(doc).toBe(renderIssueCodesDoc());
  for (const code of Object.keys(MESSAGES_ZH_CN)) expect(doc).toContain(`\`${code}\``);
});

test('the README starts with the two commands a newcomer needs', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const firstBlock = /```bash\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  expect(readme.indexOf('```bash')).toBeLessThan(200);
  expect(firstBlock).toMatch(/^npm ci && npm run demo\b/m);
  expect(firstBlock).toMatch(/^npm test\b/m);
  const ci = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
  expect(ci).toMatch(/^npm test$/m);
});

test('the README’s table of hostile inputs names test files and codes that exist, and every hostile battery file is in it', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| 异常情形（测试）'), readme.indexOf('## 浏览器页面和 Excel 加载项'));
  const rows = table.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| 异常情形'));
  expect(rows.length).toBeGreaterThanOrEqual(8);
  const named = [...table.matchAll(/`((?:hostile|annotate|e2e)-[a-z-]+)`/g)].map((m) => m[1]!);
  for (const name of named) expect(fs.existsSync(path.join(ROOT, 'test', `${name}.test.ts`))).toBe(true);
  const battery = fs.readdirSync(path.join(ROOT, 'test')).filter((f) => /^hostile-.*\.test\.ts$/.test(f)).map((f) => f.replace('.test.ts', ''));
  expect(battery.filter((name) => !named.includes(name))).toEqual([]);
  const codes = [...table.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!);
  expect(codes.length).toBeGreaterThan(8);
  expect(codes.filter((code) => !(code in MESSAGES_ZH_CN))).toEqual([]);
});
