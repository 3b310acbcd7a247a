/**
 * After an action, its outcome in view: in a task pane 350 pixels wide the
 * result (or the fault) starts far below the button clicked, and a clerk who
 * sees nothing change thinks nothing happened. Only scrolls when the outcome's
 * top is off screen, so a wide page that already shows it does not jump.
 */
import { byId } from './dom.js';

export function revealOutcome(): void {
  const error = byId('error');
  const target = !error.hidden ? error : byId('result');
  if (!target.hasChildNodes()) return;
  const top = target.getBoundingClientRect().top;
  if (top >= 0 && top < window.innerHeight * 0.75) return;
  target.scrollIntoView({ block: 'start' });
}
