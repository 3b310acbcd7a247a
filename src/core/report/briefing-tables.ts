/** The 通报's 附件: 附件1 the ranking of every school, 附件2 the 逾期任务清单. */
import type { BriefingInput, BriefingSchool, BriefingTable } from './briefing-types.js';
import { byRank, paceOf, percent, ranks } from './briefing-words.js';

export const RANKING_TITLE = '各学校落实情况排名表';
export const OVERDUE_TITLE = '逾期任务清单';

const share = (value: number | undefined) => (value === undefined ? '—' : percent(value));

/** Ranked schools best first, then the ones without figures (未报送, unreadable) in the caller's order. */
export function rankingTable(input: BriefingInput): BriefingTable {
  const rank = ranks(input.schools);
  const ordered = [...byRank(input.schools), ...input.schools.filter((s) => !rank.has(s))];
  const rows = ordered.map((s) => [
    rank.has(s) ? String(rank.get(s)) : '—',
    s.name,
    s.status,
    share(s.rate),
    rank.has(s) ? percent(paceOf(s)) : '—',
    rank.has(s) ? String(s.red) : '—',
    rank.has(s) ? String(s.yellow) : '—',
    rank.has(s) ? String(s.green) : '—',
    s.filler ?? '',
    s.phone ?? '',
  ]);
  return {
    label: '附件1',
    title: RANKING_TITLE,
    columns: ['排名', '学校', '报送情况', '完成率', '序时进度', '红', '黄', '绿', '填报人', '联系电话'],
    rows,
    // 联系电话 wide enough for 0514-88384243 on one line (at 14 LibreOffice broke it after the hyphen).
    widths: [6, 17, 9, 9, 9, 5, 5, 5, 9, 19],
  };
}

/** Every 红 task, lowest-ranked schools first (the ones to call first). */
export function overdueTable(input: BriefingInput): BriefingTable {
  const rank = ranks(input.schools);
  const schools: BriefingSchool[] = input.schools
    .filter((s) => s.redTasks.length > 0)
    .sort((a, b) => (rank.get(b) ?? 0) - (rank.get(a) ?? 0));
  const rows: string[][] = [];
  for (const s of schools) {
    for (const t of s.redTasks) rows.push([String(rows.length + 1), s.name, t.pillar, t.task, t.deadline, s.filler ?? '', s.phone ?? '']);
  }
  if (rows.length === 0) rows.push(['—', '无逾期任务', '', '', '', '', '']);
  return {
    label: '附件2',
    title: OVERDUE_TITLE,
    columns: ['序号', '学校', '工作板块', '工作任务', '完成时限', '填报人', '联系电话'],
    rows,
    // 完成时限 holds 2024年6月30日 and 联系电话 a landline on one line each.
    widths: [6, 16, 10, 31, 19, 10, 18],
  };
}
