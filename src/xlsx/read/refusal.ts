/**
 * Internal control flow of the reader. Deep inside the zip or XML code a
 * refusal is thrown as `Refusal` so the parsers stay simple; `readWorkbook`
 * catches it (and anything else) and returns it as an Issue. Nothing thrown
 * here ever leaves the module.
 */
import type { Issue } from '../../core/model.js';
import { issue, type Params } from '../../core/issues.js';
import type { MessageCode } from '../../core/messages.zh-CN.js';

export class Refusal extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: Params = {},
  ) {
    super(code);
    this.name = 'Refusal';
  }
}

/** At most this many warnings of one code are kept; the rest are counted in one summary warning. */
const MAX_WARNINGS_PER_CODE = 50;

/** Collects warnings for one read; caps repeats so a hostile file cannot flood the report. */
export class Warnings {
  readonly list: Issue[] = [];
  private readonly counts = new Map<string, number>();
  constructor(private readonly file: string) {}

  add(code: MessageCode, where: { sheet?: string; cell?: string }, params: Params = {}): void {
    const seen = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, seen);
    if (seen <= MAX_WARNINGS_PER_CODE) {
      this.list.push(issue(code, 'warning', { file: this.file, ...where }, { file: this.file, ...params }));
    }
  }

  /** Appends one summary per code whose repeats were dropped. */
  finish(): Issue[] {
    for (const [code, seen] of this.counts) {
      if (seen > MAX_WARNINGS_PER_CODE) {
        this.list.push(
          issue('XLSX_READ_WARNINGS_TRUNCATED', 'warning', { file: this.file }, {
            file: this.file,
            code,
            count: seen - MAX_WARNINGS_PER_CODE,
          }),
        );
      }
    }
    return this.list;
  }
}
