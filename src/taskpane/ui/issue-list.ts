/**
 * Problems in the page: grouped by sheet in the order they were found (as the
 * CLI's report), each with its cell, severity, code and the zh-CN message.
 */
import { describeIssue, messageFor } from '../../core/issues.js';
import type { Issue } from '../../core/model.js';
import { h } from './dom.js';

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number } {
  return {
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
  };
}

function issueItem(item: Issue): HTMLElement {
  return h(
    'li',
    { class: `issue ${item.severity}`, 'data-code': item.code, ...(item.where.cell ? { 'data-cell': item.where.cell } : {}) },
    item.where.cell ? h('span', { class: 'cell' }, item.where.cell) : null,
    h('span', { class: `severity ${item.severity}` }, SEVERITY_ZH[item.severity]),
    h('code', { class: 'code' }, item.code),
    h('span', { class: 'message' }, messageFor(item.code, item.params)),
  );
}

/** The validation report: one block per sheet (`整个文件` for problems without a sheet). */
export function issuesBySheet(issues: readonly Issue[]): HTMLElement {
  const groups = new Map<string, Issue[]>();
  for (const item of issues) {
    const key = item.where.sheet ?? '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const root = h('div', { class: 'report' });
  for (const [sheet, items] of groups) {
    root.append(
      h('section', { class: 'sheet-group', 'data-sheet': sheet },
        h('h3', {}, sheet ? `工作表“${sheet}”` : '整个文件', h('span', { class: 'count' }, `${items.length} 条`)),
        h('ul', { class: 'issues' }, ...items.map(issueItem)),
      ),
    );
  }
  return root;
}

/** Plan problems (line-based): one line each, as `taizhang parse` prints them. */
export function planIssueList(issues: readonly Issue[]): HTMLElement {
  return h('ul', { class: 'issues plain' }, ...issues.map((item) => h('li', { class: `issue ${item.severity}`, 'data-code': item.code }, describeIssue(item))));
}
