/** Roll-up: duplicates (which file counts, what changed), task states, completion rates, detail rows. */
import { rollUp, type Rollup } from '../src/core/rollup/roll-up';
import { statusOf } from '../src/core/rollup/task-states';
import { ALL_DONE, AS_OF, index, submitted } from './rollup-fixtures';

const school = (r: Rollup, name: string) => r.schools.find((s) => s.name === name)!;

describe('rollUp: duplicates', () => {
  const early = submitted('真州小学-0630.xlsx', {
    unit: '真州小学',
    reporter: '赵老师',
    date: { iso: '2024-06-30' },
    tasks: { P1T1: { status: '推进中', progress: '正在学习' }, P2T3: { owner: '张三' } },
  });
  const late = submitted('真州小学-旧名.xlsx', {
    unit: '真州小学',
    reporter: '钱老师',
    date: '2024年7月1日',
    tasks: { P1T1: { status: '已完成', progress: '已学习 5 次' }, P2T3: { owner: '张三' } },
    extras: [{ under: 'P1T2', values: { measures: '补充举措' } }],
  });

  test('the later 填报日期 wins (a date cell against text read as a date)', () => {
    const r = rollUp([late, early], index, { asOf: AS_OF });
    const s = school(r, '真州小学');
    expect(s.status).toBe('重复报送');
    expect(s.kept).toBe('真州小学-旧名.xlsx');
    expect(s.files.map((f) => [f.file, f.outcome])).toEqual([
      ['真州小学-旧名.xlsx', '采用'],
      ['真州小学-0630.xlsx', '已替代'],
    ]);
    expect(s.files.map((f) => f.info.dateIso)).toEqual(['2024-07-01', '2024-06-30']);
    expect(s.states[0]).toBe('已完成');
  });

  test('every field and task/column that differs is listed, old from the superseded file, new from the kept one', () => {
    const r = rollUp([early, late], index, { asOf: AS_OF });
    const base = { school: '真州小学', keptFile: '真州小学-旧名.xlsx', supersededFile: '真州小学-0630.xlsx' };
    expect(r.changes).toEqual([
      { ...base, task: '填报说明', column: '填报人', old: '赵老师', new: '钱老师' },
      { ...base, task: '填报说明', column: '填报日期', old: '2024-06-30', new: '2024年7月1日' },
      { ...base, task: '1. 深化理论学习', column: '完成情况', old: '正在学习', new: '已学习 5 次' },
      { ...base, task: '1. 深化理论学习', column: '状态', old: '推进中', new: '已完成' },
      { ...base, task: '2. 落实意识形态责任制（插入行 1）', column: '具体举措', old: '', new: '补充举措' },
    ]);
    expect(r.accounting.schoolsDuplicate).toBe(1);
  });

  test('superseded rows stay in the detail list, marked as not adopted', () => {
    const r = rollUp([early, late], index, { asOf: AS_OF });
    expect(r.details.filter((d) => d.adopted).map((d) => d.file)).toEqual(Array(6).fill('真州小学-旧名.xlsx'));
    expect(r.details.filter((d) => !d.adopted).map((d) => d.file)).toEqual(Array(5).fill('真州小学-0630.xlsx'));
    expect([r.accounting.rowsRead, r.accounting.detailRows, r.accounting.rowsSuperseded]).toEqual([11, 11, 5]);
  });

  test('same 填报日期: the later file time wins; same time too: the later file name', () => {
    const a = submitted('a.xlsx', { unit: '甲校', date: '2024-07-01' }, { fileTime: '2024-07-02T08:00:00Z' });
    const b = submitted('b.xlsx', { unit: '甲校', date: { iso: '2024-07-01' } }, { fileTime: '2024-07-01T09:00:00+08:00' });
    expect(school(rollUp([a, b], index, { asOf: AS_OF }), '甲校').kept).toBe('a.xlsx');
    const c = submitted('c.xlsx', { unit: '甲校', date: '2024-07-01' });
    const d = submitted('d.xlsx', { unit: '甲校', date: '2024-07-01' });
    expect(school(rollUp([d, c], index, { asOf: AS_OF }), '甲校').kept).toBe('d.xlsx');
    // A file with no readable 填报日期 loses to one with a date, whatever its time.
    const e = submitted('e.xlsx', { unit: '甲校', date: '七月' }, { fileTime: '2030-01-01T00:00:00Z' });
    expect(school(rollUp([e, c], index, { asOf: AS_OF }), '甲校').kept).toBe('c.xlsx');
  });
});

describe('rollUp: task states and rates', () => {
  const tasks = {
    P1T1: { status: '已完成', deadline: '2024-06-30' },
    // Past deadline, not done.
    P1T2: { status: '推进中', deadline: { iso: '2024-08-31' } },
    // Future deadline.
    P2T3: { status: '\u3000推进中', deadline: '年底前' },
    P2T4: { status: '未开始', deadline: '每学期' },
    // P2T5: nothing written.
  };

  test('已完成 / 逾期 / 推进中 / 未开始 / 未填', () => {
    const r = rollUp([submitted('a.xlsx', { unit: '甲校', tasks })], index, { asOf: AS_OF });
    expect(school(r, '甲校').states).toEqual(['已完成', '逾期', '推进中', '未开始', '未填']);
  });

  test('a past deadline with no status is 未填; a status not in the list counts as none', () => {
    const r = rollUp([submitted('a.xlsx', { unit: '甲校', tasks: { P1T1: { deadline: '2024-01-31' }, P1T2: { status: '完成' } } })], index, {
      asOf: AS_OF,
    });
    expect(school(r, '甲校').states.slice(0, 2)).toEqual(['未填', '未填']);
  });

  test('inserted rows count: one not done keeps the task 推进中; one overdue (own or inherited deadline) makes it 逾期', () => {
    const r = rollUp(
      [
        submitted('a.xlsx', {
          unit: '甲校',
          tasks: { P1T1: { status: '已完成' }, P1T2: { status: '已完成', deadline: '2024-06-30' }, P2T3: { status: '已完成' } },
          extras: [
            { under: 'P1T1', values: { status: '推进中', deadline: '年底前' } },
            { under: 'P1T2', values: { status: '推进中' } },
            { under: 'P2T3', values: { status: '已完成' } },
          ],
        }),
      ],
      index,
      { asOf: AS_OF },
    );
    expect(school(r, '甲校').states.slice(0, 3)).toEqual(['推进中', '逾期', '已完成']);
  });

  test('completion rates per school (per pillar and overall), per task and overall', () => {
    const r = rollUp(
      [submitted('a.xlsx', { unit: '甲校', tasks }), submitted('b.xlsx', { unit: '乙校', tasks: ALL_DONE })],
      index,
      { asOf: AS_OF },
    );
    const a = school(r, '甲校').rates!;
    expect(a.pillars.map((p) => [p.done, p.total])).toEqual([
      [1, 2],
      [0, 3],
    ]);
    expect(a.overall).toEqual({ done: 1, total: 5, rate: 0.2 });
    expect(school(r, '乙校').rates!.overall.rate).toBe(1);
    expect(r.overall.overall).toEqual({ done: 6, total: 10, rate: 0.6 });
    expect(r.overall.pillars.map((p) => p.rate)).toEqual([0.75, 0.5]);
    expect(r.taskStats.map((t) => [t.no, t.schools, t.filled, t.done, t.inProgress, t.notStarted, t.overdue, t.unfilled, t.rate.rate])).toEqual([
      [1, 2, 2, 2, 0, 0, 0, 0, 1],
      [2, 2, 2, 1, 0, 0, 1, 0, 0.5],
      [3, 2, 2, 1, 1, 0, 0, 0, 0.5],
      [4, 2, 2, 1, 0, 1, 0, 0, 0.5],
      [5, 2, 1, 1, 0, 0, 0, 1, 0.5],
    ]);
  });

  test('detail rows: the deadline as written and as understood, source sheet and first cell', () => {
    const r = rollUp(
      [submitted('a.xlsx', { unit: '甲校', tasks: { ...tasks, P2T5: { deadline: '看情况' } }, orphans: [{ task: '自选动作', status: '推进中' }] })],
      index,
      { asOf: AS_OF },
    );
    expect(r.details.map((d) => [d.kind, d.pillar, d.seq, d.deadline, d.deadlineRead, d.sheet, d.cell])).toEqual([
      ['task', '一', '1', '2024-06-30', '2024-06-30', index.sheetNames[0], 'A3'],
      ['task', '一', '2', '2024-08-31', '2024-08-31', index.sheetNames[0], 'A4'],
      ['orphan', '一', '', '', '', index.sheetNames[0], 'A5'],
      ['task', '二', '3', '年底前', '2024-12-31', index.sheetNames[1], 'A3'],
      ['task', '二', '4', '每学期', '每学期', index.sheetNames[1], 'A4'],
      ['task', '二', '5', '看情况', '无法识别', index.sheetNames[1], 'A5'],
    ]);
    expect(r.details[2]!.task).toBe('自选动作');
  });
});

test('status texts are read the same however often they repeat: spaces and full-width forms ignored, anything else no status', () => {
  const cell = (text: string) => ({ sheet: 'S', address: 'J5', type: 'string' as const, value: text, text });
  for (let i = 0; i < 3; i++) {
    expect(['已完成', '已 完成', '推进中　', '未开始', '完成', ''].map((t) => statusOf(cell(t)))).toEqual(['已完成', '已完成', '推进中', '未开始', undefined, undefined]);
  }
  expect(statusOf(undefined)).toBeUndefined();
});
