/**
 * Problems in the page: grouped by sheet in the order they were found (as the
 * CLI's report), each with its cell, severity, code and the zh-CN message.
 * Inside Excel a problem with a cell can be picked (click, Enter or Space) to
 * select that cell in the workbook.
 */
import { describeIssue } from '../../core/issues.js';
import type { Issue } from '../../core/model.js';
import { h } from './dom.js';
import { groupBySheet, type ProblemGroup, type ProblemItem } from '../../core/report/issue-groups.js';

export { countBySeverity } from '../../core/report/issue-groups.js';

/** Called with the sheet and cell of a picked problem (Excel only). */
export type OnPick = (sheet: string, cell: string) => void;

function issueItem(item: ProblemItem, onPick?: OnPick): HTMLElement {
  const pickable = onPick !== undefined && item.sheet !== '' && item.cell !== undefined;
  const li = h(
    'li',
    {
      class: `issue ${item.severity}${pickable ? ' pickable' : ''}`,
      'data-code': item.code,
      ...(item.cell ? { 'data-cell': item.cell } : {}),
      ...(pickable ? { tabindex: '0', role: 'button', title: `在工作表“${item.sheet}”中选中 ${item.cell}` } : {}),
    },
    item.cell ? h('span', { class: 'cell' }, item.cell) : null,
    h('span', { class: `severity ${item.severity}` }, item.severityZh),
    h('code', { class: 'code' }, item.code),
    h('span', { class: 'message' }, item.message),
  );
  if (pickable) {
    const pick = (): void => onPick(item.sheet, item.cell!);
    li.addEventListener('click', pick);
    li.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      pick();
    });
  }
  return li;
}

/** The report from grouped data: one block per sheet. */
export function problemReport(groups: readonly ProblemGroup[], onPick?: OnPick): HTMLElement {
  const root = h('div', { class: 'report' });
  for (const group of groups) {
    root.append(
      h('section', { class: 'sheet-group', 'data-sheet': group.sheet },
        h('h3', {}, group.title, h('span', { class: 'count' }, `${group.items.length} 条`)),
        h('ul', { class: 'issues' }, group.items.map((item) => issueItem(item, onPick))),
      ),
    );
  }
  return root;
}

/** The validation report: one block per sheet (`整个文件` for problems without a sheet). */
export function issuesBySheet(issues: readonly Issue[], onPick?: OnPick): HTMLElement {
  return problemReport(groupBySheet(issues), onPick);
}

/** Plan problems (line-based): one line each, as `taizhang parse` prints them. */
export function planIssueList(issues: readonly Issue[]): HTMLElement {
  return h('ul', { class: 'issues plain' }, issues.map((item) => h('li', { class: `issue ${item.severity}`, 'data-code': item.code }, describeIssue(item))));
}
