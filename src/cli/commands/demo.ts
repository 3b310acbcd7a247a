/**
 * `taizhang demo`: the whole cycle a bureau lives, on the bundled plan — the
 * blank ledger; round 1 (第1期): the schools' first submissions and their
 * summary; round 2 (第2期), a quarter later: one school's ledger carried
 * forward from its round-1 file, the new submissions checked, the summary
 * with 本期变化 and 进度趋势 against round 1, the 通报 and the 各校反馈 — so a
 * newcomer sees every output, each round in its own folder.
 */
import * as path from 'node:path';
import { carryForwardLedger } from '../../app/carry-forward-ledger.js';
import { checkAgainstPlan } from '../../app/check-submission.js';
import { generateLedger } from '../../app/generate-ledger.js';
import { writeRollupBriefing } from '../../app/write-briefing.js';
import { carriedPhrase, countsPhrase, ledgerSize } from '../../core/report/wording.js';
import { roundLine } from '../../core/report/round-words.js';
import { parseCommandArgs, stringOption } from '../args.js';
import { collectFiles } from '../collect-files.js';
import { DEMO_ROSTER, demoSchools } from '../demo/demo-schools.js';
import { monthsBefore } from '../demo/demo-dates.js';
import { FIRST_ROUND_EXPERIMENTAL, firstRoundSchools } from '../demo/first-round.js';
import { writeSchools } from '../demo/write-schools.js';
import { readInputFile, resolvePath, writeFileAtomic } from '../files.js';
import type { CliIo } from '../io.js';
import { nativeRead } from '../native-inflate.js';
import { nativeRender } from '../native-deflate.js';
import { asOfOption } from '../plan-options.js';
import { loadPlan, type CliLoadedPlan } from '../plan-input.js';
import { roundOptions } from '../previous-input.js';
import { countBySeverity, EXIT_OK } from '../report.js';
import { feedbackTarget, writeFeedback } from '../rollup-feedback.js';
import { summaryMustNotTouch } from '../rollup-inputs.js';
import { formatAccounting } from '../rollup-report.js';
import { runRollupJob } from './rollup-run.js';

export const DEMO_HELP = `用法：taizhang demo [--out 文件夹] [--as-of 日期]

用内置的 2024 年工作要点把一个完整的报送周期演示一遍：生成空白台账；第1期各校首次报送并汇总；
三个月后的第2期：一所学校用上期台账生成本期台账，各校再报（规范的、有错误的、重复报送的、上期未报本期补报的、
用 LibreOffice 另存的、损坏的），逐一校验，对照第1期汇总（本期变化、进度趋势），写出通报草稿和各校反馈。

选项：
  --out <文件夹>  输出位置（默认 out）
  --as-of <日期>  第2期按哪一天判断是否逾期（默认 2024-09-01，使结果可重复）；第1期为三个月前的同一天
  -h, --help      显示本说明
`;

/** The first round's folder, the second's, and the days they are judged on. */
export const DEMO_ROUNDS = { first: '第1期', second: '第2期' } as const;

export async function runDemo(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { out: { type: 'string' }, 'as-of': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, 0);
  if (values.help) {
    io.stdout(DEMO_HELP);
    return EXIT_OK;
  }
  const out = resolvePath(io.cwd, stringOption(values, 'out') ?? 'out');
  const asOf = asOfOption(stringOption(values, 'as-of') ?? '2024-09-01');
  const firstAsOf = monthsBefore(asOf, 3);
  const shown = (file: string): string => path.relative(io.cwd, file) || file;
  const loaded = await loadPlan(io.cwd, undefined);
  const { plan } = loaded;

  const ledgerFile = path.join(out, `空白台账-${plan.year}.xlsx`);
  const ledger = await generateLedger(plan);
  const template = ledger.bytes;
  await writeFileAtomic(ledgerFile, template);
  io.stdout(`一、生成空白台账：${shown(ledgerFile)}${ledgerSize(ledger.pillars, ledger.tasks)}\n`);
  const rosterFile = path.join(out, '学校名单.txt');
  await writeFileAtomic(rosterFile, DEMO_ROSTER.join('\n') + '\n');
  io.stdout(`   应报学校名单：${shown(rosterFile)}（${DEMO_ROSTER.length} 所）\n`);

  // Round 1: first submissions, summed up; its summary is round 2's --previous.
  const first = path.join(out, DEMO_ROUNDS.first);
  io.stdout(`\n二、${DEMO_ROUNDS.first}（逾期按 ${firstAsOf} 判断）：\n`);
  const firstInbox = path.join(first, '各校报送');
  await writeSchools(await firstRoundSchools(plan, template, firstAsOf), firstInbox, out, io);
  io.stdout('   未报送：仪征市新城中学、仪征市月塘小学\n');
  const firstSummary = path.join(first, `汇总-${DEMO_ROUNDS.first}.xlsx`);
  const firstRun = await rollUpFolder(loaded, io.cwd, firstInbox, firstAsOf, DEMO_ROUNDS.first);
  await writeFileAtomic(firstSummary, firstRun.summary);
  io.stdout(`   汇总表：${shown(firstSummary)}\n`);

  // Round 2: 实验小学 starts from its round-1 file, as `generate --from` does.
  const second = path.join(out, DEMO_ROUNDS.second);
  io.stdout(`\n三、${DEMO_ROUNDS.second}（逾期按 ${asOf} 判断）：\n`);
  const previousFile = path.join(firstInbox, FIRST_ROUND_EXPERIMENTAL);
  const carry = await carryForwardLedger(plan, { name: FIRST_ROUND_EXPERIMENTAL, bytes: await readInputFile(previousFile) }, { render: nativeRender, platform: nativeRead });
  if (!carry.ok) throw new Error(`demo: the round-1 ledger was not carried forward (${carry.issue.code})`);
  const carriedFile = path.join(second, '本期台账-仪征市实验小学（由第1期报送生成）.xlsx');
  await writeFileAtomic(carriedFile, carry.ledger.bytes);
  io.stdout(`   1. 仪征市实验小学用上期台账生成本期台账：${shown(carriedFile)}（${carriedPhrase(carry.ledger.carriedTasks, carry.ledger.carriedExtras, carry.ledger.leftOut)}）\n`);
  io.stdout('   2. 各校报送：\n');
  const inbox = path.join(second, '各校报送');
  await writeSchools(await demoSchools(plan, template, asOf, { bytes: carry.ledger.bytes, since: firstAsOf }), inbox, out, io, '      ');
  io.stdout('      未报送：仪征市月塘小学\n');

  io.stdout('   3. 逐一校验：\n');
  await checkEach(loaded, inbox, asOf, io);

  io.stdout(`   4. 汇总（对照${DEMO_ROUNDS.first}）：\n`);
  const run = await rollUpFolder(loaded, io.cwd, inbox, asOf, DEMO_ROUNDS.second, firstSummary);
  const summaryFile = path.join(second, `汇总-${DEMO_ROUNDS.second}.xlsx`);
  await writeFileAtomic(summaryFile, run.summary);
  io.stdout(formatAccounting(run.rollup, run.skipped, run.converted).trimEnd().replace(/^/gm, '      ') + '\n');
  io.stdout(`      ${roundLine(run.rounds.record.label, asOf, run.rounds.changes)}\n`);
  const reportFile = path.join(second, `通报-${DEMO_ROUNDS.second}.docx`);
  await writeFileAtomic(reportFile, (await writeRollupBriefing(run.rollup, plan, run.rounds.changes)).bytes);

  const resubmitBy = nextWeek(asOf);
  const feedbackFolder = path.join(second, '各校反馈');
  const sources = { cwd: io.cwd, positionals: [inbox], plan: loaded.file, roster: rosterFile, previous: firstSummary };
  const inputs = summaryMustNotTouch(sources, run.files);
  const target = feedbackTarget(io.cwd, { folder: feedbackFolder, resubmitBy, asOf }, inputs)!;
  const fed = await writeFeedback(target, { rollup: run.rollup, plan, files: run.files }, inputs);
  io.stdout(`   5. 各校反馈（限 ${resubmitBy} 前重新报送）：${shown(feedbackFolder)}/（${fed.copies} 份标注副本、反馈清单、各校反馈消息${fed.chase ? '、催报消息' : ''}）\n`);

  io.stdout(
    [
      '',
      `全部文件在 ${shown(out)}/ 中：`,
      `  ${shown(ledgerFile)}　　发给各校的空白台账`,
      `  ${shown(first)}/　　第1期：各校报送、汇总表`,
      `  ${shown(second)}/　　第2期：各校报送、由上期生成的台账、汇总表、通报草稿、各校反馈`,
      '建议先打开：',
      `  1. ${shown(summaryFile)}（先看“本期变化”和“进度趋势”，再看“汇总”“报送情况”）`,
      `  2. ${shown(reportFile)}（通报草稿，“与上期相比”一节写明了变化；标“请填写”处需补写）`,
      `  3. ${shown(path.join(feedbackFolder, '反馈清单.xlsx'))}（哪些学校要改什么、谁还没交；消息可直接复制发送）`,
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}

/** One round's roll-up of a folder against the roster, with last round's summary when given. */
async function rollUpFolder(loaded: CliLoadedPlan, cwd: string, inbox: string, asOf: string, round: string, previous?: string) {
  const { files, skipped } = collectFiles(cwd, [inbox]);
  const rounds = await roundOptions(cwd, round, previous, loaded.plan);
  return { ...(await runRollupJob({ plan: loaded.plan, files, skipped, asOf, roster: DEMO_ROSTER, rounds })), files };
}

/** Prints each file's check, as a school's own `validate` would see it. */
async function checkEach(loaded: CliLoadedPlan, inbox: string, asOf: string, io: CliIo): Promise<void> {
  for (const file of collectFiles(io.cwd, [inbox]).files) {
    const check = checkAgainstPlan(loaded.plan, { name: file.name, bytes: await readInputFile(file.path) }, { asOf });
    if (check.status === 'refused') {
      io.stdout(`      ${file.name}：无法读取（${check.issue.code}）\n`);
      continue;
    }
    const { errors, warnings } = countBySeverity(check.issues);
    io.stdout(`      ${file.name}：${errors + warnings === 0 ? '没有问题' : `${countsPhrase({ errors, warnings })}（标注副本见各校反馈）`}\n`);
  }
}

/** The resubmit-by date of the demo's feedback: a week after the as-of day. */
function nextWeek(asOf: string): string {
  const date = new Date(`${asOf}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 7);
  return date.toISOString().slice(0, 10);
}
