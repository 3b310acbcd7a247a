/** The wording of 各校反馈 (core/report/feedback-*): dates, short fixes, grouping, and the refused and 催报 messages. */
import { fixPhrase } from '../src/core/report/feedback-fixes';
import { chaseMessage, chineseDate, feedbackItems, schoolMessage, type SchoolFeedback } from '../src/core/report/feedback-messages';
import { messageFor } from '../src/core/issues';

const school = (over: Partial<SchoolFeedback>): SchoolFeedback => ({
  school: '仪征市第二中学', file: '二中.xlsx', reporter: '', phone: '', kind: 'problems', situation: '有错误', errors: 1, warnings: 0, problems: [], ...over,
});

test('dates in Chinese form, with the year only when it is not the as-of year', () => {
  expect(chineseDate('2024-09-10', 2024)).toBe('9月10日');
  expect(chineseDate('2025-01-05', 2024)).toBe('2025年1月5日');
  expect(schoolMessage(school({ problems: [{ sheet: 'S', cell: 'A1', severity: 'error', fix: '责任人未填' }] }), '2025-01-05', '2024-12-20')).toContain('请于2025年1月5日前修改后重新报送');
});

test('short fixes keep the school value, cut long ones, and fall back to the full message', () => {
  expect(fixPhrase('VALIDATE_OWNER_MISSING', { value: '' })).toBe('责任人未填');
  expect(fixPhrase('VALIDATE_DEADLINE_UNKNOWN', { value: '等上级通知以后再说吧反正也不急' })).toBe('完成时限“等上级通知以后再说吧反正…”无法识别，请写成“6月底前”“2024年6月30日”等');
  const full = messageFor('LEDGER_EXTRA_SHEET', { sheet: '附表' });
  expect(fixPhrase('LEDGER_EXTRA_SHEET', { sheet: '附表' })).toBe(full.replace(/。$/, ''));
});

test('problems with the same sheet and fix share one item; errors come before warnings, which say 请核对', () => {
  const items = feedbackItems([
    { sheet: '一、加强政治建设', cell: 'G5', severity: 'warning', fix: '已过完成时限' },
    { sheet: '一、加强政治建设', cell: 'F3', severity: 'error', fix: '责任人未填' },
    { sheet: '二、夯实组织体系建设', cell: 'F3', severity: 'error', fix: '责任人未填' },
    { sheet: '一、加强政治建设', cell: 'F5', severity: 'error', fix: '责任人未填' },
    { sheet: '', cell: '', severity: 'error', fix: '缺少工作表' },
  ]);
  expect(items).toEqual([
    '1. 一、加强政治建设 F3、F5 责任人未填',
    '2. 二、夯实组织体系建设 F3 责任人未填',
    '3. 缺少工作表',
    '4. 一、加强政治建设 G5 已过完成时限（请核对）',
  ]);
});

test('a refused file: what happened, and to resubmit; a template refusal asks for the template', () => {
  const reason = messageFor('LEDGER_NOT_TEMPLATE', { file: 'x.xlsx' });
  const text = schoolMessage(school({ kind: 'refused', situation: '非本模板', reason }), undefined, '2024-09-01');
  expect(text).toBe(`仪征市第二中学：报送的文件无法使用：${reason.slice(0, reason.indexOf('。') + 1)}请尽快用本次下发的台账模板填写后重新报送。`);
});

test('the 催报 message lists the missing schools in order, and there is none when nobody is missing', () => {
  expect(chaseMessage('要点', ['甲小学', '乙中学'], '2024-09-10', '2024-09-01')).toBe('截至2024年9月1日，以下 2 所学校尚未报送《要点》台账，请于9月10日前报送：甲小学、乙中学。');
  expect(chaseMessage('要点', [], undefined, '2024-09-01')).toBeUndefined();
});
