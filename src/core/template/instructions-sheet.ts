/** The first sheet, 填报说明: the unit's details to fill in, how to fill the ledger, accepted 完成时限 forms, the status legend. */
import { DEADLINE_FORM_EXAMPLES } from '../deadline/forms.js';
import { cellRef } from '../workbook/a1.js';
import { printSetup } from './print-setup.js';
import { estimateRowHeight } from './row-height.js';
import { type RowSpec, type SheetSpec, type ValidationSpec } from '../workbook/spec.js';
import { INSTRUCTIONS_SHEET_NAME } from './constants.js';
import { BODY_SIZE, STYLE, type StyleName } from './styles.js';

const LABEL_WIDTH = 16;
const VALUE_WIDTH = 70;

/** The unit's details: key (for readers and defined names), label, and the style of the input cell. */
export const UNIT_FIELDS = [
  { key: 'unit', label: '填报单位', definedName: 'TZ_UNIT' },
  { key: 'reporter', label: '填报人', definedName: 'TZ_REPORTER' },
  { key: 'phone', label: '联系电话', definedName: 'TZ_PHONE' },
  { key: 'date', label: '填报日期', definedName: 'TZ_DATE' },
] as const;
export type UnitFieldKey = (typeof UNIT_FIELDS)[number]['key'];
/** Row of the first unit field; the fields follow one per row, label in A and input in B. */
export const UNIT_FIELD_FIRST_ROW = 3;

/** Cell (e.g. `B3`) holding a unit field on the 填报说明 sheet. */
export function unitFieldCell(key: UnitFieldKey): string {
  return cellRef(2, UNIT_FIELD_FIRST_ROW + UNIT_FIELDS.findIndex((f) => f.key === key));
}

function instructions(planTitle: string): string[] {
  return [
    `本台账按《${planTitle}》生成：每个大项一张工作表，每项任务一行。`,
    '浅黄色单元格由填报单位填写；序号、工作任务、工作要求已锁定，不能修改。',
    '“责任单位”“完成时限”已按工作要点预填的，请核对；如有调整，直接改写即可。',
    '“状态”请从下拉列表中选择；“完成情况”请写明已做的工作和取得的成效，未完成的写明原因和下一步打算。',
    '请不要增删、重命名或移动工作表，也不要插入或删除行、列：汇总时按表中隐藏的任务编号逐项核对。可以调整列宽、行高，可以使用筛选。',
    '填好后保存为 .xlsx 格式（不要另存为 .xls 或 .et），按要求报送。',
  ];
}

const STATUS_LEGEND: readonly [string, string][] = [
  ['未开始', '尚未着手的任务。'],
  ['推进中', '已经开始、尚未全部完成的任务。'],
  ['已完成', '已全部完成的任务，请在“完成情况”中写明成效。'],
  ['逾期（红色）', '“完成时限”填的是具体日期、日期已过而状态不是“已完成”时，该任务整行自动标为浅红色。'],
];

/** `cover`: 填报单位 and 填报人 to prefill; 联系电话 and 填报日期 are always left blank. */
export function instructionsSheet(planTitle: string, cover: { unit?: string | undefined; reporter?: string | undefined; phone?: string | undefined } = {}): SheetSpec {
  const rows: RowSpec[] = [];
  const merges: string[] = [];
  let row = 1;
  const heightFor = (text: string, width: number): number =>
    estimateRowHeight([{ text, widthChars: width, fontSize: BODY_SIZE }], 22);
  const wide = (value: string, style: StyleName, height?: number): void => {
    rows.push({ row, ...(height ? { height } : {}), cells: [{ col: 1, value, style }] });
    merges.push(`${cellRef(1, row)}:${cellRef(2, row)}`);
    row += 1;
  };
  const pair = (label: string, value: string | null, style: StyleName): void => {
    const height = heightFor(value ?? '', VALUE_WIDTH);
    rows.push({ row, height, cells: [{ col: 1, value: label, style: STYLE.label }, { col: 2, value, style }] });
    row += 1;
  };

  wide(`${planTitle}台账`, STYLE.title, estimateRowHeight([{ text: `${planTitle}台账`, widthChars: 86, fontSize: 16 }], 36));
  wide('一、填报单位信息', STYLE.section, 26);
  for (const field of UNIT_FIELDS) {
    const value = field.key === 'date' ? null : (cover[field.key] ?? null);
    pair(field.label, value, field.key === 'date' ? STYLE.inputDate : STYLE.input);
  }
  row += 1;
  wide('二、填写说明', STYLE.section, 26);
  instructions(planTitle).forEach((text, i) => {
    const line = `${i + 1}. ${text}`;
    wide(line, STYLE.text, heightFor(line, LABEL_WIDTH + VALUE_WIDTH));
  });
  row += 1;
  wide('三、“完成时限”可以这样写', STYLE.section, 26);
  for (const form of DEADLINE_FORM_EXAMPLES) pair(form.label, form.examples.join('、'), STYLE.fixed);
  row += 1;
  wide('四、“状态”说明', STYLE.section, 26);
  for (const [label, text] of STATUS_LEGEND) pair(label, text, STYLE.fixed);

  const dateCell = unitFieldCell('date');
  const validations: ValidationSpec[] = [
    {
      kind: 'date',
      range: `${dateCell}:${dateCell}`,
      min: '2000-01-01',
      max: '2099-12-31',
      allowBlank: true,
      prompt: { title: '填报日期', text: '请填写日期，如 2024-06-30 或 2024/6/30。' },
      error: { title: '日期有误', text: '请填写有效日期，如 2024-06-30。' },
    },
  ];

  return {
    name: INSTRUCTIONS_SHEET_NAME,
    kind: 'instructions',
    state: 'visible',
    columns: [
      { key: 'label', header: '', width: LABEL_WIDTH, locked: true, wrap: true, hidden: false },
      { key: 'value', header: '', width: VALUE_WIDTH, locked: true, wrap: true, hidden: false },
    ],
    rows,
    merges,
    validations,
    conditionalFormats: [],
    protection: {
      allowFormatColumns: true,
      allowFormatRows: true,
      allowSort: false,
      allowAutoFilter: false,
      allowSelectLockedCells: true,
    },
    print: printSetup('portrait', planTitle),
    tabColor: 'C00000',
  };
}
