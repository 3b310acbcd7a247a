/** A roll-up with a bit of everything, for the summary workbook tests: duplicates, refusals, missing and unlisted schools, formula-like text. */
import { issue } from '../src/core/issues';
import { rollUp, type SubmissionInput } from '../src/core/rollup/roll-up';
import { ALL_DONE, AS_OF, index, refused, submitted } from './rollup-fixtures';

export const FORMULA_LIKE = {
  unit: '=HYPERLINK("http://evil.example","点我")',
  reporter: '@张三',
  phone: '+86 138 1234 5678',
  owner: '-',
  progress: '=1+1',
} as const;

export const ROSTER = ['仪征市实验小学', '真州小学', '新城中学', '月塘小学', '大仪中学', '刘集中学', '陈集小学', '马集小学'];

const LONG = '组织全体党员开展专题学习，围绕新修订的条例逐章研读，结合学校实际撰写心得体会并在支部会上交流，形成学习成果汇编。';

export function summaryInputs(): SubmissionInput[] {
  return [
    submitted('仪征市实验小学.xlsx', { unit: '仪征市实验小学', reporter: '赵老师', phone: '0514-83456789', date: { iso: '2024-08-30' }, tasks: ALL_DONE }),
    submitted('真州小学-0630.xlsx', {
      unit: '真州小学',
      reporter: '钱老师',
      phone: '13812345678',
      date: { iso: '2024-06-30' },
      tasks: { P1T1: { status: '推进中', progress: '正在学习' } },
    }),
    submitted(
      '真州小学-0830.xlsx',
      {
        unit: '真州小学',
        reporter: '钱老师',
        phone: '13812345678',
        date: '2024年8月30日',
        tasks: { P1T1: { status: '已完成', progress: LONG, deadline: '2024-06-30' }, P1T2: { status: '推进中', deadline: '2024-06-30' }, P2T3: { status: '未开始', deadline: '年底前' } },
        extras: [{ under: 'P1T1', values: { measures: '补充：开展专项检查', status: '已完成' } }],
      },
      {
        issues: [
          issue('VALIDATE_OWNER_MISSING', 'warning', { file: '真州小学-0830.xlsx', sheet: index.sheetNames[0]!, cell: 'F3', taskId: 'P1T1' }, { value: '' }),
          issue('VALIDATE_OVERDUE', 'warning', { file: '真州小学-0830.xlsx', sheet: index.sheetNames[0]!, cell: 'G4' }, { value: '2024-06-30', due: '2024-06-30', status: '推进中', asOf: AS_OF }),
        ],
      },
    ),
    submitted('xinCheng.xlsx', { unit: '新城 中学', reporter: '孙老师', date: '2024-08-01', tasks: { P1T1: { status: '推进中', deadline: '每学期' }, P2T4: { status: '已完成' } } }),
    submitted('formula.xlsx', {
      unit: FORMULA_LIKE.unit,
      reporter: FORMULA_LIKE.reporter,
      phone: FORMULA_LIKE.phone,
      tasks: { P1T1: { owner: FORMULA_LIKE.owner, progress: FORMULA_LIKE.progress, status: '已完成' } },
    }),
    refused('大仪中学.xlsx', 'XLSX_READ_NOT_ZIP'),
    refused('刘集中学-台账.xlsx', 'LEDGER_NOT_TEMPLATE'),
  ];
}

export function summaryRollup() {
  return rollUp(summaryInputs(), index, { roster: ROSTER, asOf: AS_OF });
}
