/**
 * 本期变化: this round beside the last, for the meeting. The line under the
 * title gives both rounds' completion rates and the difference, and who newly
 * submitted or went missing; the table lists every change school by school.
 * Not 重复报送变化 (changes-sheet.ts), which compares two files of one round.
 */
import { rateChangeWords } from '../report/round-words.js';
import type { SheetSpec } from '../workbook/spec.js';
import type { RoundChanges, TaskChangeKind } from './round-changes.js';
import { SUMMARY_STYLE } from './summary-styles.js';
import { noteRow, tableSheet, type TableCell, type TableColumn } from './table-sheet.js';

export const ROUND_CHANGES_SHEET_NAME = '本期变化';

const COLUMNS: TableColumn[] = [
  { key: 'school', header: '学校', width: 20, style: SUMMARY_STYLE.text },
  { key: 'task', header: '任务', width: 36, style: SUMMARY_STYLE.text },
  { key: 'change', header: '变化', width: 16, style: SUMMARY_STYLE.center },
  { key: 'before', header: '上期', width: 12, style: SUMMARY_STYLE.center },
  { key: 'after', header: '本期', width: 12, style: SUMMARY_STYLE.center },
  { key: 'progress', header: '本期完成情况', width: 40, style: SUMMARY_STYLE.text },
];

const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function countsLine(changes: RoundChanges): string {
  const count = (kind: TaskChangeKind) => changes.tasks.filter((t) => t.kind === kind).length;
  return `新完成 ${count('新完成')} 项，新亮红灯 ${count('新亮红灯')} 项，由已完成退回 ${count('由已完成退回')} 项，完成情况有更新 ${count('完成情况有更新')} 项。`;
}

/** `progress`: a school's 完成情况 of a task this round (only a hash of last round's is kept, so only this round's is shown). */
export function roundChangesSheet(
  planTitle: string,
  changes: RoundChanges,
  taskLabels: ReadonlyMap<string, string>,
  progress: (school: string, taskId: string) => string,
): SheetSpec {
  const { previous, current } = changes;
  const subtitle =
    `本期（${current.label}，截至 ${current.asOf}）总体完成率 ${percent(current.rate)}，` +
    `上期（${previous.label}，截至 ${previous.asOf}）${percent(previous.rate)}，${rateChangeWords(changes.rateDelta)}。` +
    `新报送 ${changes.newlySubmitted.length} 所，本期未报送（上期已报送）${changes.newlyMissing.length} 所。${countsLine(changes)}` +
    // Swapped files read as progress going backwards: said plainly rather than guessed at.
    (previous.asOf >= current.asOf ? `注意：上期汇总的判断日期（${previous.asOf}）不早于本期（${current.asOf}），请确认 --previous 选的是上一期的汇总表。` : '');
  const body: TableCell[][] = changes.newlySubmitted
    .map((name): TableCell[] => [name, '（整校）', '新报送', '未报送', '已报送'])
    .concat(changes.newlyMissing.map((name) => [name, '（整校）', '本期未报送', '已报送', '未报送']))
    .concat(changes.tasks.map((t) => [t.school, taskLabels.get(t.taskId) ?? t.taskId, t.kind, t.before || '—', t.after || '—', progress(t.school, t.taskId)]));
  const notes = body.length === 0 ? [noteRow('（与上期相比没有变化）', COLUMNS.length, SUMMARY_STYLE.muted)] : [];
  return tableSheet({
    name: ROUND_CHANGES_SHEET_NAME,
    title: `${planTitle} 本期变化（${current.label} 对比 ${previous.label}）`,
    subtitle,
    pageTitle: `${planTitle} 本期变化`,
    columns: COLUMNS,
    body,
    notes,
    freezeColumns: 1,
    tabColor: '70AD47',
  });
}
