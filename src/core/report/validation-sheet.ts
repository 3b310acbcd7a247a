/**
 * The 校验结果 sheet put first in an annotated copy: every problem, with the
 * sheet and cell (a link that jumps there), what was found and what to do.
 * A template-spec sheet, so every renderer lays it out the same way.
 */
import { messageFor, SEVERITY_ZH } from '../issues.js';
import type { Issue } from '../model.js';
import { printSetup } from '../template/print-setup.js';
import { quoteSheetName } from '../template/sheet-names.js';
import type { CellSpec, RowSpec, SheetSpec } from '../workbook/spec.js';
import { STYLE } from '../template/styles.js';
import { estimateRowHeight } from '../template/row-height.js';
import { verdict } from './wording.js';

export const VALIDATION_SHEET_NAME = '校验结果';


const COLUMNS = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'severity', header: '级别', width: 7 },
  { key: 'sheet', header: '工作表', width: 20 },
  { key: 'cell', header: '单元格', width: 8 },
  { key: 'value', header: '填写的内容', width: 24 },
  { key: 'message', header: '问题和修改方法', width: 64 },
  { key: 'code', header: '代码', width: 30 },
] as const;

export function validationSheet(issues: Issue[], fileLabel: string, asOf: string): SheetSpec {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  const summary = `“${fileLabel}”校验结果（逾期按 ${asOf} 判断）：${verdict({ errors, warnings })}${issues.length === 0 ? '' : '点击“单元格”一列可跳到对应位置。'}`;
  const rows: RowSpec[] = [
    { row: 1, height: 30, cells: [{ col: 1, value: summary, style: STYLE.section }] },
    { row: 2, height: 22, cells: COLUMNS.map((c, i) => ({ col: i + 1, value: c.header, style: STYLE.header })) },
  ];
  issues.forEach((item, i) => {
    const message = messageFor(item.code, item.params);
    const value = item.params.value === undefined ? '' : String(item.params.value);
    const { sheet, cell } = item.where;
    const link = sheet && cell ? `#${quoteSheetName(sheet)}!${cell}` : undefined;
    const cells: CellSpec[] = [
      { col: 1, value: i + 1, style: STYLE.fixedCenter },
      { col: 2, value: SEVERITY_ZH[item.severity], style: STYLE.fixedCenter },
      { col: 3, value: sheet ?? '', style: STYLE.fixed },
      { col: 4, value: cell ?? '', style: STYLE.fixedCenter, ...(link ? { link } : {}) },
      { col: 5, value, style: STYLE.fixed },
      { col: 6, value: message, style: STYLE.fixed },
      { col: 7, value: item.code, style: STYLE.fixed },
    ];
    const height = estimateRowHeight(
      [
        { text: message, widthChars: 64, fontSize: 11 },
        { text: value, widthChars: 24, fontSize: 11 },
      ],
      20,
    );
    rows.push({ row: 3 + i, height, cells });
  });
  return {
    name: VALIDATION_SHEET_NAME,
    kind: 'report',
    state: 'visible',
    columns: COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width, locked: false, wrap: true, hidden: false })),
    rows,
    merges: [`A1:G1`],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 2, columns: 0 },
    ...(issues.length > 0 ? { autoFilter: `A2:G${2 + issues.length}` } : {}),
    print: printSetup('landscape', `${fileLabel} 校验结果`, { titleRows: '1:2' }),
    tabColor: errors > 0 ? 'C00000' : 'FFC000',
  };
}
