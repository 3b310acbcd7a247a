/**
 * `taizhang demo`: the whole job on the bundled plan, end to end — the blank
 * ledger, a few realistic school submissions, their checks, and the bureau
 * summary — so a newcomer sees every output in one folder.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { annotateSubmission } from '../../app/annotate-submission.js';
import { writeRollupBriefing } from '../../app/write-briefing.js';
import { checkAgainstPlan } from '../../app/check-submission.js';
import { generateLedger } from '../../app/generate-ledger.js';
import { countsPhrase, ledgerSize } from '../../core/report/wording.js';
import { parseCommandArgs, stringOption } from '../args.js';
import { collectFiles } from '../collect-files.js';
import { convertToXlsx, findSoffice } from '../convert-legacy.js';
import { DEMO_ROSTER, demoSchools } from '../demo/demo-schools.js';
import { readInputFile, resolvePath, writeFileAtomic } from '../files.js';
import type { CliIo } from '../io.js';
import { asOfOption } from '../plan-options.js';
import { loadPlan } from '../plan-input.js';
import { countBySeverity, EXIT_OK } from '../report.js';
import { formatAccounting } from '../rollup-report.js';
import { runRollupJob } from './rollup-run.js';

export const DEMO_HELP = `用法：taizhang demo [--out 文件夹] [--as-of 日期]

用内置的 2024 年工作要点把整个流程演示一遍：生成空白台账，模拟几所学校的报送
（规范的、有错误的、重复报送的、用 LibreOffice 另存的、损坏的），逐一校验，最后汇总并写出通报草稿。

选项：
  --out <文件夹>  输出位置（默认 out）
  --as-of <日期>  按哪一天判断是否逾期（默认 2024-09-01，使结果可重复）
  -h, --help      显示本说明
`;

export async function runDemo(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { out: { type: 'string' }, 'as-of': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, 0);
  if (values.help) {
    io.stdout(DEMO_HELP);
    return EXIT_OK;
  }
  const out = resolvePath(io.cwd, stringOption(values, 'out') ?? 'out');
  const asOf = asOfOption(stringOption(values, 'as-of') ?? '2024-09-01');
  const shown = (file: string): string => path.relative(io.cwd, file) || file;
  const { plan } = await loadPlan(io.cwd, undefined);

  const ledgerFile = path.join(out, `台账-${plan.year}.xlsx`);
  const ledger = await generateLedger(plan);
  const template = ledger.bytes;
  await writeFileAtomic(ledgerFile, template);
  io.stdout(`1. 生成空白台账：${shown(ledgerFile)}${ledgerSize(ledger.pillars, ledger.tasks)}\n`);

  io.stdout('2. 模拟学校报送：\n');
  const inbox = path.join(out, '各校报送');
  const soffice = findSoffice();
  for (const school of await demoSchools(plan, template, asOf)) {
    let bytes = school.bytes;
    let story = school.story;
    if (school.resave) {
      const resaved = soffice ? await resave(soffice, out, bytes) : undefined;
      if (resaved) bytes = resaved;
      else story += '（本机未装 LibreOffice，按原样保存）';
    }
    await writeFileAtomic(path.join(inbox, school.name), bytes);
    io.stdout(`   ${school.name}：${story}\n`);
  }
  const rosterFile = path.join(out, '学校名单.txt');
  await writeFileAtomic(rosterFile, DEMO_ROSTER.join('\n') + '\n');
  io.stdout(`   应报学校名单：${shown(rosterFile)}（其中“仪征市月塘小学”没有报送）\n`);

  io.stdout(`3. 逐一校验（逾期按 ${asOf} 判断）：\n`);
  const { files, skipped } = collectFiles(out, [inbox]);
  for (const file of files) {
    const bytes = await readInputFile(file.path);
    const check = checkAgainstPlan(plan, { name: file.name, bytes }, { asOf });
    if (check.status === 'refused') {
      io.stdout(`   ${file.name}：无法读取（${check.issue.code}）\n`);
      continue;
    }
    const { errors, warnings } = countBySeverity(check.issues);
    let note = errors + warnings === 0 ? '没有问题' : countsPhrase({ errors, warnings });
    if (errors + warnings > 0) {
      const copy = await annotateSubmission(bytes, check, asOf);
      const annotated = path.join(out, '校验', copy.fileName);
      await writeFileAtomic(annotated, copy.bytes);
      note += `，标注副本：${shown(annotated)}`;
    }
    io.stdout(`   ${file.name}：${note}\n`);
  }

  io.stdout('4. 汇总：\n');
  const run = await runRollupJob({ plan, files, skipped, asOf, roster: DEMO_ROSTER });
  const summaryFile = path.join(out, `汇总-${plan.year}.xlsx`);
  await writeFileAtomic(summaryFile, run.summary);
  io.stdout(formatAccounting(run.rollup, run.skipped, run.converted).trimEnd().replace(/^/gm, '   ') + '\n');
  const reportFile = path.join(out, `通报-${plan.year}.docx`);
  await writeFileAtomic(reportFile, (await writeRollupBriefing(run.rollup, plan)).bytes);
  io.stdout(`   汇总表：${shown(summaryFile)}\n   通报草稿：${shown(reportFile)}\n\n全部文件在 ${shown(out)}/ 中。\n`);
  return EXIT_OK;
}

/** Opens and saves a workbook with LibreOffice, as a clerk using it would. */
async function resave(soffice: string, out: string, bytes: Uint8Array): Promise<Uint8Array | undefined> {
  const staged = path.join(out, '.demo-resave.xlsx');
  await writeFileAtomic(staged, bytes);
  try {
    return (await convertToXlsx(soffice, [staged])).get(staged);
  } finally {
    await fs.rm(staged, { force: true });
  }
}
