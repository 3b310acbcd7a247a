/**
 * The page's inbox for a 汇总, in node: what a folder picked or dropped
 * becomes (paths below the folder, lock/hidden/system files left out by the
 * CLI's rule), the walk of dropped folders through the browser's entry API
 * (batches, nesting), the line that says what was taken, and the page's
 * wording of messages that name CLI options.
 */
import { describeIssue, issue, messageFor, useMessageVariants } from '../src/core/issues';
import { PAGE_MESSAGES_ZH_CN } from '../src/core/messages.page.zh-CN';
import { MESSAGES_ZH_CN, type MessageCode } from '../src/core/messages.zh-CN';
import { isNotSubmission } from '../src/core/submission-names';
import { inboxFromDrop, inboxFromInput } from '../src/taskpane/ui/folder-drop';
import { inboxSummary } from '../src/taskpane/ui/inbox';

const fileAt = (relative: string): File => {
  const file = new File([relative], relative.split('/').pop()!);
  Object.defineProperty(file, 'webkitRelativePath', { value: relative });
  return file;
};

/** A fake FileSystemEntry tree: a folder is an object, a file a string; folders answer readEntries in batches of `batch`. */
type Tree = { [name: string]: Tree | string };
function entry(name: string, node: Tree | string, batch: number): FileSystemEntry {
  if (typeof node === 'string') {
    return { name, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => ok(new File([node], name)) } as unknown as FileSystemEntry;
  }
  const children = Object.entries(node).map(([n, child]) => entry(n, child, batch));
  return {
    name, isFile: false, isDirectory: true,
    createReader: () => {
      let at = 0;
      return { readEntries: (ok: (e: FileSystemEntry[]) => void) => ok(children.slice(at, (at += batch))) };
    },
  } as unknown as FileSystemEntry;
}

/** A drop's DataTransfer: one item per top-level entry. */
function dropOf(tree: Tree, batch = 2): DataTransfer {
  const items = Object.entries(tree).map(([name, node]) => ({
    kind: 'file',
    webkitGetAsEntry: () => entry(name, node, batch),
    getAsFile: () => (typeof node === 'string' ? new File([node], name) : null),
  }));
  return { items } as unknown as DataTransfer;
}

describe('which files are never submissions (shared with the CLI)', () => {
  test('lock, hidden and system files are left out; ordinary names are not', () => {
    for (const name of ['~$台账.xlsx', '.DS_Store', '._台账.xlsx', 'Thumbs.db', 'thumbs.DB', 'desktop.ini']) expect([name, isNotSubmission(name)]).toEqual([name, true]);
    for (const name of ['台账.xlsx', '二中.xls', 'a~$b.xlsx', 'Thumbs.db.xlsx', '说明.docx']) expect([name, isNotSubmission(name)]).toEqual([name, false]);
  });
});

describe('a folder picked (webkitdirectory)', () => {
  test('each file by its path below the folder picked; lock, hidden and system files, and files in hidden folders, are skipped', () => {
    const inbox = inboxFromInput([
      fileAt('报送/实验小学/台账.xlsx'),
      fileAt('报送/实验小学/~$台账.xlsx'),
      fileAt('报送/仪征市第二中学.xls'),
      fileAt('报送/.DS_Store'),
      fileAt('报送/新城中学/图片/Thumbs.db'),
      fileAt('报送/.git/config'),
      fileAt('报送/新城中学/仪征市新城中学.xlsx'),
    ]);
    expect(inbox.files.map((f) => f.path)).toEqual(['仪征市第二中学.xls', '实验小学/台账.xlsx', '新城中学/仪征市新城中学.xlsx']);
    expect(inbox.skipped.sort()).toEqual(['.DS_Store', '.git/config', '实验小学/~$台账.xlsx', '新城中学/图片/Thumbs.db'].sort());
    // The File objects are the picked ones, untouched.
    expect(inbox.files[1]!.file.webkitRelativePath).toBe('报送/实验小学/台账.xlsx');
  });

  test('files picked one by one keep their names', () => {
    const inbox = inboxFromInput([new File(['a'], 'b.xlsx'), new File(['b'], '~$a.xlsx'), new File(['c'], 'a.xlsx')]);
    expect(inbox.files.map((f) => f.path)).toEqual(['a.xlsx', 'b.xlsx']);
    expect(inbox.skipped).toEqual(['~$a.xlsx']);
  });
});

describe('files and folders dropped on the page', () => {
  test('folders are walked to the bottom, across several readEntries batches, with paths below the folder dropped', async () => {
    const many: Tree = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`学校${i + 1}.xlsx`, `s${i}`]));
    const inbox = await inboxFromDrop(
      dropOf({
        报送: { 实验小学: { '台账.xlsx': 'x', '~$台账.xlsx': 'lock' }, 片区: { 东片: many }, '.DS_Store': 'mac', '二中.et': 'old' },
        '单独一份.xlsx': 'y',
      }),
    );
    expect(inbox.files.map((f) => f.path)).toEqual([
      '二中.et',
      '单独一份.xlsx',
      '实验小学/台账.xlsx',
      ...Array.from({ length: 7 }, (_, i) => `片区/东片/学校${i + 1}.xlsx`).sort(),
    ]);
    expect(inbox.skipped.sort()).toEqual(['.DS_Store', '实验小学/~$台账.xlsx'].sort());
    // Each file's bytes are its own.
    await expect(inbox.files.find((f) => f.path === '实验小学/台账.xlsx')!.file.text()).resolves.toBe('x');
  });

  test('a hidden folder dropped inside is skipped whole, named once', async () => {
    const inbox = await inboxFromDrop(dropOf({ 报送: { '.svn': { a: '1', b: '2' }, 'a.xlsx': 'a' } }));
    expect(inbox.files.map((f) => f.path)).toEqual(['a.xlsx']);
    expect(inbox.skipped).toEqual(['.svn/']);
  });
});

describe('the line under the inputs', () => {
  test('counts files and subfolders, names what was skipped, and says plainly that .xls/.et must be saved as .xlsx', () => {
    const text = inboxSummary(inboxFromInput([fileAt('报送/实验小学/台账.xlsx'), fileAt('报送/二中.xls'), fileAt('报送/三中.ET'), fileAt('报送/~$x.xlsx')]));
    expect(text).toContain('已选 3 个文件（在 1 个子文件夹中）');
    expect(text).toContain('另跳过 1 个系统或临时文件');
    expect(text).toContain('~$x.xlsx');
    expect(text).toContain('其中 2 个是旧版 .xls/.et 文件');
    expect(text).toContain('另存为 .xlsx');
    expect(text).not.toMatch(/LibreOffice|--/);
    expect(inboxSummary(inboxFromInput([new File(['a'], 'a.xlsx')]))).toBe('已选 1 个文件。');
  });
});

describe('messages in the page', () => {
  afterEach(() => useMessageVariants({}));

  test('no message the page can show names a command-line option; the CLI keeps its own', () => {
    // Messages only the CLI ever shows: its usage, its own CLI_ codes.
    const cliOnly = (code: string) => code.startsWith('CLI_') || code === 'FAULT_USAGE';
    const params = { column: 'E', header: '责任', role: '责任单位', count: 5, sheet: 'S', rows: 10, headers: 'A', file: 'f', planTitle: 'T', detail: 'd' };
    useMessageVariants(PAGE_MESSAGES_ZH_CN);
    const naming = (Object.keys(MESSAGES_ZH_CN) as MessageCode[]).filter((code) => !cliOnly(code) && /--[a-z]|命令行/.test(messageFor(code, params)));
    expect(naming).toEqual([]);
    // Through every path the page shows messages by: describeIssue (plan problems) uses the same table.
    expect(describeIssue(issue('PLAN_TABLE_NO_TASK_COLUMN', 'error', { line: 1 }, { headers: 'A,B' }))).toContain('“任务分解表的列”');
    useMessageVariants({});
    expect(messageFor('PLAN_TABLE_NO_TASK_COLUMN', { headers: 'A' })).toContain('--columns');
    expect(messageFor('LEDGER_OTHER_PLAN', { file: 'f', planTitle: 'T' })).toContain('--plan');
  });

  test('each page wording has exactly the placeholders of the CLI message it replaces', () => {
    const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, text] of Object.entries(PAGE_MESSAGES_ZH_CN)) expect([code, holes(text!)]).toEqual([code, holes(MESSAGES_ZH_CN[code as MessageCode])]);
  });

  test('a damaged workbook is described in plain words, not zip jargon', () => {
    const { readWorkbook } = require('../src/xlsx/read/index') as typeof import('../src/xlsx/read/index');
    const notZip = Uint8Array.from({ length: 300 }, (_, i) => (i === 0 ? 0x50 : i === 1 ? 0x4b : i === 2 ? 3 : i === 3 ? 4 : 0));
    const read = readWorkbook(notZip, { fileName: '损坏.xlsx' });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const text = messageFor(read.issue.code, read.issue.params);
    expect(text).not.toMatch(/zip|目录项/i);
    expect(text).toContain('内容清单');
  });
});
