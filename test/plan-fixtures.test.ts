/**
 * The plan fixtures LibreOffice made (test/fixtures/plans/README.md) are
 * made again here, when LibreOffice is installed, and must read exactly as
 * the committed ones do (the files differ: PDFs carry their creation date).
 * UPDATE_PLAN_FIXTURES=1 writes the new ones over the committed ones.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasCommand, tempDir } from './helpers/libreoffice';
import { parseWithCli } from './helpers/parse-cli';
import { PLAN_FIXTURES, PLANS } from './helpers/plan-fixtures';

const UPDATE = process.env.UPDATE_PLAN_FIXTURES === '1';
const maybe = hasCommand('soffice') && hasCommand('pdftoppm') ? test : test.skip;

describe('plan fixtures made by LibreOffice', () => {
  test('every fixture in the list is committed and in the README', () => {
    const readme = fs.readFileSync(path.join(PLANS, 'README.md'), 'utf8');
    for (const { file } of PLAN_FIXTURES) {
      expect(fs.existsSync(path.join(PLANS, file))).toBe(true);
      expect(readme).toContain(`| ${file} |`);
    }
  });

  maybe.each(PLAN_FIXTURES.map((f) => [f.file, f] as const))('%s made again reads as the committed one', (_name, fixture) => {
    const made = fixture.make(tempDir());
    const committed = path.join(PLANS, fixture.file);
    if (UPDATE) fs.copyFileSync(made, committed);
    const again = parseWithCli(made);
    const before = parseWithCli(committed);
    expect(again.json).toBeDefined();
    expect({ ...again.json, issues: again.json!.issues.map((i) => i.code) }).toEqual({ ...before.json, issues: before.json!.issues.map((i) => i.code) });
  });
});
