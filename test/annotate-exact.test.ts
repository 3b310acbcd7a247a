/**
 * The annotated copy (`validate -o`, the page's 生成标注副本) marks exactly the
 * problem cells and nothing else, keeps the school's print setup, and refuses
 * with a code a package part it cannot vouch for. Every cell's look is read
 * back with a second reader (openpyxl) in the input and in the copy; printing
 * is checked by rendering both with LibreOffice.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { demoSchools } from '../src/cli/demo/demo-schools';
import { messageFor, SEVERITY_ZH, TaizhangError } from '../src/core/issues';
import type { Issue } from '../src/core/model';
import { validationSheet } from '../src/core/report/validation-sheet';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { pillarColumn } from '../src/core/template/pillar-sheet';
import { columnLetter } from '../src/core/workbook/a1';
import { STYLES } from '../src/core/template/styles';
import { annotateWorkbook } from '../src/xlsx/annotate';
import { checkSubmission } from '../src/app/check-submission';
import { MARK_FILL } from '../src/xlsx/patch/styles';
import { renderWorkbook } from '../src/xlsx/render-workbook';
import { writeWorkbook } from '../src/xlsx/write/index';
import { fillLedger } from './helpers/fill-ledger';
import { convertFile, hasCommand, pdfPages, tempDir } from './helpers/libreoffice';
import { hasOpenpyxl, readWithOpenpyxl, type SheetLook } from './helpers/openpyxl';
import { cellElements, hyperlinksOf, partsOf, sheetParts, sheetXml, textOf, withParts } from './helpers/xlsx-parts';
import { AS_OF, seedIndex, seedPlan, SHEET, withChanges } from './helpers/validate-fixture';

const haveTools = hasOpenpyxl() && hasCommand('soffice') && hasCommand('pdfinfo');
const testTools = haveTools ? test : test.skip;
const testPy = hasOpenpyxl() ? test : test.skip;
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const REPORT = '校验结果';
/** The cell a problem is marked on: the top-left cell of a merge it is hidden under. */
type Shown = (key: string) => string;

let dir: string;
let secondSchool: Uint8Array;
beforeAll(async () => {
  dir = tempDir('taizhang-annotate-');
  const template = await renderWorkbook(buildTemplateSpec(seedPlan));
  secondSchool = (await demoSchools(seedPlan, template, AS_OF)).find((f) => f.name === '仪征市第二中学.xlsx')!.bytes;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function checked(bytes: Uint8Array, name: string): { issues: Issue[]; workbook: Parameters<typeof annotateWorkbook>[1]['workbook'] } {
  const check = checkSubmission(bytes, name, seedIndex, { asOf: AS_OF });
  if (check.status !== 'checked') throw new Error(`${name} refused: ${check.issue.code}`);
  return check;
}

async function annotate(bytes: Uint8Array, name: string): Promise<{ issues: Issue[]; copy: Uint8Array; marked: boolean }> {
  const check = checked(bytes, name);
  const before = sha(bytes);
  const { bytes: copy, marked } = await annotateWorkbook(bytes, { file: name, checkedAt: AS_OF, workbook: check.workbook, issues: check.issues });
  expect(sha(bytes)).toBe(before); // the input is never touched
  return { issues: check.issues, copy, marked };
}

/** Converts with LibreOffice into a folder of the test's own (removed afterwards). */
function converted(file: string, format: 'pdf' | 'xlsx'): string {
  const out = path.join(dir, `${format}-out`);
  fs.mkdirSync(out, { recursive: true });
  return convertFile(file, format, out);
}

function save(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** What the copy must show per problem cell: the worst severity's fill, and every problem's line in the comment. */
function expectedMarks(issues: Issue[], shown: Shown): Map<string, { fill: string; lines: string[] }> {
  const marks = new Map<string, { fill: string; lines: string[]; rank: number }>();
  const rank = { info: 0, warning: 1, error: 2 } as const;
  for (const item of issues) {
    if (!item.where.sheet || !item.where.cell) continue;
    const key = shown(`${item.where.sheet}!${item.where.cell}`);
    const mark = marks.get(key) ?? { fill: '', lines: [], rank: -1 };
    if (rank[item.severity] > mark.rank) Object.assign(mark, { rank: rank[item.severity], fill: `FF${MARK_FILL[item.severity]}` });
    mark.lines.push(`【${SEVERITY_ZH[item.severity]}】${messageFor(item.code, item.params)}`);
    marks.set(key, mark);
  }
  return marks;
}

/**
 * Reads input and copy with openpyxl and checks: the copy is the input's sheets behind 校验结果; every cell
 * looks the same except the problem cells, which differ in the fill only (the mark's colour); comments are
 * the school's own plus ours on exactly the problem cells; print setup is the same on every sheet.
 */
function expectOnlyProblemCellsMarked(input: string, copy: string, issues: Issue[], schoolComments: Record<string, string> = {}, shown: Shown = (key) => key): SheetLook[] {
  const before = readWithOpenpyxl(input);
  const after = readWithOpenpyxl(copy);
  expect(after.map((s) => s.name)).toEqual([REPORT, ...before.filter((s) => s.name !== REPORT).map((s) => s.name)]);
  const marks = expectedMarks(issues, shown);
  const changed: string[] = [];
  const commented: Record<string, string> = {};
  for (const sheet of before.filter((s) => s.name !== REPORT)) {
    const now = after.find((s) => s.name === sheet.name)!;
    expect(now.print).toEqual(sheet.print);
    for (const ref of new Set([...Object.keys(sheet.cells), ...Object.keys(now.cells)])) {
      const was = sheet.cells[ref];
      const is = now.cells[ref]!;
      const key = `${sheet.name}!${ref}`;
      const mark = marks.get(key);
      if (was && JSON.stringify(was) === JSON.stringify(is)) continue;
      changed.push(key);
      expect(mark).toBeDefined();
      expect(is.fill).toEqual(['solid', mark!.fill]);
      if (was) expect(is.rest).toEqual(was.rest);
    }
    for (const [ref, text] of Object.entries(now.comments)) commented[`${sheet.name}!${ref}`] = text;
  }
  expect(changed.sort()).toEqual([...marks.keys()].sort());
  const wanted: Record<string, string> = {};
  for (const [key, mark] of marks) wanted[key] = [schoolComments[key], mark.lines.join('\n')].filter(Boolean).join('\n');
  for (const [key, text] of Object.entries(schoolComments)) wanted[key] ??= text;
  expect(commented).toEqual(wanted);
  return after;
}

testPy("the demo's 第二中学 file: exactly its problem cells are marked, every other cell keeps its look", async () => {
  const { issues, copy, marked } = await annotate(secondSchool, '仪征市第二中学.xlsx');
  expect(marked).toBe(true);
  const cells = issues.map((i) => `${i.where.sheet}!${i.where.cell}`);
  expect(cells).toEqual(expect.arrayContaining([`${SHEET.info}!B5`, `${SHEET.p1}!F3`, `${SHEET.p1}!G3`]));
  const after = expectOnlyProblemCellsMarked(save('second-in.xlsx', secondSchool), save('second-copy.xlsx', copy), issues);
  // The 校验结果 sheet lists every problem, each linking to its cell.
  const report = after[0]!;
  expect(report.cells.D3!.fill[0]).not.toBe('solid');
  const links = hyperlinksOf(copy, REPORT);
  expect(Object.values(links)).toEqual(issues.map((i) => `'${i.where.sheet}'!${i.where.cell}`));

  // Every part the copy did not have to change is the school's, byte for byte.
  const a = partsOf(secondSchool);
  const b = partsOf(copy);
  const markedSheets = new Set(issues.map((i) => i.where.sheet));
  const patched = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);
  for (const [name, part] of sheetParts(a)) if (markedSheets.has(name) || name === SHEET.info) patched.add(part);
  // (Folder entries, which exceljs writes and the reader ignores, are not parts and are not copied.)
  const kept = Object.keys(a).filter((name) => !patched.has(name) && !name.endsWith('/'));
  expect(kept.length).toBeGreaterThan(3);
  for (const name of kept) expect([name, b[name] && sha(b[name])]).toEqual([name, sha(a[name]!)]);
  // In a marked sheet, everything but the cells' s= and the added <legacyDrawing> is as it was.
  const sheet = (parts: typeof a): string =>
    sheetXml(parts, SHEET.p1)
      .replace(/<legacyDrawing [^>]*\/>/, '')
      .replace(/(<c r="[A-Z]+\d+") s="\d+"/g, '$1');
  expect(sheet(b)).toBe(sheet(a));
});

testTools('a ledger re-saved by LibreOffice: the copy keeps fitToPage and prints on the same pages, after the 校验结果 pages', async () => {
  const resaved = new Uint8Array(fs.readFileSync(converted(save('second.xlsx', secondSchool), 'xlsx')));
  const inputFile = save('resaved.xlsx', resaved);
  const { issues, copy } = await annotate(resaved, 'resaved.xlsx');
  const copyFile = save('resaved-copy.xlsx', copy);
  const after = expectOnlyProblemCellsMarked(inputFile, copyFile, issues);
  expect(after.filter((s) => s.name !== REPORT && s.name !== '_taizhang').every((s) => s.print.fitToPage === true)).toBe(true);
  // The print setup LibreOffice wrote is kept as it wrote it.
  const pageSetup = (bytes: Uint8Array, sheet: string): string[] => sheetXml(partsOf(bytes), sheet).match(/<(sheetPr|pageSetup|printOptions|pageMargins|headerFooter)[\s\S]*?(\/>|<\/\1>)/g) ?? [];
  for (const sheet of Object.values(SHEET)) {
    expect(pageSetup(copy, sheet)).toEqual(pageSetup(resaved, sheet));
    expect(pageSetup(copy, sheet).join('')).toMatch(/fitToPage="true"/);
  }

  const inputPdf = converted(inputFile, 'pdf');
  const copyPdf = converted(copyFile, 'pdf');
  const reportOnly = await writeWorkbook({ templateId: '', templateVersion: 0, title: REPORT, sheets: [validationSheet(issues, 'resaved.xlsx', AS_OF)], styles: STYLES, definedNames: [], lockStructure: false });
  const reportPdf = converted(save('report-only.xlsx', reportOnly), 'pdf');
  const inputPages = pdfPages(inputPdf);
  const copyPages = pdfPages(copyPdf);
  const reportPages = pdfPages(reportPdf).length;
  expect(inputPages.length).toBeLessThanOrEqual(8); // fit to one page wide: a handful of pages, not 19
  expect(copyPages.length).toBe(inputPages.length + reportPages);
  // Page for page the same text (the marks only colour cells; comments do not print), only the total in 共 N 页 counting the report too.
  const total = (page: string): string => page.replace(/共\s*\d+\s*页/g, '共 N 页');
  expect(copyPages.slice(reportPages).map(total)).toEqual(inputPages.map(total));
  expect(squashed(copyPages[0]!)).toContain('校验结果');

  // The copy re-saved by LibreOffice (which drops comment authors) and checked again: still one note per problem cell.
  const again = new Uint8Array(fs.readFileSync(converted(copyFile, 'xlsx')));
  const recheck = await annotate(again, 'resaved-copy.xlsx');
  expectOnlyProblemCellsMarked(inputFile, save('resaved-copy2.xlsx', recheck.copy), recheck.issues);
}, 180_000);

const squashed = (text: string): string => text.replace(/\s+/g, '');

/** A filled ledger with an entry that inflates far past its declared size (a forged size). */
function withForgedPart(bytes: Uint8Array): Uint8Array {
  const parts = partsOf(bytes);
  parts['customXml/item1.xml'] = strToU8('<x/>');
  const zip = zipSync(parts, { level: 6 });
  // Rebuild with the entry's data replaced by 64 MB of deflated zeros, still declaring 4 bytes.
  const real = zlib.deflateRawSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
  return replaceEntryData(zip, 'customXml/item1.xml', new Uint8Array(real));
}

/** Replaces an entry's compressed data (sizes and CRC in the headers stay as declared). */
function replaceEntryData(zip: Uint8Array, name: string, data: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const cdOffset = view.getUint32(eocd + 16, true);
  const count = view.getUint16(eocd + 10, true);
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const entry = Buffer.from(zip.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    if (entry === name) {
      const local = view.getUint32(at + 42, true);
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const oldSize = view.getUint32(at + 20, true);
      const out = new Uint8Array(zip.length - oldSize + data.length);
      out.set(zip.subarray(0, start));
      out.set(data, start);
      out.set(zip.subarray(start + oldSize), start + data.length);
      const v = new DataView(out.buffer);
      const shift = data.length - oldSize;
      v.setUint32(local + 18, data.length, true); // compressed size (local)
      const cd = cdOffset + shift;
      let c = cd;
      for (let j = 0; j < count; j++) {
        const offset = v.getUint32(c + 42, true);
        if (j === i) v.setUint32(c + 20, data.length, true);
        if (offset > local) v.setUint32(c + 42, offset + shift, true);
        c += 46 + v.getUint16(c + 28, true) + v.getUint16(c + 30, true) + v.getUint16(c + 32, true);
      }
      v.setUint32(out.length - 22 + 16, cd, true);
      return out;
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  throw new Error(`no entry ${name}`);
}

async function refusal(bytes: Uint8Array, name: string): Promise<{ error: TaizhangError; ms: number }> {
  const check = checked(bytes, name); // the validation itself reads only what it needs, and succeeds
  const started = Date.now();
  let caught: unknown;
  await annotateWorkbook(bytes, { file: name, checkedAt: AS_OF, workbook: check.workbook, issues: check.issues }).catch((error: unknown) => (caught = error));
  if (!(caught instanceof TaizhangError)) throw new Error(`expected a refusal, got ${String(caught)}`);
  return { error: caught, ms: Date.now() - started };
}

test('a part with a forged size is refused with a code in Chinese, in well under 2 s, before anything is inflated past its size', async () => {
  const forged = withForgedPart(secondSchool);
  const { error, ms } = await refusal(forged, '伪造.xlsx');
  expect(ms).toBeLessThan(2000);
  expect(error.code).toBe('XLSX_ANNOTATE_REFUSED');
  expect(error.params.code).toBe('XLSX_READ_ZIP_SIZE_MISMATCH');
  expect(error.message).toBe(messageFor('XLSX_ANNOTATE_REFUSED', error.params));
  expect(error.message).toContain('没有生成“伪造.xlsx”的标注副本');
  expect(error.message).toContain('customXml/item1.xml');
});

const DOCTYPE = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';

test('a DOCTYPE in a part the reader never reads (a document part) is refused by the copy, with a code in Chinese', async () => {
  const part = 'docProps/app.xml';
  const bytes = withParts(secondSchool, { [part]: (xml) => xml.replace(/\?>/, `?>${DOCTYPE}`) });
  const { error, ms } = await refusal(bytes, '带DOCTYPE.xlsx');
  expect(ms).toBeLessThan(2000);
  expect(error.params.code).toBe('XLSX_ANNOTATE_DOCTYPE');
  expect(error.message).toContain(`“${part}”带有文档类型声明（DOCTYPE）`);
});

test('a DOCTYPE in a sheet (entities the reader never expands) is refused by the reader already, so no copy is attempted', () => {
  const bytes = withParts(secondSchool, { 'xl/worksheets/sheet2.xml': (xml) => xml.replace(/\?>/, `?>${DOCTYPE}`) });
  const check = checkSubmission(bytes, '带DOCTYPE.xlsx', seedIndex, { asOf: AS_OF });
  expect(check).toMatchObject({ status: 'refused', issue: { code: 'XLSX_READ_XML_DOCTYPE' } });
});

test('validate -o on a forged file: refused with its code, under a 200 MB heap, no copy written, input unchanged', () => {
  const input = save('forged.xlsx', withForgedPart(secondSchool));
  const before = sha(fs.readFileSync(input));
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--max-old-space-size=200', path.join(__dirname, '..', 'bin', 'taizhang.js'), 'validate', input, '--as-of', AS_OF, '-o', path.join(dir, 'forged-copy.xlsx')], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(Date.now() - started).toBeLessThan(15_000);
  expect(run.stdout).toContain('共 4 个错误'); // the validation itself is reported
  expect(run.stderr).toContain('[XLSX_ANNOTATE_REFUSED] 没有生成“forged.xlsx”的标注副本');
  expect(run.stderr).not.toMatch(/at \w+ \(|Error:/); // no stack, no English error
  expect(run.status).toBe(2);
  expect(fs.existsSync(path.join(dir, 'forged-copy.xlsx'))).toBe(false);
  expect(sha(fs.readFileSync(input))).toBe(before);
});

testPy("a school's own comments stay, a problem cell missing from the file is added, and re-checking the copy replaces the old 校验结果", async () => {
  const owner = columnLetter(pillarColumn('owner'));
  const bytes = await fillLedger(
    seedPlan,
    withChanges({
      tasks: { P1T1: { owner: null, deadline: '下个月' } },
      edit: (_wb, find) => {
        const { ws, row } = find('P1T1');
        ws.getCell(row, pillarColumn('measures')).note = '学校：举措待补充';
        ws.getCell(row, pillarColumn('deadline')).note = '学校：时限待定';
      },
    }),
  );
  // The empty 责任人 cell is not in the file at all, as some programs write it.
  const part = sheetParts(partsOf(bytes)).find(([name]) => name === SHEET.p1)![1];
  const input = withParts(bytes, { [part]: (xml) => xml.replace(new RegExp(`<c r="${owner}3"[^>]*?/>`), '') });
  expect(cellElements(sheetXml(partsOf(input), SHEET.p1)).has(`${owner}3`)).toBe(false);
  const school = { [`${SHEET.p1}!D3`]: '学校：举措待补充', [`${SHEET.p1}!G3`]: '学校：时限待定' };

  const first = await annotate(input, '批注.xlsx');
  expect(first.issues.map((i) => `${i.code} ${i.where.cell}`)).toEqual(expect.arrayContaining([`VALIDATE_OWNER_MISSING ${owner}3`, 'VALIDATE_DEADLINE_UNKNOWN G3']));
  const inputFile = save('comments-in.xlsx', input);
  expectOnlyProblemCellsMarked(inputFile, save('comments-copy.xlsx', first.copy), first.issues, school);

  const again = await annotate(first.copy, '批注-标注.xlsx');
  const secondFile = save('comments-copy2.xlsx', again.copy);
  // One 校验结果, in front; the same marks and comments as the first copy, none doubled.
  expectOnlyProblemCellsMarked(inputFile, secondFile, again.issues, school);
  expect(again.issues.filter((i) => i.where.cell).map((i) => i.where.cell)).toEqual(first.issues.filter((i) => i.where.cell).map((i) => i.where.cell));
  const parts = partsOf(again.copy);
  for (const [name, sheet] of sheetParts(parts)) {
    const comments = Object.keys(parts).filter((p) => /comments\d*\.xml$/.test(p));
    const vml = Object.keys(parts).filter((p) => /\.vml$/.test(p));
    if (name !== SHEET.p1) continue;
    const rels = textOf(parts, sheet.replace('worksheets/', 'worksheets/_rels/') + '.rels');
    const own = (list: string[]): string => list.find((p) => rels.includes(p.slice(3)))!;
    const notes = (textOf(parts, own(comments)).match(/<comment /g) ?? []).length;
    expect((textOf(parts, own(vml)).match(/ObjectType="Note"/g) ?? []).length).toBe(notes);
  }
});

/** All SpreadsheetML parts written with an `x:` prefix, as some .NET exporters do. */
function xPrefixed(bytes: Uint8Array): Uint8Array {
  const parts = partsOf(bytes);
  for (const name of Object.keys(parts).filter((n) => /^xl\/(workbook|styles|sharedStrings|worksheets\/sheet\d+)\.xml$/.test(n))) {
    parts[name] = strToU8(
      strFromU8(parts[name]!)
        .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, '<$1x:$2')
        .replace(' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'),
    );
  }
  return zipSync(parts);
}

/** Every shared string moved into its cells (`t="inlineStr"`), the table dropped, as streaming writers do. */
function inlineStrings(bytes: Uint8Array): Uint8Array {
  const parts = partsOf(bytes);
  const strings = [...textOf(parts, 'xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]!);
  for (const [, part] of sheetParts(parts)) {
    parts[part] = strToU8(textOf(parts, part).replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, a: string, b: string, i: string) => `<c ${a}t="inlineStr"${b}><is>${strings[Number(i)]}</is></c>`));
  }
  delete parts['xl/sharedStrings.xml'];
  for (const name of ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels']) parts[name] = strToU8(textOf(parts, name).replace(/<[^<]*sharedStrings\.xml"[^>]*\/>/, ''));
  return zipSync(parts);
}

testPy('x: prefixed parts, inline strings, formulas and a problem under a merge: the copy changes the marked cells\' s= and nothing else', async () => {
  const [p1, p2] = sheetParts(partsOf(secondSchool)).filter(([name]) => name === SHEET.p1 || name === SHEET.p2).map(([, part]) => part);
  const withFormulas = withParts(secondSchool, {
    // 状态 computed by a formula (its cached text is what is checked), 备注 by a shared formula.
    [p2!]: (xml) =>
      xml
        .replace(/<c r="I3" s="(\d+)" t="s"><v>\d+<\/v><\/c>/, '<c r="I3" s="$1" t="str"><f>"完"&amp;"成"</f><v>完成</v></c>')
        .replace(/<c r="J3" s="(\d+)"\/>/, '<c r="J3" s="$1" t="str"><f t="shared" ref="J3:J4" si="0">"备"&amp;A3</f><v>备5</v></c>')
        .replace(/<c r="J4" s="(\d+)"\/>/, '<c r="J4" s="$1" t="str"><f t="shared" si="0"/><v>备6</v></c>'),
    // 责任人 merged down over the first two tasks, both empty: the second task's problem sits under the merge.
    [p1!]: (xml) =>
      xml
        .replace(/<c r="F4" s="(\d+)" t="s"><v>\d+<\/v><\/c>/, '<c r="F4" s="$1"/>')
        .replace(/<mergeCells count="1"><mergeCell ref="A1:J1"\/><\/mergeCells>/, '<mergeCells count="2"><mergeCell ref="A1:J1"/><mergeCell ref="F3:F4"/></mergeCells>'),
  });
  // A calculation chain, as Excel writes for formulas: the copy leaves it out (it is optional and may go stale with the sheets moved).
  const chained = withParts(withFormulas, {
    '[Content_Types].xml': (xml) => xml.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'),
    'xl/_rels/workbook.xml.rels': (xml) => xml.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'),
  });
  const withChain = zipSync({ ...partsOf(chained), 'xl/calcChain.xml': strToU8('<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="I3" i="3"/><c r="J3" i="3"/></calcChain>') });
  const input = xPrefixed(inlineStrings(withChain));
  const { issues, copy } = await annotate(input, '前缀.xlsx');
  expect(issues.map((i) => `${i.code} ${i.where.sheet}!${i.where.cell}`)).toEqual(
    expect.arrayContaining([`VALIDATE_STATUS_INVALID ${SHEET.p2}!I3`, `VALIDATE_OWNER_MISSING ${SHEET.p1}!F3`, `VALIDATE_OWNER_MISSING ${SHEET.p1}!F4`]),
  );
  const shown: Shown = (key) => (key === `${SHEET.p1}!F4` ? `${SHEET.p1}!F3` : key);
  expectOnlyProblemCellsMarked(save('prefixed-in.xlsx', input), save('prefixed-copy.xlsx', copy), issues, {}, shown);

  const a = partsOf(input);
  const b = partsOf(copy);
  const noStyle = (cell: string): string => cell.replace(/ s="\d+"/, '');
  for (const [sheet] of sheetParts(a)) {
    const before = cellElements(sheetXml(a, sheet));
    const after = cellElements(sheetXml(b, sheet));
    for (const [ref, cell] of before) {
      expect([ref, noStyle(after.get(ref)!)]).toEqual([ref, noStyle(cell)]);
      if (after.get(ref) !== cell) expect(issues.some((i) => i.where.sheet === sheet && shown(`${sheet}!${i.where.cell}`) === `${sheet}!${ref}`)).toBe(true);
    }
    expect([...after.keys()].filter((ref) => !before.has(ref))).toEqual([]);
    expect(sheetXml(b, sheet)).toMatch(sheet === REPORT ? /./ : /^<\?xml[^>]*>\s*<x:worksheet /);
  }
  expect(b['xl/calcChain.xml']).toBeUndefined();
  expect(textOf(b, 'xl/_rels/workbook.xml.rels') + textOf(b, '[Content_Types].xml')).not.toContain('calcChain');
  expect(sheetXml(b, SHEET.p2)).toContain('<x:c r="J3" s="4" t="str"><x:f t="shared" ref="J3:J4" si="0">"备"&amp;A3</x:f><x:v>备5</x:v></x:c>');
  expect(sheetXml(b, SHEET.p2)).toMatch(/<x:legacyDrawing r:id="rId\d+"\/><\/x:worksheet>$/);
});

test('a file with 20,000 problem rows: validate -o writes the marked copy under a 256 MB heap, in well under a minute', () => {
  // 20,000 rows under the first task, each with two problems (digits in 责任人, a 状态 not in the list): 40,000 marks.
  const part = sheetParts(partsOf(secondSchool)).find(([name]) => name === SHEET.p1)![1];
  const rows: string[] = [];
  for (let r = 7; r < 20_007; r++) rows.push(`<row r="${r}"><c r="D${r}" s="4" t="inlineStr"><is><t>补充举措${r}</t></is></c><c r="F${r}" s="4" t="inlineStr"><is><t>张三${r}</t></is></c><c r="I${r}" s="10" t="inlineStr"><is><t>完成</t></is></c></row>`);
  const input = save('many.xlsx', withParts(secondSchool, { [part]: (xml) => xml.replace('</sheetData>', `${rows.join('')}</sheetData>`) }));
  const output = path.join(dir, 'many-copy.xlsx');
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--max-old-space-size=256', path.join(__dirname, '..', 'bin', 'taizhang.js'), 'validate', input, '--as-of', AS_OF, '-o', output], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  expect(Date.now() - started).toBeLessThan(60_000);
  expect(run.stdout).toContain('问题单元格已标色并加批注');
  const parts = partsOf(new Uint8Array(fs.readFileSync(output)));
  const sheet = sheetXml(parts, SHEET.p1);
  const comments = Object.keys(parts).filter((p) => /^xl\/comments\d+\.xml$/.test(p)).map((p) => textOf(parts, p));
  const own = comments.find((c) => c.includes('ref="I20006"'))!;
  expect((own.match(/<comment /g) ?? []).length).toBeGreaterThanOrEqual(40_000);
  // The last row's marked cells carry a mark style, its unmarked 具体举措 keeps the school's.
  const cells = cellElements(sheet);
  expect(cells.get('D20006')).toBe('<c r="D20006" s="4" t="inlineStr"><is><t>补充举措20006</t></is></c>');
  expect(cells.get('I20006')).toMatch(/^<c r="I20006" s="(\d+)" t="inlineStr">/);
  expect(cells.get('I20006')).not.toContain('s="10"');
}, 150_000);

test('a package the patcher cannot follow (styles.xml without a stylesheet) gets a copy of the 校验结果 sheet alone, marked: false', async () => {
  const odd = withParts(secondSchool, { 'xl/styles.xml': () => '<?xml version="1.0" encoding="UTF-8"?><oops/>' });
  const { issues, copy, marked } = await annotate(odd, '特殊.xlsx');
  expect(marked).toBe(false);
  expect(sheetParts(partsOf(copy)).map(([name]) => name)).toEqual([REPORT]);
  expect(Object.values(hyperlinksOf(copy, REPORT))).toHaveLength(issues.length);
});
