/**
 * The roll-up in the page: the accounting that proves no file or row was
 * lost, problem counts, refused files with their code, and each school's state.
 */
import type { Rollup } from '../../core/rollup/types.js';
import { h } from './dom.js';

const percent = (rate: number): string => `${Math.round(rate * 1000) / 10}%`;

function row(label: string, value: string | number, key: string): HTMLElement {
  return h('tr', { 'data-key': key }, h('th', { scope: 'row' }, label), h('td', {}, String(value)));
}

export function accountingTable(rollup: Rollup): HTMLElement {
  const a = rollup.accounting;
  const rows = [
    row('找到的文件', a.filesFound, 'filesFound'),
    row('读取成功', a.filesRead, 'filesRead'),
    row('无法读取或非本模板', a.filesRefused, 'filesRefused'),
    row('采用', a.filesAdopted, 'filesAdopted'),
    row('被同校较新文件替代', a.filesSuperseded, 'filesSuperseded'),
    row('读取的行', a.rowsRead, 'rowsRead'),
    row('明细表中的行', a.detailRows, 'detailRows'),
    ...(a.rosterGiven
      ? [row('名单上的学校', a.schoolsListed, 'schoolsListed'), row('未报送', a.schoolsMissing, 'schoolsMissing'), row('不在名单上', a.schoolsUnlisted, 'schoolsUnlisted')]
      : []),
    row('已报送的学校', a.schoolsSubmitted, 'schoolsSubmitted'),
    row('重复报送', a.schoolsDuplicate, 'schoolsDuplicate'),
    row('账目核对', a.balanced ? '相符（文件数、行数都对得上）' : '不相符，请把这些文件发给技术支持', 'balanced'),
  ];
  return h('table', { class: 'accounting', 'aria-label': '汇总对账' }, h('tbody', {}, ...rows));
}

export function problemCounts(rollup: Rollup): HTMLElement {
  const errors = rollup.problems.filter((p) => p.severity === 'error').length;
  const warnings = rollup.problems.filter((p) => p.severity === 'warning').length;
  const refused = rollup.accounting.refusals.map((r) =>
    h('li', { class: 'issue error', 'data-code': r.code }, h('span', { class: 'cell' }, r.file), h('code', { class: 'code' }, r.code), h('span', { class: 'message' }, r.reason)),
  );
  return h('div', { class: 'problems' },
    h('p', { id: 'problem-counts' }, `各校文件中共有 ${errors} 个错误、${warnings} 个警告（逐条列在汇总表的“问题清单”中）。`),
    refused.length > 0 ? h('h3', {}, '未能计入的文件') : null,
    refused.length > 0 ? h('ul', { class: 'issues' }, ...refused) : null,
  );
}

export function schoolTable(rollup: Rollup): HTMLElement {
  const body = rollup.schools.map((s) =>
    h('tr', {}, h('td', {}, s.name), h('td', {}, s.status), h('td', { class: 'num' }, s.rates ? percent(s.rates.overall.rate) : '—')),
  );
  return h('table', { class: 'schools', 'aria-label': '各校报送情况' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '学校'), h('th', { scope: 'col' }, '状态'), h('th', { scope: 'col' }, '完成率'))),
    h('tbody', {}, ...body),
  );
}
