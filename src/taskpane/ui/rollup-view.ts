/**
 * The roll-up in the page: the accounting that proves no file or row was
 * lost, problem counts, refused files with their code, and each school's state.
 */
import type { Rollup } from '../../core/rollup/types.js';
import { countsPhrase } from '../../core/report/wording.js';
import { h } from './dom.js';

const percent = (rate: number): string => `${Math.round(rate * 1000) / 10}%`;

/** 数据核对 in the page: the same lines, numbers and notes as the CLI and the summary's sheet. */
export function accountingTable(rollup: Rollup, lines: readonly [string, number, string][]): HTMLElement {
  const rows = lines.map(([label, count, note]) =>
    h('tr', { 'data-item': label.trim() }, h('th', { scope: 'row', class: label.startsWith('    ') ? 'indent2' : label.startsWith('  ') ? 'indent' : '' }, label.trim()), h('td', { class: 'num' }, String(count)), h('td', { class: 'note' }, note)),
  );
  const a = rollup.accounting;
  rows.push(h('tr', { 'data-item': '核对结果' }, h('th', { scope: 'row' }, '核对结果'), h('td', { class: a.balanced ? 'good' : 'bad' }, a.balanced ? '相符' : '不相符'), h('td', { class: 'note' }, a.balanced ? '没有遗漏。' : '文件数或行数对不上，请把这些文件发给技术支持。')));
  return h('table', { class: 'accounting', 'aria-label': '数据核对' }, h('tbody', {}, rows));
}

/** Links from the roll-up's headline to the lists of what is missing, refused and wrong. */
export function gapLinks(gaps: { missing: number; refused: number; errors: number }): HTMLElement | null {
  const links = [
    gaps.missing > 0 && h('a', { href: '#missing-schools' }, `未报送的学校（${gaps.missing}）`),
    gaps.refused > 0 && h('a', { href: '#refused-files' }, `无法读取的文件（${gaps.refused}）`),
    gaps.errors > 0 && h('a', { href: '#problem-counts' }, `错误（${gaps.errors}）`),
  ].filter((link): link is HTMLElement => link instanceof HTMLElement);
  return links.length === 0 ? null : h('p', { class: 'gap-links' }, links);
}

/** 数据核对, folded: it proves nothing was lost, but it is not what the clerk reads first. */
export function foldedAccounting(rollup: Rollup, lines: readonly [string, number, string][]): HTMLElement {
  return h('details', { class: 'accounting-details' }, [h('summary', {}, '核对明细（文件数、行数前后一致）'), accountingTable(rollup, lines)]);
}

export function problemCounts(rollup: Rollup): HTMLElement {
  const errors = rollup.problems.filter((p) => p.severity === 'error').length;
  const warnings = rollup.problems.filter((p) => p.severity === 'warning').length;
  const item = (r: { file: string; code: string; reason: string }, tone: string): HTMLElement =>
    h('li', { class: `issue ${tone}`, 'data-code': r.code }, h('span', { class: 'cell' }, r.file), h('code', { class: 'code' }, r.code), h('span', { class: 'message' }, r.reason));
  const refused = rollup.accounting.refusals.map((r) => item(r, 'error'));
  // Notices, rosters, PDFs picked with the ledgers: named apart, never counted as schools (as in the CLI's accounting).
  const others = rollup.accounting.others.map((r) => item(r, 'info'));
  const missing = rollup.schools.filter((s) => s.status === '未报送').map((s) => h('li', { class: 'issue warning' }, h('span', { class: 'message' }, s.name)));
  return h('div', { class: 'problems' },
    missing.length > 0 ? h('h3', { id: 'missing-schools' }, '未报送的学校') : null,
    missing.length > 0 ? h('ul', { class: 'issues missing' }, missing) : null,
    refused.length > 0 ? h('h3', { id: 'refused-files' }, '未能计入的文件') : null,
    refused.length > 0 ? h('ul', { class: 'issues' }, refused) : null,
    h('p', { id: 'problem-counts' }, `各校文件中共有 ${countsPhrase({ errors, warnings })}（逐条列在汇总表的“问题清单”中）。`),
    others.length > 0 ? h('h3', {}, '其他文件，未读取') : null,
    others.length > 0 ? h('ul', { class: 'issues others' }, others) : null,
  );
}

export function schoolTable(rollup: Rollup): HTMLElement {
  const body = rollup.schools.map((s) =>
    h('tr', {}, h('td', {}, s.name), h('td', {}, s.status), h('td', { class: 'num' }, s.rates ? percent(s.rates.overall.rate) : '—')),
  );
  return h('table', { class: 'schools', 'aria-label': '各校报送情况' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '学校'), h('th', { scope: 'col' }, '状态'), h('th', { scope: 'col' }, '完成率'))),
    h('tbody', {}, body),
  );
}

/** Copies a message: the clipboard API where the page may use it (https), else the selected text area's copy. */
function copyButton(area: HTMLTextAreaElement): HTMLElement {
  const button = h('button', { type: 'button', class: 'secondary copy' }, '复制');
  button.addEventListener('click', () => {
    area.select();
    const done = () => (button.textContent = '已复制');
    if (navigator.clipboard?.writeText) void navigator.clipboard.writeText(area.value).then(done, () => document.execCommand('copy') && done());
    else if (document.execCommand('copy')) done();
  });
  return button;
}

/** Each school's ready-to-paste message (and the 催报 one) in a text area with its own 复制 button. */
export function feedbackMessages(messages: readonly { school: string; text: string }[], chase?: string): HTMLElement {
  const all = [...messages.map((m) => ({ label: m.school, text: m.text })), ...(chase ? [{ label: '催报（未报送的学校）', text: chase }] : [])];
  const items = all.map((m) => {
    const area = h('textarea', { readonly: '', rows: '4', 'aria-label': `给${m.label}的消息` }, m.text) as HTMLTextAreaElement;
    return h('li', { class: 'feedback-message' }, [h('span', { class: 'school' }, m.label), area, copyButton(area)]);
  });
  return h('ul', { class: 'feedback-messages', 'aria-label': '各校反馈消息' }, items);
}
