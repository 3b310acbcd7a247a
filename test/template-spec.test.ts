import { Plan } from '../src/core/model';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { fnv1a64 } from '../src/core/template/fingerprint';
import { META_KEYS, META_TASK_HEADER, META_TASK_HEADER_ROW } from '../src/core/template/meta-sheet';
import { PILLAR_COLUMNS, pillarColumn } from '../src/core/template/pillar-sheet';
import { type CellSpec, type SheetSpec } from '../src/core/workbook/spec';
import { COLUMN_KEYS, INSTRUCTIONS_SHEET_NAME, META_SHEET_NAME, PILLAR_FIRST_TASK_ROW, TEMPLATE_VERSION } from '../src/core/template/constants';
import { NOTED_TASK_ID, samplePlan } from './fixtures/plan-sample';

const spec = buildTemplateSpec(samplePlan(), { unit: '仪征市实验小学' });
const pillars = spec.sheets.filter((s) => s.kind === 'pillar');

function cellAt(sheet: SheetSpec, row: number, col: number): CellSpec | undefined {
  return sheet.rows.find((r) => r.row === row)?.cells.find((c) => c.col === col);
}
function taskRows(sheet: SheetSpec): Map<string, number> {
  const idCol = pillarColumn('taskId');
  const found = new Map<string, number>();
  for (const row of sheet.rows.filter((r) => r.row >= PILLAR_FIRST_TASK_ROW)) {
    found.set(String(row.cells.find((c) => c.col === idCol)?.value), row.row);
  }
  return found;
}

test('the fixture is a valid Plan shaped like the seed', () => {
  const plan = Plan.parse(samplePlan());
  expect(plan.pillars.map((p) => p.tasks.length)).toEqual([4, 3, 3, 4]);
  for (const task of plan.pillars.flatMap((p) => p.tasks)) expect(task.body.length).toBeGreaterThanOrEqual(150);
});

describe('template id', () => {
  test('FNV-1a 64 matches the published test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  test('stable for the same plan, whatever the unit, and independent of line numbers', () => {
    const other = samplePlan();
    other.pillars[0]!.tasks[0]!.line = 999;
    expect(buildTemplateSpec(samplePlan()).templateId).toBe(spec.templateId);
    expect(buildTemplateSpec(other, { unit: '别的学校' }).templateId).toBe(spec.templateId);
    expect(spec.templateId).toMatch(/^tz-[0-9a-f]{16}$/);
  });

  test('changes when a task text, a title or a prefilled deadline changes', () => {
    const body = samplePlan();
    body.pillars[2]!.tasks[1]!.body += '补充一句。';
    const title = samplePlan();
    title.pillars[3]!.tasks[0]!.title = '改过的标题。';
    const deadline = samplePlan();
    deadline.pillars[0]!.tasks[1]!.notes!.deadline = '年底前';
    const ids = [body, title, deadline].map((p) => buildTemplateSpec(p).templateId);
    expect(new Set([spec.templateId, ...ids]).size).toBe(4);
  });
});

describe('sheets', () => {
  test('填报说明 first, one sheet per pillar in order, metadata last and very hidden', () => {
    expect(spec.sheets.map((s) => [s.name, s.kind, s.state])).toEqual([
      [INSTRUCTIONS_SHEET_NAME, 'instructions', 'visible'],
      ['一、加强政治建设', 'pillar', 'visible'],
      ['二、夯实组织体系建设', 'pillar', 'visible'],
      ['三、突出队伍作风建设', 'pillar', 'visible'],
      ['四、狠抓党的纪律建设', 'pillar', 'visible'],
      [META_SHEET_NAME, 'meta', 'veryHidden'],
    ]);
    expect(spec.templateVersion).toBe(TEMPLATE_VERSION);
    expect(spec.lockStructure).toBe(true);
  });

  test('pillar columns are the exported keys, in order, and only 任务编号 is hidden', () => {
    for (const sheet of pillars) {
      expect(sheet.columns.map((c) => c.key)).toEqual([...COLUMN_KEYS]);
      expect(sheet.columns.filter((c) => c.hidden).map((c) => c.key)).toEqual(['taskId']);
      expect(sheet.columns.filter((c) => c.locked).map((c) => c.key)).toEqual(['seq', 'task', 'requirement', 'taskId']);
    }
  });

  test('every task is in exactly one row, with its number, title and body', () => {
    const plan = samplePlan();
    const seen: string[] = [];
    pillars.forEach((sheet, p) => {
      const rows = taskRows(sheet);
      expect([...rows.keys()]).toEqual(plan.pillars[p]!.tasks.map((t) => t.id));
      plan.pillars[p]!.tasks.forEach((task) => {
        const row = rows.get(task.id)!;
        expect(cellAt(sheet, row, pillarColumn('seq'))?.value).toBe(task.no);
        expect(cellAt(sheet, row, pillarColumn('task'))?.value).toBe(task.title);
        expect(cellAt(sheet, row, pillarColumn('requirement'))?.value).toBe(task.body);
        seen.push(task.id);
      });
    });
    expect(seen).toHaveLength(14);
    expect(new Set(seen).size).toBe(14);
  });

  test('责任单位 and 完成时限 are prefilled from the notes; other inputs and 状态 start empty', () => {
    const sheet = pillars[0]!;
    const row = taskRows(sheet).get(NOTED_TASK_ID)!;
    expect(cellAt(sheet, row, pillarColumn('unit'))?.value).toBe('基础教育科、教研室');
    expect(cellAt(sheet, row, pillarColumn('deadline'))?.value).toBe('2024年6月底前');
    const plain = taskRows(sheet).get('P1T1')!;
    for (const key of ['unit', 'deadline', 'measures', 'owner', 'progress', 'status', 'remark'] as const) {
      expect(cellAt(sheet, plain, pillarColumn(key))?.value).toBeNull();
    }
  });

  test('row heights grow with the text and stay within Excel limits', () => {
    const sheet = pillars[0]!;
    const heights = sheet.rows.filter((r) => r.row >= PILLAR_FIRST_TASK_ROW).map((r) => r.height!);
    const bodies = samplePlan().pillars[0]!.tasks.map((t) => t.body.length);
    // the longest body gets the tallest row
    expect(heights.indexOf(Math.max(...heights))).toBe(bodies.indexOf(Math.max(...bodies)));
    for (const h of heights) expect(h).toBeGreaterThan(100);
    for (const h of heights) expect(h).toBeLessThanOrEqual(409);
  });

  test('状态 list, 完成时限 prompt and the overdue rule cover exactly the task rows', () => {
    const sheet = pillars[3]!; // 4 tasks: rows 3–6
    const status = sheet.validations.find((v) => v.kind === 'list');
    expect(status).toMatchObject({ range: 'I3:I6', values: ['未开始', '推进中', '已完成'] });
    expect(status?.error?.text).toContain('已完成');
    const deadline = sheet.validations.find((v) => v.range === 'G3:G6');
    expect(deadline?.prompt?.text).toContain('6月底前');
    expect(sheet.conditionalFormats).toEqual([
      expect.objectContaining({ range: 'A3:J6', formula: 'AND(ISNUMBER($G3),$G3<TODAY(),$I3<>"已完成")' }),
    ]);
  });

  test('protected without a password, widths and filters allowed; frozen title and header', () => {
    for (const sheet of pillars) {
      expect(sheet.protection).toMatchObject({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true });
      expect(sheet.freeze).toEqual({ rows: 2, columns: 2 });
      expect(sheet.merges).toEqual(['A1:J1']);
    }
  });

  test('print: A4 landscape, one page wide, title rows repeated, page footer, no size code before digits', () => {
    for (const sheet of pillars) {
      expect(sheet.print).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0, printTitleRows: '1:2' });
      // the hidden 任务编号 column (K) is outside the print area
      const lastRow = sheet.rows.at(-1)!.row;
      expect(sheet.print!.printArea).toBe(`A1:J${lastRow}`);
      expect(sheet.print!.footer).toContain('第 &P 页 共 &N 页');
      expect(sheet.print!.header).toContain('仪征市教育系统 2024 年党建统群工作要点');
      expect(sheet.print!.header).not.toMatch(/&\d/);
      expect(sheet.print!.margins.left).toBeGreaterThan(sheet.print!.margins.right);
    }
  });

  test('every cell names a style that exists and has a font', () => {
    for (const sheet of spec.sheets) {
      for (const cell of sheet.rows.flatMap((r) => r.cells)) {
        expect(spec.styles[cell.style]?.font.name).toMatch(/^(黑体|仿宋)$/);
      }
    }
    expect(PILLAR_COLUMNS.every((c) => spec.styles[c.style]!.locked === c.locked)).toBe(true);
  });
});

describe('填报说明', () => {
  const sheet = spec.sheets[0]!;
  const texts = sheet.rows.flatMap((r) => r.cells.map((c) => c.value));

  test('has the unit prefilled next to its label, in an unlocked cell, and labelled inputs for the rest', () => {
    const unitRow = sheet.rows.find((r) => r.cells[0]?.value === '填报单位')!;
    expect(unitRow.cells[1]).toMatchObject({ value: '仪征市实验小学' });
    expect(spec.styles[unitRow.cells[1]!.style]!.locked).toBe(false);
    for (const label of ['填报人', '联系电话', '填报日期']) {
      const row = sheet.rows.find((r) => r.cells[0]?.value === label)!;
      expect(row.cells[1]?.value).toBeNull();
      expect(spec.styles[row.cells[1]!.style]!.locked).toBe(false);
    }
    const dateRow = sheet.rows.find((r) => r.cells[0]?.value === '填报日期')!;
    expect(sheet.validations).toEqual([expect.objectContaining({ kind: 'date', range: `B${dateRow.row}:B${dateRow.row}` })]);
  });

  test('names the plan, the accepted deadline forms and the status legend', () => {
    expect(texts[0]).toBe('仪征市教育系统 2024 年党建统群工作要点台账');
    expect(texts).toEqual(expect.arrayContaining(['未开始', '推进中', '已完成', '逾期（红色）', '具体日期', '长期工作']));
    expect(texts.join('')).toContain('6月底前');
  });
});

describe('metadata', () => {
  const meta = spec.sheets.at(-1)!;
  const value = (row: number, col: number): unknown => cellAt(meta, row, col)?.value;

  test('holds template id, version and plan identity', () => {
    expect(META_KEYS.map((key, i) => [value(i + 1, 1), value(i + 1, 2)])).toEqual([
      ['templateId', spec.templateId],
      ['templateVersion', TEMPLATE_VERSION],
      ['planTitle', '仪征市教育系统 2024 年党建统群工作要点'],
      ['planYear', 2024],
      ['issueDate', '2024-04-07'],
    ]);
  });

  test('places every task: id, pillar, number, sheet and row', () => {
    expect(META_TASK_HEADER.map((_, c) => value(META_TASK_HEADER_ROW, c + 1))).toEqual([...META_TASK_HEADER]);
    const lines = meta.rows.filter((r) => r.row > META_TASK_HEADER_ROW).map((r) => r.cells.map((c) => c.value));
    expect(lines).toHaveLength(14);
    expect(lines[1]).toEqual(['P1T2', 1, 2, '一、加强政治建设', 4, '全面落实中小学校党组织领导的校长负责制。']);
    expect(lines[13]).toEqual(['P4T14', 4, 14, '四、狠抓党的纪律建设', 6, expect.stringContaining('强化追责问责')]);
  });

  test('defined names point at each pillar sheet and at the unit fields', () => {
    expect(spec.definedNames.slice(0, 4)).toEqual([
      { name: 'TZ_P1', refersTo: "'一、加强政治建设'!$A$1" },
      { name: 'TZ_P2', refersTo: "'二、夯实组织体系建设'!$A$1" },
      { name: 'TZ_P3', refersTo: "'三、突出队伍作风建设'!$A$1" },
      { name: 'TZ_P4', refersTo: "'四、狠抓党的纪律建设'!$A$1" },
    ]);
    expect(spec.definedNames).toContainEqual({ name: 'TZ_UNIT', refersTo: "'填报说明'!$B$3" });
  });
});
