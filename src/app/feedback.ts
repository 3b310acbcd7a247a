/**
 * Use case: 各校反馈 after a roll-up. For every school with errors or warnings
 * its annotated copy (its own file, problem cells marked); one 反馈清单.xlsx;
 * a ready-to-paste message per school (各校反馈消息.txt) and one 催报 message
 * for the roster schools that sent nothing (催报消息.txt). No I/O: the front
 * end hands over each school's bytes through `readFile`, asked one file at a
 * time, so a CLI that kept no bytes reads them again one by one.
 */
import { annotatedFileName, CHASE_MESSAGE_FILE, FEEDBACK_LIST_FILE, FEEDBACK_MESSAGES_FILE, safeFileName } from '../core/file-names.js';
import { indexTemplate } from '../core/ledger/template-index.js';
import { messageFor, TaizhangError } from '../core/issues.js';
import type { Plan } from '../core/model.js';
import { chaseMessage, schoolMessage, type SchoolFeedback } from '../core/report/feedback-messages.js';
import { feedbackPlan, problemsFromIssues, withProblems } from '../core/report/feedback-schools.js';
import type { Rollup } from '../core/rollup/types.js';
import { feedbackListSpec } from '../core/summary/feedback-list.js';
import type { ValidationRules } from '../core/validate/rules.js';
import type { ReadPlatform } from '../xlsx/read/index.js';
import { renderWorkbook, type RenderOptions } from '../xlsx/render-workbook.js';
import { zipFiles } from '../xlsx/zip-files.js';
import { annotateSubmission } from './annotate-submission.js';
import { checkSubmission } from './check-submission.js';

export interface FeedbackRequest {
  rollup: Rollup;
  plan: Plan;
  rules?: ValidationRules;
  /** `YYYY-MM-DD`: the day to resubmit by; without it the messages ask for it 尽快 (no invented date). */
  resubmitBy?: string;
  platform?: ReadPlatform;
  render?: RenderOptions;
  /** A school file's bytes by its name in the roll-up, or undefined when it cannot be read again. */
  readFile(file: string): Promise<Uint8Array | undefined> | Uint8Array | undefined;
}

export interface FeedbackOutput {
  name: string;
  bytes: Uint8Array;
}

export interface Feedback {
  /**
   * Annotated copies (one per school with problems that could be marked), 反馈清单.xlsx, the message files;
   * empty when they went to `emit` as they were made.
   */
  outputs: FeedbackOutput[];
  /** Every output's name, in the order made (whether kept in `outputs` or emitted). */
  files: string[];
  messages: { school: string; text: string }[];
  chase?: string;
  /** Schools whose annotated copy could not be made, and why (the 反馈清单 says so too). */
  notes: { school: string; note: string }[];
  copies: number;
}

/** Text for Windows Notepad: UTF-8 with a BOM, CRLF line ends. */
export function notepadText(lines: readonly string[]): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/**
 * `sub/二中.xlsx` → `二中-校验标注.xlsx`, or `<school>-二中-校验标注.xlsx` when another school's copy took that name.
 * Taken names are compared without case: on Windows `A.xlsx` and `a.xlsx` are one file, and the second would replace the first.
 */
function copyName(feedback: SchoolFeedback, taken: Set<string>): string {
  const base = safeFileName(feedback.file.split(/[\\/]/).pop() ?? feedback.file);
  const isTaken = (name: string) => taken.has(name.toLowerCase());
  let name = annotatedFileName(base);
  if (isTaken(name)) name = annotatedFileName(`${safeFileName(feedback.school)}-${base}`);
  for (let n = 2; isTaken(name); n++) name = annotatedFileName(`${safeFileName(feedback.school)}-${n}-${base}`);
  taken.add(name.toLowerCase());
  return name;
}

/**
 * `emit`: each output handed over as soon as it is made, and not kept (the CLI writes a province's
 * copies one by one instead of holding thousands); without it they are all in `outputs` (the page's zip).
 */
export async function buildFeedback(request: FeedbackRequest, emit?: (output: FeedbackOutput) => Promise<void>): Promise<Feedback> {
  const { rollup, resubmitBy } = request;
  const planned = feedbackPlan(rollup);
  const index = indexTemplate(request.plan);
  const options = { asOf: rollup.asOf, ...(request.rules ? { rules: request.rules } : {}), ...(request.platform ? { platform: request.platform } : {}) };
  const outputs: FeedbackOutput[] = [];
  const files: string[] = [];
  const put = async (output: FeedbackOutput): Promise<void> => {
    files.push(output.name);
    if (emit) await emit(output);
    else outputs.push(output);
  };
  const notes: Feedback['notes'] = [];
  const copies = new Map<string, string>();
  const taken = new Set<string>([FEEDBACK_LIST_FILE, FEEDBACK_MESSAGES_FILE, CHASE_MESSAGE_FILE]);
  const schools: SchoolFeedback[] = [];
  for (const planned1 of planned.schools) {
    let feedback = planned1;
    if (feedback.kind === 'problems') {
      // One file at a time: its bytes and workbook are dropped before the next is read.
      const bytes = await request.readFile(feedback.file);
      const check = bytes && checkSubmission(bytes, feedback.file, index, options);
      if (bytes && check && check.status === 'checked') {
        feedback = withProblems(feedback, problemsFromIssues(check.issues));
        try {
          const copy = await annotateSubmission(bytes, check, rollup.asOf);
          const name = copyName(feedback, taken);
          await put({ name, bytes: copy.bytes });
          copies.set(feedback.school, name);
        } catch (error) {
          if (!(error instanceof TaizhangError)) throw error;
          notes.push({ school: feedback.school, note: `未能生成标注副本：${error.message}` });
        }
      } else {
        notes.push({ school: feedback.school, note: messageFor('FEEDBACK_FILE_NOT_REREAD', { file: feedback.file }) });
      }
    }
    schools.push(feedback);
  }
  const copyNotes = new Map(notes.map((n) => [n.school, n.note]));
  const list = feedbackListSpec({ planTitle: rollup.planTitle, asOf: rollup.asOf, ...(resubmitBy ? { resubmitBy } : {}), schools, copies, copyNotes, missing: planned.missing });
  await put({ name: FEEDBACK_LIST_FILE, bytes: await renderWorkbook(list, request.render) });
  const messages = schools.map((s) => ({ school: s.school, text: schoolMessage(s, resubmitBy, rollup.asOf) }));
  if (messages.length > 0) await put({ name: FEEDBACK_MESSAGES_FILE, bytes: notepadText(messages.flatMap((m, i) => (i === 0 ? [m.text] : ['', m.text]))) });
  const chase = chaseMessage(rollup.planTitle, planned.missing, resubmitBy, rollup.asOf);
  if (chase) await put({ name: CHASE_MESSAGE_FILE, bytes: notepadText([chase]) });
  return { outputs, files, messages, ...(chase ? { chase } : {}), notes, copies: copies.size };
}

/** Every feedback file in one .zip: what the page's 下载各校反馈 saves. */
export function feedbackZip(outputs: readonly FeedbackOutput[]): Uint8Array {
  return zipFiles(outputs);
}
