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
