/**
 * The sentences every front end shows about a check, a ledger and a roll-up:
 * written once, so the CLI, the page, the add-ins and the 校验结果 sheet say
 * the same thing in the same words (they had drifted: `，` here, `、` there).
 */
import type { Rollup } from '../rollup/types.js';

export interface Counts {
  errors: number;
  warnings: number;
}

/** `4 个错误，5 个警告`. */
export function countsPhrase({ errors, warnings }: Counts): string {
  return `${errors} 个错误，${warnings} 个警告`;
}

/** `没有发现问题。` or `共 4 个错误，5 个警告。` */
export function verdict(counts: Counts): string {
  return counts.errors + counts.warnings === 0 ? '没有发现问题。' : `共 ${countsPhrase(counts)}。`;
}

/** `校验“二中.xlsx”（依据《…》，逾期按 2024-09-01 判断）`; `subject` is a quoted file name or `当前工作簿`. */
export function checkHeadline(subject: string, planTitle: string, asOf: string): string {
  return `校验${subject}（依据《${planTitle}》，逾期按 ${asOf} 判断）`;
}

/** A file name as a check's subject: `“二中.xlsx”`. */
export function quotedFile(name: string): string {
  return `“${name}”`;
}

/** `（4 个大项，14 项任务）`, or `（4 个大项，14 项任务；<more>）`. */
export function ledgerSize(pillars: number, tasks: number, more?: string): string {
  return `（${pillars} 个大项，${tasks} 项任务${more ? `；${more}` : ''}）`;
}

export function annotatedNote(marked: boolean): string {
  return marked ? '问题单元格已标色并加批注' : '原文件结构特殊，只附上了“校验结果”表';
}

/** `已汇总 5 个文件、5 所学校（逾期按 2024-09-01 判断）。` */
export function rollupHeadline(rollup: Pick<Rollup, 'accounting' | 'schools' | 'asOf'>): string {
  return `已汇总 ${rollup.accounting.filesFound} 个文件、${rollup.schools.length} 所学校（逾期按 ${rollup.asOf} 判断）。`;
}

/**
 * What a roll-up's headline says first: good only when every roster school
 * submitted, no file was refused and no file has errors; otherwise what is
 * wrong, counted, so the clerk sees it before any table.
 */
export function rollupVerdict(rollup: Pick<Rollup, 'accounting' | 'schools' | 'asOf' | 'problems'>): { tone: 'good' | 'warn'; text: string; missing: number; refused: number; errors: number } {
  const missing = rollup.accounting.rosterGiven ? rollup.accounting.schoolsMissing : 0;
  const refused = rollup.accounting.filesRefused;
  const errors = rollup.problems.filter((p) => p.severity === 'error').length;
  const gaps = [
    missing > 0 && `${missing} 所学校未报送`,
    refused > 0 && `${refused} 个文件无法读取`,
    errors > 0 && `${errors} 个错误`,
  ].filter((part): part is string => Boolean(part));
  const head = rollupHeadline(rollup).replace(/。$/, '');
  const whole = rollup.accounting.rosterGiven ? '名单内学校全部报送，' : '';
  const text = gaps.length === 0 ? `${head}：${whole}没有无法读取的文件，也没有错误。` : `${head}：${gaps.join('，')}，见下方。`;
  return { tone: gaps.length === 0 ? 'good' : 'warn', text, missing, refused, errors };
}

export const PLAN_HAS_ERRORS = '工作要点有错误，未能继续。请按下面的提示修改后重试。';

/** What carrying last round's ledger forward did, as `generate --from` and the page say it. */
export function carriedPhrase(tasks: number, extras: number, left: number): string {
  return (
    `带入上期所填内容：${tasks} 项任务` +
    (extras ? `，另有插入的 ${extras} 行` : '') +
    (left ? `；${left} 处未能带入，请在本期台账中补填` : '；上期所填内容已全部带入') +
    '。填报日期已清空，请只修改本期有变化的内容。'
  );
}

