/**
 * The same filled ledger as written by exceljs, re-saved by LibreOffice, and
 * rewritten the way programs without a shared-string table write it (inline
 * strings): the same issues, at the same cells.
 */
import * as fs from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fillLedger } from './helpers/fill-ledger';
import { convertBytes, hasCommand } from './helpers/libreoffice';
import { brief, goodFill, seedPlan, SHEET, validateBytes, withChanges } from './helpers/validate-fixture';

const haveSoffice = hasCommand('soffice');
const testLo = haveSoffice ? test : test.skip;

/**
 * Moves every shared string into its cell as an inline string (`t="inlineStr"`,
 * `<is>` holding the same `<t>`/`<r>` runs) and drops the sharedStrings part,
 * its relationship and its content type, as streaming writers do.
 */
function inlineSharedStrings(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const shared = files['xl/sharedStrings.xml'];
  if (!shared) throw new Error('no sharedStrings.xml to inline');
  const items = [...strFromU8(shared).matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? '');
  let inlined = 0;
  for (const name of Object.keys(files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = strFromU8(files[name]!).replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, before: string, after: string, index: string) => {
      inlined += 1;
      return `<c ${before}t="inlineStr"${after}><is>${items[Number(index)]}</is></c>`;
    });
    files[name] = strToU8(xml);
  }
  if (inlined === 0) throw new Error('no shared-string cell found');
  delete files['xl/sharedStrings.xml'];
  files['[Content_Types].xml'] = strToU8(strFromU8(files['[Content_Types].xml']!).replace(/<Override[^>]*sharedStrings\.xml"[^>]*\/>/, ''));
  const relsName = 'xl/_rels/workbook.xml.rels';
  files[relsName] = strToU8(strFromU8(files[relsName]!).replace(/<Relationship[^>]*sharedStrings\.xml"[^>]*\/>/, ''));
  return zipSync(files);
}

function resaved(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(fs.readFileSync(convertBytes(bytes, 'xlsx')));
}

/** One problem per rule, in different cells (rows as in goodFill; 一 loses T4, 四 gains a row). */
const broken = withChanges({
  info: { phone: '电话待定', date: '下周一' },
  tasks: {
    P1T1: { progress: null },
    P1T2: { unit: null, task: '全面落实校长负责制' },
    P1T3: { owner: '张三123' },
    P2T6: { deadline: '下个月吧' },
    P2T7: { status: '基本完成' },
    P3T8: { deadline: '2024年8月31日' },
    P3T10: { requirement: '按要求做好。', remark: '@李四' },
    P4T12: { measures: '=1+1' },
    P4T14: { deadline: { date: '2025-06-30' } },
  },
  edit: (_wb, find) => {
    const ws = find('P4T14').ws;
    ws.getCell('A9').value = 15;
    ws.getCell('B9').value = '学校自选任务';
    const at = find('P1T4');
    at.ws.spliceRows(at.row, 1);
  },
});

const EXPECTED = [
  `VALIDATE_INFO_PHONE_INVALID ${SHEET.info}!B5`,
  `VALIDATE_INFO_DATE_INVALID ${SHEET.info}!B6`,
  `VALIDATE_TASK_MISSING ${SHEET.p1}!`,
  `VALIDATE_PROGRESS_MISSING ${SHEET.p1}!H3`,
  `VALIDATE_TASK_TITLE_CHANGED ${SHEET.p1}!B4`,
  `VALIDATE_UNIT_MISSING ${SHEET.p1}!E4`,
  `VALIDATE_OWNER_DIGITS ${SHEET.p1}!F5`,
  `VALIDATE_DEADLINE_UNKNOWN ${SHEET.p2}!G5`,
  `VALIDATE_OVERDUE ${SHEET.p2}!G7`,
  `VALIDATE_STATUS_INVALID ${SHEET.p2}!I7`,
  `VALIDATE_OVERDUE ${SHEET.p3}!G3`,
  `VALIDATE_TASK_BODY_CHANGED ${SHEET.p3}!C7`,
  `VALIDATE_FORMULA_PREFIX ${SHEET.p3}!J7`,
  `VALIDATE_FORMULA_PREFIX ${SHEET.p4}!D5`,
  `VALIDATE_DEADLINE_OUTSIDE_WINDOW ${SHEET.p4}!G8`,
  `VALIDATE_ORPHAN_ROW ${SHEET.p4}!A9`,
];

let good: Uint8Array;
let bad: Uint8Array;
let layout: Uint8Array;
beforeAll(async () => {
  good = await fillLedger(seedPlan, goodFill());
  bad = await fillLedger(seedPlan, broken);
  layout = await fillLedger(seedPlan, {
    ...goodFill(),
    rename: { [SHEET.p2]: '组织体系' },
    order: [SHEET.info, SHEET.p3, '组织体系'],
    merges: [{ taskId: 'P2T6', key: 'unit', rows: 2 }],
  });
});

test('as written by exceljs: the broken ledger gives one issue per broken thing', () => {
  expect(brief(validateBytes(bad).issues)).toEqual(EXPECTED);
});

test('inline strings instead of shared strings: same issues, and the clean ledgers stay clean', () => {
  expect(brief(validateBytes(inlineSharedStrings(bad)).issues)).toEqual(EXPECTED);
  expect(brief(validateBytes(inlineSharedStrings(good)).issues)).toEqual([]);
  expect(brief(validateBytes(inlineSharedStrings(layout)).issues)).toEqual([]);
});

testLo('re-saved by LibreOffice: same issues, and the clean ledgers stay clean', () => {
  const reBad = resaved(bad);
  // Really another writer: LibreOffice's own package, not exceljs's bytes.
  expect(strFromU8(unzipSync(reBad)['docProps/app.xml']!)).toMatch(/LibreOffice/);
  expect(brief(validateBytes(reBad).issues)).toEqual(EXPECTED);
  expect(brief(validateBytes(resaved(good)).issues)).toEqual([]);
  const reLayout = validateBytes(resaved(layout));
  expect(brief(reLayout.issues)).toEqual([]);
  // Still found through the hidden metadata and the renamed sheet's workbook name, not by guessing from headers.
  expect(reLayout.extractIssues).toEqual([]);
});
