/** The readable outline that `taizhang parse` prints by default. */
import { taskCount } from '../app/load-plan.js';
import type { Plan } from '../core/model.js';

export function formatOutline(plan: Plan): string {
  const lines: string[] = [];
  lines.push(`${plan.title}（${plan.year} 年）`);
  const { docNumber, issueDate, issuer } = plan.header;
  const facts = [issuer && `发文机关：${issuer}`, docNumber && `文号：${docNumber}`, issueDate && `发文日期：${issueDate}`];
  if (facts.some(Boolean)) lines.push(facts.filter(Boolean).join('　'));
  lines.push(`共 ${plan.pillars.length} 个大项，${taskCount(plan)} 项任务。`, '');
  for (const pillar of plan.pillars) {
    lines.push(`${pillar.numeral}、${pillar.title}（第 ${pillar.line} 行，${pillar.tasks.length} 项任务）`);
    let group: number | undefined;
    for (const task of pillar.tasks) {
      if (task.group !== undefined && task.group !== group) {
        group = task.group;
        const g = pillar.groups[task.group];
        if (g) lines.push(`  （${g.no}）${g.title}`);
      }
      const indent = task.group === undefined ? '  ' : '    ';
      lines.push(`${indent}${task.no}. ${task.title}（第 ${task.line} 行，编号 ${task.id}）`);
      const notes = task.notes;
      if (notes && (notes.units.length > 0 || notes.deadline)) {
        const parts = [
          notes.units.length > 0 && `责任单位：${notes.units.join('、')}`,
          notes.cooperatingUnits.length > 0 && `配合单位：${notes.cooperatingUnits.join('、')}`,
          notes.deadline && `完成时限：${notes.deadline}`,
        ];
        lines.push(`${indent}   ${parts.filter(Boolean).join('；')}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
