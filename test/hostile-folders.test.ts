/**
 * Hostile inputs, part 2 (issue 12, classes 6 and 7, and the garbled school
 * name of class 10): folders holding links, loops, pipes, sockets, folders
 * without permission, and files that are not submissions at all. Every entry
 * found must be in the accounting (found = read + refused + other), the other
 * files are never schools, and the good files of the batch are all summed up.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectFiles, nodeWalkFs, type WalkFs } from '../src/cli/collect-files';
import { readWorkbook, type WorkbookSnapshot } from '../src/xlsx/read/index';
import { compoundFile, zipParts } from './fixtures/xlsx/craft';
import { hashTree, ledger, othersByFile, readFiles, runCli, tempDir, type RollupJson } from './helpers/hostile';

const AS_OF = ['--as-of', '2024-09-01'];
const QUICK_MS = 10_000;
const GOOD = ['实验小学.xlsx', '第二中学.xlsx', 'sub/新城中学.xlsx'];
let dir: string;
let outside: string;

beforeAll(async () => {
  dir = tempDir('taizhang-hostile-folders-');
  outside = path.join(dir, '别处');
  fs.mkdirSync(path.join(dir, '报送', 'sub'), { recursive: true });
  fs.mkdirSync(outside);
  for (const name of GOOD) fs.writeFileSync(path.join(dir, '报送', name), await ledger(`仪征市${path.parse(name).name}`));
  fs.writeFileSync(path.join(outside, '月塘小学.xlsx'), await ledger('仪征市月塘小学'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function summarySheetText(file: string, sheet: string): string[] {
  const read = readWorkbook(new Uint8Array(fs.readFileSync(file)));
  if (!read.ok) throw new Error(read.issue.code);
  const found = (read.workbook as WorkbookSnapshot).sheets.find((s) => s.name === sheet);
  return (found?.cells ?? []).map((c) => String(c.value));
}

describe('class 6: walking folders accounts for every entry and goes on', () => {
  let folder: string;
  beforeAll(() => {
    folder = path.join(dir, '链接');
    fs.mkdirSync(path.join(folder, '下级'), { recursive: true });
    fs.copyFileSync(path.join(dir, '报送', GOOD[0]!), path.join(folder, GOOD[0]!));
    fs.symlinkSync(path.join(outside, '月塘小学.xlsx'), path.join(folder, '月塘小学.xlsx')); // a submission kept elsewhere
    fs.symlinkSync(GOOD[0]!, path.join(folder, '快捷方式.xlsx')); // a second name of a file that is there
    fs.symlinkSync('..', path.join(folder, '下级', '回到上级')); // a loop
    fs.symlinkSync('不存在.xlsx', path.join(folder, '坏链接.xlsx'));
    spawnSync('mkfifo', [path.join(folder, '管道.xlsx')]);
    spawnSync('/usr/bin/python3', ['-c', `import socket; socket.socket(socket.AF_UNIX).bind(${JSON.stringify(path.join(folder, '套接字'))})`]);
  });

  test('links to files are followed, loops and second names read once, pipes, sockets and broken links listed', () => {
    const before = hashTree(folder);
    const r = runCli(['rollup', '链接', '-o', 'links.xlsx', '--json', ...AS_OF], { cwd: dir, timeoutMs: 30_000 });
    expect(r.ms).toBeLessThan(QUICK_MS);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as RollupJson;
    expect(readFiles(report)).toEqual([GOOD[0]!, '月塘小学.xlsx'].sort());
    expect(othersByFile(report)).toEqual({
      '快捷方式.xlsx': 'CLI_SAME_FILE',
      '下级/回到上级': 'CLI_FOLDER_SEEN',
      '坏链接.xlsx': 'CLI_LINK_BROKEN',
      '管道.xlsx': 'CLI_NOT_A_FILE',
      套接字: 'CLI_NOT_A_FILE',
    });
    expect(report.accounting).toMatchObject({ filesFound: 7, filesRead: 2, filesRefused: 0, filesOther: 5, balanced: true });
    expect(report.schools.map((s) => s.name).sort()).toEqual(['仪征市实验小学', '仪征市月塘小学']);
    expect(hashTree(folder)).toEqual(before);
  });

  test('a subfolder that cannot be listed (EACCES, injected) is listed with its reason; the rest is collected', () => {
    const denied: WalkFs = {
      ...nodeWalkFs,
      readdir: (at) => {
        if (at.toString().endsWith('下级')) throw Object.assign(new Error('EACCES: permission denied, scandir'), { code: 'EACCES' });
        return nodeWalkFs.readdir(at);
      },
      lstat: (at) => {
        if (at.toString().endsWith('管道.xlsx')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return nodeWalkFs.lstat(at);
      },
    };
    const found = collectFiles(dir, ['链接'], [], denied);
    expect(found.files.map((f) => f.name).sort()).toEqual([GOOD[0]!, '月塘小学.xlsx'].sort());
    const notRead = Object.fromEntries(found.notRead.map((n) => [n.name, [n.issue.code, n.issue.params.detail]]));
    expect(notRead['下级']).toEqual(['CLI_FOLDER_UNREADABLE', '没有读取权限']);
    expect(notRead['管道.xlsx']).toEqual(['CLI_ENTRY_UNREADABLE', '没有读取权限']);
  });

  const asNobody = process.getuid?.() === 0 && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;
  (asNobody ? test : test.skip)('run as an unprivileged user, a chmod 000 subfolder does not sink the batch', () => {
    const root = tempDir('taizhang-hostile-eacces-');
    try {
      fs.chmodSync(root, 0o777);
      fs.cpSync(path.join(dir, '报送'), path.join(root, '报送'), { recursive: true });
      fs.mkdirSync(path.join(root, '报送', '锁住的'));
      fs.copyFileSync(path.join(dir, '报送', GOOD[0]!), path.join(root, '报送', '锁住的', '看不见.xlsx'));
      spawnSync('chmod', ['-R', 'a+rX', path.join(root, '报送')]);
      fs.chmodSync(path.join(root, '报送', '锁住的'), 0o000);
      const r = runCli(['rollup', '报送', '-o', 'out.xlsx', '--json', ...AS_OF], { cwd: root, user: 'nobody' });
      expect(r.err).not.toContain('FAULT_INTERNAL');
      expect(r.code).toBe(1);
      const report = JSON.parse(r.out) as RollupJson;
      expect(othersByFile(report)).toEqual({ 锁住的: 'CLI_FOLDER_UNREADABLE' });
      expect(readFiles(report)).toEqual([...GOOD].sort());
    } finally {
      fs.chmodSync(path.join(root, '报送', '锁住的'), 0o755);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('class 7: files that are not submissions are listed apart, never schools', () => {
  let folder: string;
  const word = zipParts({
    '_rels/.rels': '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': '<w:document xmlns:w="x"><w:body/></w:document>',
  });
  const ods = zipParts({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' });
  const oleJunk = new Uint8Array(600);
  oleJunk.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

  beforeAll(() => {
    folder = path.join(dir, '报送');
    const put = (name: string, bytes: Uint8Array | string): void => fs.writeFileSync(path.join(folder, name), bytes);
    put('关于报送台账的通知.docx', word);
    put('旧通知.doc', compoundFile(['WordDocument', '1Table']));
    put('说明.pdf', '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n');
    put('照片.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
    put('学校名单.txt', '仪征市实验小学\n仪征市第二中学\n仪征市新城中学\n仪征市月塘小学\n');
    put('备忘.txt', '记得周五前催报\n');
    put('陈集小学.ods', ods);
    put('大仪中学.xlsx', oleJunk);
    put('刘集小学.xlsx', '%PDF-1.7\n');
    // The roster is given by another path (a link outside the folder): it is known by what it is, not by its name.
    fs.symlinkSync(path.join(folder, '学校名单.txt'), path.join(dir, '名单链接.txt'));
  });

  test('notices, the roster, a PDF, a picture and notes are other files; the .ods and the junk are named right', () => {
    const before = hashTree(folder);
    const r = runCli(['rollup', '报送', '-o', 'mixed.xlsx', '--roster', '名单链接.txt', '--json', ...AS_OF], { cwd: dir });
    expect(r.ms).toBeLessThan(QUICK_MS);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as RollupJson;
    expect(othersByFile(report)).toEqual({
      '关于报送台账的通知.docx': 'XLSX_READ_OTHER_FILE',
      '旧通知.doc': 'XLSX_READ_OTHER_FILE',
      '说明.pdf': 'XLSX_READ_OTHER_FILE',
      '照片.jpg': 'XLSX_READ_OTHER_FILE',
      '学校名单.txt': 'CLI_INPUT_SKIPPED',
      '备忘.txt': 'XLSX_READ_OTHER_FILE',
    });
    expect(report.accounting.others.every((o) => o.severity === 'info')).toBe(true);
    expect(Object.fromEntries(report.accounting.refusals.map((x) => [x.file, x.code]))).toEqual({
      '陈集小学.ods': 'XLSX_READ_ODS',
      '大仪中学.xlsx': 'XLSX_READ_OLE_DAMAGED',
      '刘集小学.xlsx': 'XLSX_READ_NOT_WORKBOOK',
    });
    expect(readFiles(report)).toEqual([...GOOD].sort());
    const names = report.schools.map((s) => s.name);
    for (const notSchool of ['关于报送台账的通知', '说明', '照片', '学校名单', '备忘', '旧通知']) expect(names.join()).not.toContain(notSchool);
    expect(report.accounting).toMatchObject({ filesFound: 12, filesRead: 3, filesRefused: 3, filesOther: 6, balanced: true });
    const check = summarySheetText(path.join(dir, 'mixed.xlsx'), '数据核对');
    expect(check).toEqual(expect.arrayContaining(['  其他文件，未读取', '其他文件：说明.pdf', '其他文件：学校名单.txt', '相符']));
    expect(hashTree(folder)).toEqual(before);
  });

  test('each format is named right by validate: .ods, a .txt (not “CSV”), a PDF, OLE junk (not “password-protected”)', () => {
    const expected: [string, string, RegExp][] = [
      ['陈集小学.ods', 'XLSX_READ_ODS', /OpenDocument 表格.*另存为/],
      ['备忘.txt', 'XLSX_READ_OTHER_FILE', /是文本文件，不是台账表格/],
      ['说明.pdf', 'XLSX_READ_OTHER_FILE', /是PDF 文档/],
      ['刘集小学.xlsx', 'XLSX_READ_NOT_WORKBOOK', /是PDF 文档，不是 Excel 工作簿/],
      ['大仪中学.xlsx', 'XLSX_READ_OLE_DAMAGED', /不是设了密码的工作簿/],
    ];
    for (const [file, code, message] of expected) {
      const r = runCli(['validate', path.join('报送', file), ...AS_OF], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.out).toContain(`[错误 ${code}]`);
      expect(r.out).toMatch(message);
      expect(r.out).not.toMatch(/CSV|密码，无法读取/);
    }
  });

  test('an empty folder, or one with only other files, exits 1 with a message and writes no summary', () => {
    const empty = path.join(dir, '空');
    const notes = path.join(dir, '只有通知');
    fs.mkdirSync(empty);
    fs.mkdirSync(notes);
    fs.writeFileSync(path.join(notes, '通知.docx'), word);
    for (const [folderName, others] of [['空', 0], ['只有通知', 1]] as const) {
      const r = runCli(['rollup', folderName, '-o', `${folderName}.xlsx`, ...AS_OF], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.err).toContain('[错误 CLI_NOTHING_TO_ROLL_UP]');
      expect(r.err).toContain(`另有 ${others} 个其他文件`);
      expect(r.out).not.toContain('没有遗漏');
      expect(fs.existsSync(path.join(dir, `${folderName}.xlsx`))).toBe(false);
    }
  });
});

test('class 10: a file name that is not valid UTF-8 is read, and a school name of only U+FFFD is warned about', async () => {
  const folder = Buffer.from(path.join(dir, '乱码'));
  fs.mkdirSync(folder);
  fs.writeFileSync(Buffer.concat([folder, Buffer.from('/'), Buffer.from([0xbd, 0xcc, 0xd3, 0xfd, 0xbe, 0xd6]), Buffer.from('.xlsx')]), await ledger(''));
  fs.copyFileSync(path.join(dir, '报送', GOOD[0]!), path.join(dir, '乱码', GOOD[0]!));
  const r = runCli(['rollup', '乱码', '-o', 'garbled.xlsx', '--json', ...AS_OF], { cwd: dir });
  const report = JSON.parse(r.out) as RollupJson;
  expect(report.accounting).toMatchObject({ filesFound: 2, filesRead: 2, filesRefused: 0, balanced: true });
  expect(summarySheetText(path.join(dir, 'garbled.xlsx'), '问题清单')).toContain('ROLLUP_SCHOOL_NAME_GARBLED');
});
