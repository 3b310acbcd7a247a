/**
 * The 通报's closing sections: 存在的问题 and 下一步工作要求, each a numbered list of
 * （一） items built from the figures, with the sentences only a person can write left
 * as marked blanks.
 */
import type { Block, BriefingInput, BriefingSchool, Run } from './briefing-types.js';
import { namesWith } from './briefing-facts.js';
import { chineseNumber, fill, nameList, text } from './briefing-words.js';

interface Item {
  heading: string;
  runs: Run[];
}

function numbered(items: Item[]): Block[] {
  return items.map((item, i) => ({ kind: 'heading2', text: `（${chineseNumber(i + 1)}）${item.heading}`, runs: item.runs }));
}

/** The pillars with the most 红 tasks, most first: `“教学管理”（3项）、“安全稳定”（1项）`. */
function redPillars(schools: readonly BriefingSchool[]): string {
  const counts = new Map<string, number>();
  for (const s of schools) for (const t of s.redTasks) counts.set(t.pillar, (counts.get(t.pillar) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([pillar, n]) => `“${pillar}”（${n}项）`)
    .join('、');
}

export function problems(input: BriefingInput): Block[] {
  const items: Item[] = [];
  const red = input.schools.reduce((n, s) => n + s.red, 0);
  const yellow = input.schools.reduce((n, s) => n + s.yellow, 0);
  if (red > 0) {
    const schools = input.schools.filter((s) => s.red > 0).length;
    const pillars = redPillars(input.schools);
    const where = pillars ? `，主要集中在${pillars}等方面` : '';
    items.push({ heading: '部分任务逾期未完成。', runs: [text(`全区共有${red}项任务逾期未完成，涉及${schools}所学校${where}。`)] });
  }
  const { missing, refused } = input.totals;
  if (missing > 0 || refused > 0) {
    const parts = [missing > 0 ? `${missing}所学校未按时报送` : '', refused > 0 ? `${refused}个文件无法读取或未使用本模板` : ''].filter(Boolean);
    items.push({ heading: '报送不够及时规范。', runs: [text(`${parts.join('，')}，影响了汇总的完整性和准确性。`)] });
  }
  if (yellow > 0) {
    items.push({ heading: '部分任务临近时限。', runs: [text(`${yellow}项任务临近完成时限或进度滞后于序时，需加快推进。`)] });
  }
  const blocks = numbered(items);
  if (items.length === 0) blocks.push({ kind: 'paragraph', runs: [text('从报送情况看，各单位任务推进总体正常。')] });
  blocks.push({ kind: 'paragraph', runs: [fill('结合督查情况，补充存在问题的具体表现和原因分析')] });
  return blocks;
}

export function requirements(input: BriefingInput): Block[] {
  const items: Item[] = [];
  const late = [...namesWith(input, '未报送'), ...namesWith(input, '无法读取'), ...namesWith(input, '非本模板')];
  if (late.length > 0) {
    items.push({
      heading: '抓紧补报。',
      runs: [text(`请${nameList(late)}于`), fill('补报截止日期'), text('前按模板补报台账。')],
    });
  }
  if (input.schools.some((s) => s.red > 0)) {
    items.push({
      heading: '限期整改。',
      runs: [
        text('请有逾期任务的学校对照附件2逾期任务清单，逐项明确整改措施和完成时限，于'),
        fill('日期'),
        text('前将整改情况报送'),
        fill('承办科室'),
        text('。'),
      ],
    });
  }
  items.push({
    heading: '持续推进落实。',
    runs: [text(`各学校要对照《${input.planTitle}》，按照序时进度抓好落实，对临近时限的任务提前谋划，确保按期完成。`)],
  });
  items.push({ heading: '', runs: [fill('其他工作要求')] });
  return numbered(items);
}
