/**
 * 下载各校反馈 in the page: the feedback of the last roll-up (app/feedback.ts)
 * from the files the clerk picked, in one .zip, with each school's message to
 * show and copy. The page holds the picked files' bytes already, so nothing
 * is read again.
 */
import { buildFeedback, feedbackZip } from '../../app/feedback.js';
import { feedbackZipFileName } from '../../core/file-names.js';
import type { Plan } from '../../core/model.js';
import type { Rollup } from '../../core/rollup/types.js';
import type { PickedFile } from './plan.js';

export interface PageFeedback {
  headline: string;
  file: { fileName: string; bytes: Uint8Array };
  messages: { school: string; text: string }[];
  chase?: string;
}

/** `resubmitBy`: a checked `YYYY-MM-DD` (app/resubmit-deadline.ts), written into the messages and 反馈清单; none: 请尽快. */
export async function feedbackOf(rollup: Rollup, plan: Plan, files: readonly PickedFile[], resubmitBy?: string): Promise<PageFeedback> {
  const byName = new Map(files.map((f) => [f.name, f.bytes]));
  const fed = await buildFeedback({ rollup, plan, ...(resubmitBy ? { resubmitBy } : {}), readFile: (name) => byName.get(name) });
  const headline =
    fed.messages.length === 0 && !fed.chase
      ? '各校报送的台账都没有问题，无需反馈；反馈清单已生成。'
      : `已生成各校反馈：${fed.copies} 份标注副本、反馈清单和各校消息（一个 .zip）。下面的消息可以直接复制到企业微信或 QQ 群。`;
  return { headline, file: { fileName: feedbackZipFileName(rollup.planTitle, rollup.asOf), bytes: feedbackZip(fed.outputs) }, messages: fed.messages, ...(fed.chase ? { chase: fed.chase } : {}) };
}
