/**
 * Old Word (.doc) and WPS (.wps) plans. The CLI converts them with
 * LibreOffice Writer and reads the .docx: the seed saved as .doc by
 * LibreOffice gives the same plan as the seed's text. Without LibreOffice,
 * and in the page (which has none), the loader says to save as .docx.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPlan } from '../src/app/load-plan';
import { run } from '../src/cli/convert-legacy';
import { messageFor } from '../src/core/issues';
import { compoundFile } from './fixtures/xlsx/craft';
import { hasCommand, tempDir } from './helpers/libreoffice';
import { comparable, expectedFromText, parseWithCli } from './helpers/parse-cli';
import { PLANS, SEED_FILE } from './helpers/plan-fixtures';

const DOC = path.join(PLANS, 'yizheng-2024.doc');
const SEED = fs.readFileSync(SEED_FILE, 'utf8');
const withSoffice = hasCommand('soffice') ? test : test.skip;
const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function copyAs(source: string, name: string): string {
  const file = path.join(tempDir(), name);
  fs.copyFileSync(source, file);
  return file;
}

describe('the CLI reads old Word and WPS plans through LibreOffice', () => {
  withSoffice('the seed saved as .doc by LibreOffice gives the same plan as the seed’s text', () => {
    const before = sha(DOC);
    const result = parseWithCli(DOC);
    expect(result.code).toBe(0);
    expect(result.json!.source).toBe('doc');
    expect(comparable(result.json!)).toEqual(comparable(expectedFromText(SEED)));
    // Word keeps one paragraph per line, so even the line numbers are the text's.
    expect(result.json!.plan).toEqual(expectedFromText(SEED).plan);
    expect(sha(DOC)).toBe(before);
  });

  withSoffice('a .wps (WPS 文字 writes the same Word 97 streams) reads the same, and no temporary files are left', () => {
    const wps = copyAs(DOC, '工作要点.wps');
    // A temp folder of this run's own: other suites convert files at the same time in the shared one.
    const tmp = tempDir();
    const leftovers = () => fs.readdirSync(tmp).filter((n) => n.startsWith('taizhang-convert-')).sort();
    const before = leftovers();
    const result = parseWithCli(wps, { env: { ...process.env, TMPDIR: tmp } });
    expect(result.code).toBe(0);
    expect(result.json!.plan).toEqual(expectedFromText(SEED).plan);
    expect(result.json!.issues.every((i) => i.where.file === wps)).toBe(true);
    expect(leftovers().filter((n) => !before.includes(n))).toEqual([]);
  });

  withSoffice('a damaged .doc is FAULT_PLAN_CONVERT_FAILED naming the file', () => {
    const bytes = fs.readFileSync(DOC);
    bytes.fill(0, 1024, 12 * 1024);
    const broken = path.join(tempDir(), '坏的.doc');
    fs.writeFileSync(broken, bytes);
    const result = parseWithCli(broken);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`[FAULT_PLAN_CONVERT_FAILED] ${messageFor('FAULT_PLAN_CONVERT_FAILED', { file: broken })}`);
  });

  test('without LibreOffice the CLI says to save as .docx or install LibreOffice', () => {
    // A PATH with node and nothing else: no soffice to find.
    const bin = tempDir();
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    const result = parseWithCli(DOC, { env: { ...process.env, PATH: bin } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[FAULT_PLAN_NEEDS_LIBREOFFICE]');
    expect(result.stderr).toContain('libreoffice-writer-nogui');
  });
});

describe('the plan loader, as the page uses it (no LibreOffice)', () => {
  test('a .doc is FAULT_PLAN_LEGACY_WORD: save it as .docx in Word or WPS', async () => {
    const bytes = new Uint8Array(fs.readFileSync(DOC));
    await expect(loadPlan({ name: '要点.doc', bytes })).rejects.toMatchObject({ code: 'FAULT_PLAN_LEGACY_WORD', params: { file: '要点.doc' } });
    expect(messageFor('FAULT_PLAN_LEGACY_WORD', { file: '要点.doc' })).toContain('请在 Word 或 WPS 中另存为 .docx 后再选择');
  });

  test('recognised by its WordDocument stream whatever its name; a stream-less compound file by its extension', async () => {
    await expect(loadPlan({ name: 'plan.bin', bytes: compoundFile(['WordDocument', '1Table']) })).rejects.toMatchObject({ code: 'FAULT_PLAN_LEGACY_WORD' });
    const unreadable = compoundFile([]);
    await expect(loadPlan({ name: '要点.wps', bytes: unreadable })).rejects.toMatchObject({ code: 'FAULT_PLAN_LEGACY_WORD' });
    await expect(loadPlan({ name: '要点.bin', bytes: unreadable })).rejects.toMatchObject({ code: 'FAULT_PLAN_FORMAT' });
  });

  test('a password-protected .docx (an encrypted compound file) is FAULT_PLAN_ENCRYPTED; an .xls is FAULT_PLAN_FORMAT', async () => {
    const encrypted = compoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']);
    await expect(loadPlan({ name: '要点.docx', bytes: encrypted })).rejects.toMatchObject({ code: 'FAULT_PLAN_ENCRYPTED' });
    await expect(loadPlan({ name: '要点.xls', bytes: compoundFile(['Workbook']) })).rejects.toMatchObject({ code: 'FAULT_PLAN_FORMAT' });
  });
});

describe('running soffice', () => {
  test('past its time limit the whole process group is killed, children included', async () => {
    if (!fs.existsSync('/proc/self/stat')) return;
    const dir = tempDir();
    const script = path.join(dir, 'fake-soffice.sh');
    const pidFile = path.join(dir, 'child.pid');
    // Like soffice: a script that starts the real program and waits for it.
    fs.writeFileSync(script, `#!/bin/sh\nsleep 60 &\necho $! > ${pidFile}\nwait\n`, { mode: 0o755 });
    const started = Date.now();
    await run(script, [], dir, 500);
    expect(Date.now() - started).toBeLessThan(10_000);
    const child = Number(fs.readFileSync(pidFile, 'utf8'));
    // Running, or at least not yet killed: a killed child whose parent died too may stay a zombie (Z)
    // until PID 1 reaps it, which in a container it may never do.
    const alive = (): boolean => {
      try {
        return fs.readFileSync(`/proc/${child}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(alive()).toBe(false);
  });
});
