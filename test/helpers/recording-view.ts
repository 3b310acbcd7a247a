/** A host pane view (host/controller.ts PaneView) that records what it is shown, for controller tests. */
import type { PaneView } from '../../src/taskpane/host/controller';

export function recordingView() {
  const shown: { what: keyof PaneView; view: any }[] = [];
  const record = (what: keyof PaneView) => (view: unknown) => void shown.push({ what, view });
  const view: PaneView = {
    progress: () => undefined, planProblems: record('planProblems'), generated: record('generated'), validated: record('validated'),
    status: record('status'), rolledUp: record('rolledUp'), summaryWritten: record('summaryWritten'), summaryDownload: record('summaryDownload'), failure: record('failure'),
  };
  const shownAs = (what: keyof PaneView) => shown.filter((s) => s.what === what).map((s) => s.view);
  return { view, shownAs };
}
