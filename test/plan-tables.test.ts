/**
 * Task tables (任务分解表) as plans, through the plan loader every front end
 * uses: .xlsx written by openpyxl (test/helpers/make-task-tables.py), a .csv
 * in GB18030, and a .docx made by LibreOffice Writer from an HTML table
 * (test/helpers/make-task-table-docx.sh). The pillar comes from a 类别 column,
 * merged cells down the left, or rows of their own; the columns taken are
 * reported per role and can be overridden.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { loadPlan, type LoadedPlan } from '../src/app/load-plan';
import type { Task } from '../src/core/model';
import { parsePlan } from '../src/core/plan/index';
import { delimitedTable } from '../src/core/plan/table/csv';
import { parseColumnChoice, tableToPlan } from '../src/core/plan/table/index';
import { roleOfHeader } from '../src/core/plan/table/roles';

const PLANS = path.join(__dirname, 'fixtures', 'plans');
const TABLES = path.join(PLANS, 'tables');
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(path.join(TABLES, name)));
const load = (name: string, options = {}) => loadPlan({ name, bytes: bytesOf(name) }, options);
const tasksOf = (loaded: LoadedPlan): Task[] => loaded.plan.pillars.flatMap((p) => p.tasks);
const codes = (loaded: LoadedPlan) => loaded.issues.map((i) => i.code);

describe('an .xlsx task table with a 类别 column merged down the left', () => {
  let loaded: LoadedPlan;
  beforeAll(async () => (loaded = await load('category-column-2025.xlsx')));

  test('gives pillars from 类别, tasks with 工作任务 as title and 工作内容 as body', () => {
    expect(loaded.source).toBe('xlsx');
    expect(loaded.errors).toBe(0);
    expect(loaded.plan.title).toBe('某某区教育局2025年工作要点任务分解表');
    expect(loaded.plan.year).toBe(2025);
    expect(loaded.plan.pillars.map((p) => [p.numeral, p.title, p.line, p.tasks.map((t) => t.id)])).toEqual([
      ['一', '党的建设', 3, ['P1T1', 'P1T2']],
      ['二', '教育教学', 5, ['P2T3', 'P2T4', 'P2T5']],
      ['三', '安全稳定', 8, ['P3T6']],
    ]);
    expect(tasksOf(loaded)[0]).toMatchObject({ no: 1, title: '深化理论武装', body: '健全“第一议题”制度，每季度组织1次专题学习研讨。', line: 3 });
  });

  test('prefills 责任单位 (keyed or marked 牵头), 配合单位, 责任人 and 完成时限 (a date cell as the clerk writes it)', () => {
    const [first, second, , , fifth] = tasksOf(loaded);
    expect(first!.notes).toEqual({
      units: ['组织人事科'], cooperatingUnits: ['办公室'], owners: ['王建国'], deadline: '2025年12月底前',
      raw: '牵头单位：组织人事科；配合单位：办公室；责任人：王建国；完成时限：2025年12月底前',
    });
    expect(second!.notes).toMatchObject({ units: ['办公室'], cooperatingUnits: ['各直属学校'], owners: ['李红'], deadline: '2025年6月30日' });
    expect(fifth!.notes).toMatchObject({ units: ['基础教育科'], deadline: '长期坚持' });
    expect(fifth!.notes?.owners).toBeUndefined();
  });

  test('says which column was taken for what (one info per role, at the header cell), where the pillars came from, and the row left out', () => {
    const columns = loaded.issues.filter((i) => i.code === 'PLAN_TABLE_COLUMN');
    expect(columns.map((i) => [i.where.cell, i.params.role, i.params.header])).toEqual([
      ['A2', '序号', '序号'], ['B2', '类别', '类别'], ['C2', '工作任务', '工作任务（重点任务）'], ['D2', '工作内容', '工作内容（具体措施）'],
      ['E2', '责任单位', '责任单位（牵头单位、配合单位）'], ['F2', '责任人', '责任人'], ['G2', '完成时限', '完成时限'],
    ]);
    expect(columns.every((i) => i.severity === 'info' && i.where.sheet === '任务分解表')).toBe(true);
    expect(loaded.issues.find((i) => i.code === 'PLAN_TABLE_PILLARS')?.params).toEqual({ source: '“类别”列（第 B 列）', count: 3 });
    expect(loaded.issues.find((i) => i.code === 'PLAN_TABLE_ROW_SKIPPED')?.params).toEqual({ row: 10, text: '备注：完成时限以年度考核通知为准。' });
    expect(loaded.reading?.columns?.find((c) => c.role === '责任单位')).toEqual({ role: '责任单位', column: 'E', header: '责任单位（牵头单位、配合单位）', given: false });
  });

  test('the clerk overrides a column (责任单位=F) or says there is none (类别=无)', async () => {
    const chosen = await load('category-column-2025.xlsx', { columns: { units: 5 } });
    expect(tasksOf(chosen).map((t) => t.notes?.units)).toEqual([['王建国'], ['李红'], ['张伟'], ['赵敏'], [], ['孙强']]);
    expect(chosen.issues.find((i) => i.code === 'PLAN_TABLE_COLUMN_GIVEN')?.params).toEqual({ column: 'F', header: '责任人', role: '责任单位' });
    expect(chosen.issues.some((i) => i.code === 'PLAN_TABLE_COLUMN' && i.params.role === '责任人')).toBe(false);
    const flat = await load('category-column-2025.xlsx', { columns: { pillar: null } });
    expect(flat.plan.pillars.map((p) => [p.title, p.tasks.length])).toEqual([['某某区教育局2025年工作要点任务分解表', 6]]);
    expect(codes(flat)).toContain('PLAN_FLAT_LIST');
  });

  test('a column the table does not have is an error naming it', async () => {
    const wrong = await load('category-column-2025.xlsx', { columns: { deadline: 25 } });
    expect(wrong.errors).toBe(1);
    expect(wrong.issues.find((i) => i.severity === 'error')).toMatchObject({ code: 'PLAN_TABLE_COLUMN_MISSING', params: { role: '完成时限', column: 'Z', count: 7 } });
  });
});

describe('other table shapes', () => {
  test('pillars in rows of their own; a two-row header (责任部门 over 牵头部门 | 配合部门); a task merged over two measures is a group', async () => {
    const loaded = await load('pillar-rows-2025.xlsx');
    expect(loaded.errors).toBe(0);
    expect(loaded.plan.pillars.map((p) => [p.title, p.line, p.groups.map((g) => g.title), p.tasks.map((t) => `${t.id} ${t.title}`)])).toEqual([
      ['思想道德教育', 4, ['加强心理健康教育'], ['P1T1 开展主题教育活动', 'P1G1T2 配齐专职心理教师，每学期开展一次心理健康筛查', 'P1G1T3 建立重点学生心理档案，做到一生一案']],
      ['行为习惯养成', 8, [], ['P2T4 开展文明礼仪月活动', 'P2T5 规范升旗仪式']],
    ]);
    expect(tasksOf(loaded)[2]!.notes).toMatchObject({ units: ['心理中心'], cooperatingUnits: ['各班主任'], deadline: '2025年11月' });
    expect(loaded.reading?.columns?.map((c) => `${c.role}=${c.column}`)).toEqual(['序号=A', '工作任务=B', '工作内容=C', '责任单位=D', '配合单位=E', '完成时限=F']);
    expect(loaded.issues.find((i) => i.code === 'PLAN_TABLE_PILLARS')?.params).toEqual({ source: '表格中单独成行的大项标题', count: 2 });
  });

  test('pillars in cells merged down the left under no header', async () => {
    const loaded = await load('merged-left-2025.xlsx');
    expect(loaded.plan.pillars.map((p) => [p.numeral, p.title, p.tasks.length])).toEqual([['一', '加强政治建设', 2], ['二', '加强师德师风建设', 3]]);
    expect(tasksOf(loaded).map((t) => [t.title, t.notes?.owners, t.notes?.deadline])).toEqual([
      ['开展主题党日活动', ['陈园长'], '每月'], ['落实“三会一课”', ['刘书记'], '长期坚持'], ['签订师德承诺书', ['刘书记'], '2025年3月底前'],
      ['开展师德专题培训', ['王老师'], '每学期'], ['评选“最美教师”', ['陈园长'], '年底前'],
    ]);
    expect(loaded.issues.find((i) => i.code === 'PLAN_TABLE_PILLARS')?.params).toEqual({ source: '左侧合并的单元格（第 A 列）', count: 2 });
  });

  test('a .csv in GB18030 with quoted cells holding commas and a line break', async () => {
    const name = 'duidao-2025.gb18030.csv';
    const before = crypto.createHash('sha256').update(bytesOf(name)).digest('hex');
    const loaded = await load(name);
    expect(loaded.source).toBe('csv');
    expect(loaded.plan.title).toBe('某某县教育局2025年教育督导工作任务分解表');
    expect(loaded.plan.pillars.map((p) => [p.title, p.tasks.length])).toEqual([['督政', 2], ['督学', 2], ['监测', 1]]);
    const tasks = tasksOf(loaded);
    expect(tasks[1]!.body).toBe('对照评估指标逐项查漏补缺，确保通过省级评估。');
    expect(tasks[2]!.body).toBe('责任督学每月到校督导不少于2次，全年覆盖率达100%。');
    expect(tasks[0]!.notes).toMatchObject({ units: ['督导室'], cooperatingUnits: ['各乡镇中心校'], deadline: '2025年10月底前' });
    expect(loaded.issues.filter((i) => i.code === 'PLAN_TABLE_COLUMN').every((i) => i.where.sheet === undefined && i.where.line === 2)).toBe(true);
    expect(crypto.createHash('sha256').update(bytesOf(name)).digest('hex')).toBe(before);
  });

  test('a .docx whose body is a table (LibreOffice Writer from HTML): rowspan 类别 and a full-width row', async () => {
    const loaded = await load('kindergarten-2025.docx');
    expect(loaded.source).toBe('docx-table');
    expect(loaded.plan.title).toBe('某某幼儿园2025年保教工作要点任务分解表');
    expect(loaded.plan.pillars.map((p) => [p.title, p.tasks.map((t) => t.title)])).toEqual([
      ['保育保健', ['规范一日生活', '做好卫生保健']],
      ['教育教学', ['推进课程游戏化', '开展园本教研']],
    ]);
    expect(tasksOf(loaded)[2]!.notes).toMatchObject({ units: ['保教办', '各年级组'], owners: ['周丽'], deadline: '每学期' });
  });
});

describe('what stays a text plan', () => {
  test('the seed as .txt and .docx, and a text .docx with a small table in it', async () => {
    const seed = fs.readFileSync(path.join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'));
    const txt = await loadPlan({ name: 'seed.txt', bytes: new Uint8Array(seed) });
    const docx = await loadPlan({ name: 'seed.docx', bytes: new Uint8Array(fs.readFileSync(path.join(PLANS, 'yizheng-2024.docx'))) });
    expect([txt.source, docx.source]).toEqual(['utf-8', 'docx']);
    expect(docx.plan).toEqual(txt.plan);
    const paragraphs = ['2025年工作要点', '一、加强党建', '1. 深化理论学习。组织党员开展专题学习研讨，每季度不少于1次，形成学习记录。', '2. 落实意识形态责任制。每半年专题研究一次。']
      .map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('');
    const table = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>联系人</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>王明</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    const document = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}${table}</w:body></w:document>`;
    const bytes = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
      '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
      'word/document.xml': strToU8(document),
    });
    const loaded = await loadPlan({ name: 'with-table.docx', bytes });
    expect(loaded.source).toBe('docx');
    expect(loaded.plan.pillars.map((p) => p.tasks.map((t) => t.title))).toEqual([['深化理论学习', '落实意识形态责任制']]);
  });

  test('a prose plan with half-width commas is not taken for a .csv', () => {
    const text = fs.readFileSync(path.join(PLANS, 'shapes', 'half-width-2025.txt'), 'utf8');
    expect(delimitedTable(text, 'x')).toBeUndefined();
    expect(delimitedTable(fs.readFileSync(path.join(__dirname, '..', 'seeds', 'yizheng-2024-party-building-plan.txt'), 'utf8'), 'x')).toBeUndefined();
  });
});

describe('the table mapping on its own', () => {
  test.each([
    ['工作任务（重点任务）', 'task'], ['工作内容（具体措施）', 'content'], ['责任单位（牵头单位、配合单位）', 'units'], ['配合单位', 'cooperating'],
    ['责任人', 'owners'], ['完成时限', 'deadline'], ['时间', 'deadline'], ['类别', 'pillar'], ['序号', 'seq'], ['完成情况', undefined], ['备注', undefined],
  ])('header %s → %s', (header, role) => expect(roleOfHeader(header)).toBe(role));

  test('--columns text: names, letters, numbers and 无; errors say what was wrong', () => {
    expect(parseColumnChoice('责任单位=E，完成时限=7 类别=无')).toEqual({ choice: { units: 4, deadline: 6, pillar: null } });
    expect(parseColumnChoice('责任单位')).toEqual({ error: '“责任单位”应写成“列名=列号”，如“责任单位=E”' });
    expect(parseColumnChoice('领导=E')).toMatchObject({ error: expect.stringMatching(/^不认识的列名“领导”/) });
    expect(parseColumnChoice('责任单位=E5')).toMatchObject({ error: expect.stringContaining('列号“E5”无效') });
  });

  test('a sheet without a task table header is an error that says what to do', () => {
    const result = tableToPlan([{ name: 'Sheet1', rows: [['姓名', '电话'], ['王明', '123']], merges: [], sheet: true }], { fallbackYear: 2025 });
    expect(result.issues.map((i) => [i.code, i.severity, i.params])).toEqual([['PLAN_TABLE_NO_HEADER', 'error', { sheet: 'Sheet1', rows: 15 }]]);
    expect(result.plan.pillars).toEqual([]);
  });

  test('several sheets without pillars of their own: a pillar per sheet, numbers and ids running on', () => {
    const sheet = (name: string, task: string) => ({ name, rows: [['序号', '工作任务', '完成时限'], ['1', task, '6月底前']], merges: [], sheet: true });
    const result = tableToPlan([sheet('党建', '深化理论学习'), sheet('安全', '开展隐患排查')], { fallbackYear: 2025 });
    expect(result.plan.pillars.map((p) => [p.no, p.numeral, p.title, p.tasks.map((t) => t.id)])).toEqual([
      [1, '一', '党建', ['P1T1']], [2, '二', '安全', ['P2T1']],
    ]);
    expect(result.issues.filter((i) => i.code === 'PLAN_TABLE_PILLARS').map((i) => i.params.source)).toEqual(['工作表的名称“党建”', '工作表的名称“安全”']);
  });

  test('hostile merges and sizes are cut to a task table’s size within 2 s', () => {
    const started = Date.now();
    const rows = [['序号', '工作任务', '责任单位']].concat(Array.from({ length: 20_000 }, (_, i) => [String(i + 1), `任务${i}`, '办公室']));
    const merges = Array.from({ length: 10_000 }, () => ({ top: 1, left: 0, bottom: 1_000_000, right: 16_000 }));
    const result = tableToPlan([{ name: 'x', rows, merges }], { fallbackYear: 2025 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.plan.pillars.flatMap((p) => p.tasks).length).toBeLessThanOrEqual(5000);
  });

  test('a text plan is not changed by the table reader being tried first', () => {
    const text = fs.readFileSync(path.join(PLANS, 'three-level-2025.txt'), 'utf8');
    return loadPlan({ name: 'p.txt', bytes: new TextEncoder().encode(text) }).then((loaded) => {
      const direct = parsePlan(text);
      expect(loaded.plan).toEqual(direct.plan);
      expect(loaded.reading).toEqual(direct.reading);
    });
  });
});
