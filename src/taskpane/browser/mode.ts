/**
 * The page working on files (a plain browser, or an Excel without the add-in
 * APIs): the three actions wired to the file controller. The work chunk
 * (the use cases and the writer) is fetched on the first action, never at start-up.
 */
import { domInputs } from '../dom-inputs.js';
import type { FileActions } from '../pane-actions.js';
import { showProgress } from '../ui/dom.js';
import { run } from '../ui/run.js';
import { FileController, type FileDeps } from './controller.js';
import { FileDomView } from './dom-view.js';

let workPromise: Promise<FileDeps> | undefined;

/** The heavy chunk, fetched once from this page's own origin (retried after a failed fetch). */
function loadWork(): Promise<FileDeps> {
  showProgress('正在加载处理模块……');
  workPromise ??= import(/* webpackChunkName: "work" */ '../work/index.js').catch((error: unknown) => {
    workPromise = undefined;
    throw error;
  });
  return workPromise;
}

export function fileActions(): FileActions {
  const view = new FileDomView(
    () => void run(() => controller.annotate()),
    () => void run(() => controller.report(), { keepResult: true }),
    () => void run(() => controller.feedback(), { keepResult: true }),
  );
  const controller = new FileController(loadWork, domInputs, view);
  return {
    generate: () => run(() => controller.generate()),
    validate: () => run(() => controller.validate()),
    rollUp: () => run(() => controller.rollUp()),
    preview: () => run(() => controller.preview()),
  };
}
