/**
 * The draft 工作要点落实情况通报 from a roll-up's figures: the title, 主送, the
 * numbered sections (a section with nothing to say is left out and the rest
 * renumbered), 附件说明, 落款 and date, and the 附件 tables. Pure: the .docx
 * layout is src/docx/write-briefing.ts.
 */
import { behindSchools, basics, goodSchools, notSubmitted } from './briefing-facts.js';
import { problems, requirements } from './briefing-asks.js';
import { sinceLast } from './briefing-since.js';
import { overdueTable, rankingTable } from './briefing-tables.js';
import type { Block, Briefing, BriefingInput } from './briefing-types.js';
import { chineseDate, chineseNumber, fill, text } from './briefing-words.js';

export type { Briefing, BriefingInput } from './briefing-types.js';

/** 主送: a bureau's 通报 on a plan goes to the schools it was sent to. */
const ADDRESSEE = '各学校：';

export function briefingTitle(planTitle: string): string {
  return `关于《${planTitle}》落实情况的通报`;
}

export function buildBriefing(input: BriefingInput): Briefing {
  const sections: [string, Block[]][] = [
    ['基本情况', basics(input)],
    ['与上期相比', sinceLast(input)],
    ['完成较好的单位', goodSchools(input)],
    ['进度滞后的单位', behindSchools(input)],
    ['未按时报送的单位', notSubmitted(input)],
    ['存在的问题', problems(input)],
    ['下一步工作要求', requirements(input)],
  ];
  const title = briefingTitle(input.planTitle);
  const attachments = [rankingTable(input), overdueTable(input)];
  const body: Block[] = [
    { kind: 'title', text: title },
    { kind: 'addressee', text: ADDRESSEE },
    {
      kind: 'paragraph',
      runs: [text(`为推动《${input.planTitle}》各项任务落实，根据各学校报送的工作台账，现将截至${chineseDate(input.asOf)}的落实情况通报如下。`)],
    },
  ];
  let n = 0;
  for (const [heading, blocks] of sections) {
    if (blocks.length === 0) continue;
    body.push({ kind: 'heading1', text: `${chineseNumber(++n)}、${heading}` });
    for (const block of blocks) body.push(block);
  }
  body.push({ kind: 'attachments', names: attachments.map((a) => a.title) });
  body.push({ kind: 'signature', issuer: input.issuer ? text(input.issuer) : fill('发文机关'), date: chineseDate(input.asOf) });
  return { title, body, attachments };
}

/** Every sentence of the body as plain text, one per block, for tests and previews. */
export function briefingLines(briefing: Briefing): string[] {
  return briefing.body.map((block) => {
    switch (block.kind) {
      case 'heading2':
        return block.text + block.runs.map((r) => r.text).join('');
      case 'paragraph':
        return block.runs.map((r) => r.text).join('');
      case 'attachments':
        return `附件：${block.names.map((name, i) => `${i + 1}. ${name}`).join(' ')}`;
      case 'signature':
        return `${block.issuer.text} ${block.date}`;
      default:
        return block.text;
    }
  });
}
