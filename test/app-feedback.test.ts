/**
 * 各校反馈 (app/feedback): a batch of a clean school, a school with errors, a
 * school with only warnings, an unreadable file and a roster school that sent
 * nothing. One annotated copy per school with problems and none for the clean
 * one; the 反馈清单 (read back by openpyxl) and the messages name every
 * problem exactly once, with its sheet and cell; the .zip holds the same files.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { annotateSubmission } from '../src/app/annotate-submission';
import { checkSubmission } from '../src/app/check-submission';
import { buildFeedback, feedbackZip, type Feedback } from '../src/app/feedback';
import { rollUpSubmissions } from '../src/app/roll-up-submissions';
import { makeChecker, submissionInput } from '../src/app/submission-checker';
import { annotatedFileName } from '../src/core/file-names';
import type { Issue } from '../src/core/model';
import { fillLedger } from './helpers/fill-ledger';
import { PYTHON } from './helpers/openpyxl';
import { AS_OF, goodFill, SHEET, seedIndex, seedPlan, withChanges } from './helpers/validate-fixture';

const ROSTER = ['仪征市实验小学', '仪征市第二中学', '真州小学', '城东小学', '月塘小学'];
const files = new Map<string, Uint8Array>();
const hashes = new Map<string, string>();
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
let rolled: ReturnType<typeof rollUpSubmissions>;
let dated: Feedback;
let undated: Feedback;
const asked: string[] = [];

/** The error and warning issues of a file, as its own check finds them. */
function problemsOf(file: string): Issue[] {
  const check = checkSubmission(files.get(file)!, file, seedIndex, { asOf: AS_OF });
  if (check.status !== 'checked') throw new Error(file);
  return check.issues.filter((i) => i.severity === 'error' || i.severity === 'warning');
}

/** `一、加强政治建设 F3、F5 责任人未填` → the (sheet, cell) pairs it names. */
function placesIn(items: string[]): string[] {
  return items.flatMap((item) => {
    const m = /^\d+\. (\S+) ([A-Z]+\d+(?:、[A-Z]+\d+)*) /.exec(item);
    if (!m) throw new Error(`no sheet and cell in: ${item}`);
    return m[2]!.split('、').map((cell) => `${m[1]}!${cell}`);
  });
}

const placesOf = (issues: Issue[]) => issues.map((i) => `${i.where.sheet}!${i.where.cell}`).sort();

beforeAll(async () => {
  files.set('实验小学.xlsx', await fillLedger(seedPlan, goodFill()));
  files.set('二中.xlsx', await fillLedger(seedPlan, withChanges({ info: { unit: '仪征市第二中学', phone: '8345' }, tasks: { P1T1: { owner: '' }, P1T3: { owner: '' }, P2T5: { deadline: '下个月' } } })));
  // Task 2 was due on 2024/6/30 and is still 推进中: a warning only.
  files.set('真州.xlsx', await fillLedger(seedPlan, withChanges({ info: { unit: '真州小学' }, tasks: { P1T2: { status: '推进中' } } })));
  files.set('城东小学.xlsx', new TextEncoder().encode('学校,任务\n'));
  for (const [name, bytes] of files) hashes.set(name, sha(bytes));
  const check = makeChecker({ plan: seedPlan, asOf: AS_OF });
  const inputs = [...files].map(([name, bytes]) => submissionInput(name, check(bytes, name)));
  rolled = rollUpSubmissions(inputs, seedPlan, { asOf: AS_OF, roster: ROSTER });
  const readFile = (name: string) => (asked.push(name), files.get(name));
  dated = await buildFeedback({ rollup: rolled.rollup, plan: seedPlan, resubmitBy: '2024-09-10', readFile });
  undated = await buildFeedback({ rollup: rolled.rollup, plan: seedPlan, readFile: (name) => files.get(name) });
}, 60_000);

test('one annotated copy per school with problems, none for the clean school; only their files are read again', async () => {
  expect(dated.outputs.map((o) => o.name).sort()).toEqual(
    [annotatedFileName('二中.xlsx'), annotatedFileName('真州.xlsx'), '反馈清单.xlsx', '各校反馈消息.txt', '催报消息.txt'].sort(),
  );
  expect(asked.sort()).toEqual(['二中.xlsx', '真州.xlsx']);
  // The copy is exactly the one 校验 makes: the same marks on the school's own file.
  const check = checkSubmission(files.get('二中.xlsx')!, '二中.xlsx', seedIndex, { asOf: AS_OF });
  if (check.status !== 'checked') throw new Error('not checked');
  const expected = await annotateSubmission(files.get('二中.xlsx')!, check, AS_OF);
  expect(sha(dated.outputs.find((o) => o.name === annotatedFileName('二中.xlsx'))!.bytes)).toBe(sha(expected.bytes));
  for (const [name, bytes] of files) expect(sha(bytes)).toBe(hashes.get(name));
});

test('each school message names every problem once, with sheet, cell and fix, and the day to resubmit by', () => {
  const texts = Object.fromEntries(dated.messages.map((m) => [m.school, m.text]));
  expect(Object.keys(texts).sort()).toEqual(['仪征市第二中学', '城东小学', '真州小学'].sort());
  for (const [school, file] of [['仪征市第二中学', '二中.xlsx'], ['真州小学', '真州.xlsx']] as const) {
    const text = texts[school]!;
    expect(text).not.toContain('\n');
    const head = `${school}：`;
    expect(text.startsWith(head)).toBe(true);
    const items = text.slice(text.indexOf('。') + 1).replace(/。$/, '').split('；');
    expect(placesIn(items).sort()).toEqual(placesOf(problemsOf(file)));
    expect(text).toContain('9月10日前');
  }
  expect(texts['仪征市第二中学']).toMatch(/^仪征市第二中学：请于9月10日前修改后重新报送。1\. /);
  expect(texts['仪征市第二中学']).toContain(`${SHEET.p1} F3、F5 责任人未填`);
  expect(texts['仪征市第二中学']).toContain(`${SHEET.info} B5 联系电话“8345”有误`);
  expect(texts['真州小学']).toContain('以下几处请核对');
  expect(texts['真州小学']).toContain('（请核对）');
  expect(texts['城东小学']).toMatch(/^城东小学：报送的文件无法使用：.*请于9月10日前检查文件后重新报送。$/);
  expect(dated.chase).toBe('截至2024年9月1日，以下 1 所学校尚未报送《仪征市教育系统2024年党建统群工作要点》台账，请于9月10日前报送：月塘小学。');
});

test('without --resubmit-by the messages ask for it 尽快, never with an invented date', () => {
  for (const m of undated.messages) {
    expect(m.text).toContain('请尽快');
    expect(m.text).not.toMatch(/\d+月\d+日前/);
  }
  expect(undated.chase).toContain('请尽快报送');
});

test('the message files are UTF-8 with a BOM and CRLF line ends, one message per paragraph', () => {
  const bytes = dated.outputs.find((o) => o.name === '各校反馈消息.txt')!.bytes;
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.slice(3));
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  expect(text.split('\r\n\r\n').map((p) => p.trim())).toEqual(dated.messages.map((m) => m.text));
});

test('反馈清单, read back by openpyxl: a row per school to contact, every problem once, counts and deadline', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-feedback-'));
  try {
    const file = path.join(dir, '反馈清单.xlsx');
    fs.writeFileSync(file, dated.outputs.find((o) => o.name === '反馈清单.xlsx')!.bytes);
    const script = 'import sys, json, openpyxl\nws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\njson.dump([[c.value for c in r] for r in ws.iter_rows()], sys.stdout, ensure_ascii=False)';
    const rows = JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as (string | number | null)[][];
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows[header]).toEqual(['序号', '学校', '情况', '填报人', '联系电话', '错误', '警告', '需要修改', '标注副本', '重新报送期限']);
    const body = rows.slice(header + 1).filter((r) => typeof r[0] === 'number');
    expect(body.map((r) => [r[1], r[2]])).toEqual([
      ['仪征市第二中学', '有错误'],
      ['真州小学', '有警告'],
      ['城东小学', '无法读取'],
      ['月塘小学', '未报送'],
    ]);
    for (const [row, file] of [[body[0]!, '二中.xlsx'], [body[1]!, '真州.xlsx']] as const) {
      const issues = problemsOf(file);
      expect(placesIn(String(row[7]).split('\n')).sort()).toEqual(placesOf(issues));
      expect([row[5], row[6]]).toEqual([issues.filter((i) => i.severity === 'error').length, issues.filter((i) => i.severity === 'warning').length]);
      expect(row[8]).toBe(annotatedFileName(file));
      expect(row[9]).toBe('9月10日前');
    }
    expect(body[0]![3]).toBe('赵老师');
    expect(body[0]![4]).toBe('8345');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the .zip for the page holds every feedback file, byte for byte, under its Chinese name', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-feedback-zip-'));
  try {
    const file = path.join(dir, 'f.zip');
    fs.writeFileSync(file, feedbackZip(dated.outputs));
    const script = 'import sys, json, zipfile, hashlib\nz = zipfile.ZipFile(sys.argv[1])\njson.dump({i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()}, sys.stdout, ensure_ascii=False)';
    const listed = JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as Record<string, string>;
    expect(listed).toEqual(Object.fromEntries(dated.outputs.map((o) => [o.name, sha(o.bytes)])));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('two schools whose files differ only in case (or folder) get copies of different names: on Windows one would replace the other', async () => {
  const wrong = (unit: string) => fillLedger(seedPlan, withChanges({ info: { unit }, tasks: { P1T1: { owner: '' } } }));
  const batch = new Map<string, Uint8Array>([
    ['甲/台账.xlsx', await wrong('甲小学')],
    ['乙/台账.xlsx', await wrong('乙小学')],
    ['A.xlsx', await wrong('丙小学')],
    ['a.xlsx', await wrong('丁小学')],
  ]);
  const check = makeChecker({ plan: seedPlan, asOf: AS_OF });
  const inputs = [...batch].map(([name, bytes]) => submissionInput(name, check(bytes, name)));
  const batchRolled = rollUpSubmissions(inputs, seedPlan, { asOf: AS_OF });
  const made = await buildFeedback({ rollup: batchRolled.rollup, plan: seedPlan, readFile: (name) => batch.get(name) });
  const copies = made.outputs.map((o) => o.name).filter((n) => n.endsWith('-校验标注.xlsx'));
  expect(copies).toHaveLength(4);
  expect(new Set(copies.map((n) => n.toLowerCase())).size).toBe(4);
});

test('with emit, each output is handed over as it is made and none is kept: the same files, byte for byte', async () => {
  const emitted: { name: string; bytes: Uint8Array }[] = [];
  const seenBeforeList: string[] = [];
  const streamed = await buildFeedback({ rollup: rolled.rollup, plan: seedPlan, resubmitBy: '2024-09-10', readFile: (name) => files.get(name) }, async (output) => {
    if (output.name === '反馈清单.xlsx') seenBeforeList.push(...emitted.map((o) => o.name));
    emitted.push(output);
  });
  expect(streamed.outputs).toEqual([]);
  expect(streamed.files).toEqual(emitted.map((o) => o.name));
  expect(streamed.files).toEqual(dated.files);
  // The copies go out before the list is made, not after it.
  expect(seenBeforeList.sort()).toEqual([annotatedFileName('二中.xlsx'), annotatedFileName('真州.xlsx')].sort());
  expect(emitted.map((o) => [o.name, sha(o.bytes)])).toEqual(dated.outputs.map((o) => [o.name, sha(o.bytes)]));
});
