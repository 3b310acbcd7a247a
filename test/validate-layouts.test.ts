/**
 * What schools do to the workbook that is not a mistake: rows inserted under
 * a task, sheets renamed or moved, cells merged, dates typed as text, real
 * date cells, serials with a date format, a 1904 workbook, spaces in the
 * fixed text. None of it may produce a complaint.
 */
import { fillLedger, writeCell } from './helpers/fill-ledger';
import { brief, fillAndValidate, goodFill, seedPlan, SHEET, validateBytes, withChanges } from './helpers/validate-fixture';

const RENAMED = { [SHEET.p1]: '政治建设', [SHEET.p3]: '队伍建设（2024）' };

test('renamed sheets: no complaint, and issues name the new sheets', async () => {
  const good = await fillAndValidate({ ...goodFill(), rename: RENAMED });
  expect(brief(good.issues)).toEqual([]);
  const broken = await fillAndValidate(withChanges({ rename: RENAMED, tasks: { P3T9: { owner: null } } }));
  expect(brief(broken.issues)).toEqual(['VALIDATE_OWNER_MISSING 队伍建设（2024）!F5']);
});

test('reordered sheets: no complaint, and issues follow the new tab order', async () => {
  const order = [SHEET.info, SHEET.p4, SHEET.p2, SHEET.p1, SHEET.p3];
  expect(brief((await fillAndValidate({ ...goodFill(), order })).issues)).toEqual([]);
  const broken = await fillAndValidate(withChanges({ order, tasks: { P1T1: { unit: null }, P4T11: { unit: null }, P3T8: { unit: null }, P2T5: { unit: null } } }));
  expect(brief(broken.issues)).toEqual([
    `VALIDATE_UNIT_MISSING ${SHEET.p4}!E3`,
    `VALIDATE_UNIT_MISSING ${SHEET.p2}!E3`,
    `VALIDATE_UNIT_MISSING ${SHEET.p1}!E3`,
    `VALIDATE_UNIT_MISSING ${SHEET.p3}!E3`,
  ]);
});

test('renamed and reordered together, with a missing task pointing at the renamed sheet', async () => {
  const fill = withChanges({
    rename: RENAMED,
    order: [SHEET.info, '队伍建设（2024）', '政治建设'],
    edit: (_wb, find) => {
      const at = find('P1T2');
      at.ws.spliceRows(at.row, 1);
    },
  });
  const { issues } = await fillAndValidate(fill);
  expect(issues.map((i) => [i.code, i.where.sheet, i.where.taskId])).toEqual([['VALIDATE_TASK_MISSING', '政治建设', 'P1T2']]);
});

test('责任单位/责任人/完成时限 merged over a task and its inserted row: no complaint', async () => {
  const merges = (['unit', 'owner', 'status'] as const).map((key) => ({ taskId: 'P2T6', key, rows: 2 }));
  const fill = { ...goodFill(), merges };
  expect(brief((await fillAndValidate(fill)).issues)).toEqual([]);
});

test('责任单位 merged over two task rows: the lower task is filled from the merge', async () => {
  const fill = { ...goodFill(), merges: [{ taskId: 'P4T13', key: 'unit' as const, rows: 2 }, { taskId: 'P4T13', key: 'deadline' as const, rows: 2 }] };
  // The ledger itself carries the merged value into the covered row (extractLedger).
  expect(brief((await fillAndValidate(fill)).issues)).toEqual([]);
});

test('a merged deadline that is overdue is reported at the merged cell for each task under it', async () => {
  const fill = withChanges({
    tasks: { P4T13: { deadline: '2024-08-15' } },
    merges: [{ taskId: 'P4T13', key: 'deadline', rows: 2 }],
  });
  const { issues } = await fillAndValidate(fill);
  expect(issues.map((i) => [i.code, i.where.cell, i.where.taskId])).toEqual([
    ['VALIDATE_OVERDUE', 'G7', 'P4T13'],
    ['VALIDATE_OVERDUE', 'G7', 'P4T14'],
  ]);
});

test('deadlines as real dates, serials with date formats, text dates, numbers: no complaint', async () => {
  const fill = withChanges({
    tasks: {
      P1T1: { deadline: { date: '2024-06-30', numFmt: 'yyyy/m/d' } },
      P1T2: { deadline: { serial: 45473, numFmt: 'm"月"d"日"' } }, // 2024-06-30
      P1T3: { deadline: 20240630 },
      P1T4: { deadline: ' 2024 年 6 月 30 日 ' },
      P2T5: { deadline: '２０２４／６／３０' },
      P2T6: { deadline: { date: '2024-12-31', numFmt: '[$-804]yyyy"年"m"月"d"日";@' } },
      P4T12: { deadline: { formula: 'DATE(2024,12,31)', result: 45657 } },
    },
  });
  expect(brief((await fillAndValidate(fill)).issues)).toEqual([]);
});

test('a 1904-date workbook: date cells, the 填报日期 and bare serials read in the 1904 system', async () => {
  const fill = withChanges({
    // 44179 is 2024-12-15 counted from 1904-01-01 (45641 in the 1900 system), typed as a plain number.
    tasks: { P4T13: { deadline: { date: '2024-11-30' } }, P4T14: { deadline: { serial: 44179, numFmt: 'General' } } },
    edit: (wb) => {
      wb.properties.date1904 = true;
    },
  });
  const bytes = await fillLedger(seedPlan, fill);
  expect(brief(validateBytes(bytes).issues)).toEqual([]);
  // Read as a 1900 serial the plain number is 2020-12-14: outside the plan year, and long overdue.
  const wrong = validateBytes(bytes, { date1904: false }).issues;
  expect(wrong.map((i) => [i.code, i.where.cell, i.params.due])).toEqual([
    ['VALIDATE_DEADLINE_OUTSIDE_WINDOW', 'G8', '2020-12-14'],
    ['VALIDATE_OVERDUE', 'G8', '2020-12-14'],
  ]);
});

test('fixed text with extra spaces, full-width punctuation or a final 。 is not "changed"', async () => {
  const plan = seedPlan.pillars[0]!.tasks;
  const title = plan[1]!.title; // 全面落实中小学校党组织领导的校长负责制
  const body = plan[2]!.body;
  const fill = withChanges({
    tasks: {
      P1T2: { task: `\u3000${title.slice(0, 4)} ${title.slice(4)}。` },
      P1T3: { requirement: `  ${body.replace(/，/g, ',').replace(/。/, '。\n')}` },
      P2T5: { task: { richText: [seedPlan.pillars[1]!.tasks[0]!.title.slice(0, 3), seedPlan.pillars[1]!.tasks[0]!.title.slice(3)] } },
    },
  });
  expect(brief((await fillAndValidate(fill)).issues)).toEqual([]);
});

test('formula cells are judged by their cached result, negative numbers and a lone dash are fine', async () => {
  const fill = withChanges({
    tasks: {
      P1T1: { remark: { formula: '"="&"x"', result: '已核' }, measures: -3 },
      P2T6: { remark: '—' },
      P2T7: { remark: '--' },
    },
    edit: (wb) => writeCell(wb.getWorksheet(SHEET.info)!.getCell('B4'), { formula: 'TRIM(" 赵老师 ")', result: '赵老师' }),
  });
  expect(brief((await fillAndValidate(fill)).issues)).toEqual([]);
});

test.each([
  ['填报日期 typed as text', { date: '2024年8月30日' }],
  ['填报日期 as ISO text with a full-width space', { date: '\u30002024-08-30' }],
  ['填报日期 as a serial with a date format', { date: { serial: 45534, numFmt: 'yyyy/m/d' } }],
  ['联系电话 typed as a number', { phone: 13812345678 }],
  ['联系电话 mobile with spaces and a landline', { phone: '138 1234 5678 / 0514-83456789' }],
  ['填报人 two people', { reporter: '赵老师、钱老师' }],
] as const)('%s: no complaint', async (_name, info) => {
  expect(brief((await fillAndValidate(withChanges({ info }))).issues)).toEqual([]);
});
