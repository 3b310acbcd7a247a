/**
 * Running one action in the page, whichever mode: buttons disabled meanwhile,
 * progress hidden after, faults shown in the page; and the result area.
 */
import type { Issue } from '../../core/model.js';
import { PLAN_HAS_ERRORS } from '../../core/report/wording.js';
import { byId, clearError, h, hideProgress, releaseDownloads, showFault } from './dom.js';
import { planIssueList } from './issue-list.js';
import { revealOutcome } from './reveal.js';

export function result(...children: (Node | string | null)[]): void {
  byId('result').replaceChildren(...children.filter((c): c is Node | string => c !== null));
}

export function planProblems(issues: Issue[]): void {
  result(h('p', { class: 'summary bad' }, PLAN_HAS_ERRORS), planIssueList(issues));
}

/**
 * Runs one action: buttons disabled meanwhile, faults shown in the page.
 * `keepResult` (an annotated copy, marking, clearing, selecting inside Excel) leaves the report in place.
 */
export async function run(task: () => Promise<void>, options: { keepResult?: boolean } = {}): Promise<void> {
  // Only the buttons enabled now: a button that was already disabled (nothing to mark) stays so.
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('button.run, #result button')].filter((b) => !b.disabled);
  buttons.forEach((b) => (b.disabled = true));
  byId('result').setAttribute('aria-busy', 'true');
  clearError();
  if (!options.keepResult) {
    releaseDownloads();
    result();
  }
  try {
    await task();
  } catch (error) {
    showFault(error);
  } finally {
    hideProgress();
    byId('result').removeAttribute('aria-busy');
    buttons.forEach((b) => (b.disabled = false));
    revealOutcome();
  }
}
