/**
 * `taizhang parse --json` run on the built CLI in a child process, for plans
 * jest cannot read in-process (pdfjs is ES modules only) or that need
 * LibreOffice; and the comparison the format tests make: the same plan as the
 * text, line numbers aside (a PDF's lines are its printed lines, not the text's).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { parsePlan } from '../../src/core/plan/index';
import type { Issue, ParseResult } from '../../src/core/model';

const BIN = path.join(__dirname, '..', '..', 'bin', 'taizhang.js');

export interface CliParse {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The --json output, when the command printed one. */
  json?: ParseResult & { source: string; issues: (Issue & { message: string })[] };
}

export function parseWithCli(file: string, options: { env?: NodeJS.ProcessEnv; json?: boolean } = {}): CliParse {
  const args = [BIN, 'parse', file, ...(options.json === false ? [] : ['--json'])];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: options.env ?? process.env, timeout: 180_000 });
  const parsed: CliParse = { code: result.status, stdout: result.stdout, stderr: result.stderr };
  if (options.json !== false && result.stdout.trim().startsWith('{')) parsed.json = JSON.parse(result.stdout) as CliParse['json'];
  return parsed;
}

/** A copy without `line` anywhere (plan items and issue locations). */
export function withoutLines<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'line' ? undefined : v))) as T;
}

/** What the text parses to, in the shape `parse --json` prints (messages left out). */
export function expectedFromText(text: string): ParseResult {
  return JSON.parse(JSON.stringify(parsePlan(text))) as ParseResult;
}

/**
 * What must be the same whichever file a plan came from: the plan (every title, body, note, header field)
 * and the issues by severity and code, line numbers aside. A task's `source` (its untouched text) is
 * compared without spaces: a PDF cannot tell a typed space from the gap Writer or Word leaves between
 * Chinese and digits (`2024 年`), and the PDF reader drops that space (see src/pdf/lines.ts).
 */
export function comparable(result: { plan: ParseResult['plan']; issues: Issue[] }): { plan: ParseResult['plan']; issues: string[] } {
  const pillars = result.plan.pillars.map((p) => ({ ...p, tasks: p.tasks.map((t) => ({ ...t, source: t.source.replace(/\s+/g, '') })) }));
  return withoutLines({ plan: { ...result.plan, pillars }, issues: result.issues.map((i) => `${i.severity} ${i.code}`) });
}
