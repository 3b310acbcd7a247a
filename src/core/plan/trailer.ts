/**
 * What follows the last task of a 工作要点 sent as an official document: the
 * 附件 list, the issuing body's 署名, the 成文日期, and the 版记 (抄送, 印发,
 * 联系人). These come after the body in 公文 order and are not part of the
 * last task; left in, they ran into its text. Read from the end backwards,
 * and only lines of those shapes, so a task's own last paragraph is never taken.
 */
import { ATTACHMENT_LINE, readIssueDate, type SourceLine } from './header.js';
import { rawMarkerOf } from './markers.js';

/** 版记 and notes lines: 抄送：…, `仪征市教育局办公室 2024年3月1日印发`, 联系人：…, （此件公开发布）. */
const DISTRIBUTION = /^(抄\s*送|主\s*送|印\s*发|联\s*系\s*人|联系电话|[（(]\s*此件|此件)|印\s*发$/;
/** A 署名: a short line of an organisation's name, without sentence punctuation. */
const SIGNATURE = /^[\u4e00-\u9fff（）()·]{2,30}$/;
/** An attachment list entry after `附件：`, e.g. `1. 任务分解表` or `2．责任清单`: a short line (and, checked below, no 。 or ； at its end). */
const LIST_ENTRY = /^.{1,60}$/;

export interface TrailerSplit {
  body: SourceLine[];
  /** The lines taken off the end, in document order. */
  trailer: SourceLine[];
}

export function splitTrailer(lines: SourceLine[]): TrailerSplit {
  let end = lines.length;
  for (let changed = true; changed && end > 0; ) {
    changed = false;
    while (end > 0 && DISTRIBUTION.test(lines[end - 1]!.text)) {
      end--;
      changed = true;
    }
    if (end > 0 && readIssueDate(lines[end - 1]!.text)) {
      end--;
      changed = true;
      // One or two 署名 lines (e.g. a party committee and the bureau) above the date.
      for (let k = 0; k < 2 && end > 0 && SIGNATURE.test(lines[end - 1]!.text); k++) end--;
    }
    const attachment = attachmentStart(lines, end);
    if (attachment !== undefined) {
      end = attachment;
      changed = true;
    }
  }
  return { body: lines.slice(0, end), trailer: lines.slice(end) };
}

/** Where an `附件：` block that runs to `end` starts, if the lines up to `end` are one: its entries are short list lines. */
function attachmentStart(lines: SourceLine[], end: number): number | undefined {
  // An attachment list is a few lines; look no further back than that.
  for (let i = end - 1; i >= Math.max(0, end - 10); i--) {
    const text = lines[i]!.text;
    if (ATTACHMENT_LINE.test(text)) return i;
    if (!LIST_ENTRY.test(text) || /[。；]$/.test(text) || rawMarkerOf(text)?.kind === 'pillar') return undefined;
  }
  return undefined;
}
