/**
 * docs/issue-codes.md is generated from the one zh-CN message table, so the
 * documented codes never drift from the ones the program uses.
 * Regenerate: `npm run docs:codes`; test/docs.test.ts fails when it is stale.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MESSAGES_ZH_CN } from '../src/core/messages.zh-CN.js';

const SECTIONS: [prefix: string, title: string][] = [
  ['PLAN_', '读取工作要点'],
  ['DEADLINE_', '完成时限'],
  ['XLSX_READ_', '读取报送文件（拒收原因和读取提示）'],
  ['XLSX_ANNOTATE_', '标注副本（validate -o、生成标注副本）'],
  ['LEDGER_', '识别台账'],
  ['VALIDATE_', '校验填报内容'],
  ['ROLLUP_', '汇总'],
  ['CLI_', '命令行'],
  ['OFFICE_', 'Excel 加载项'],
  ['FAULT_', '故障（程序无法继续，退出码 2）'],
];

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function renderIssueCodesDoc(): string {
  const codes = Object.keys(MESSAGES_ZH_CN) as (keyof typeof MESSAGES_ZH_CN)[];
  const lines = [
    '# 问题代码',
    '',
    '<!-- 由 scripts/issue-codes-doc.ts 从 src/core/messages.zh-CN.ts 生成，请勿手改：npm run docs:codes -->',
    '',
    '每条提示都带一个固定的代码。`{…}` 处在实际提示中换成具体的文件、单元格和内容。',
  ];
  const placed = new Set<string>();
  for (const [prefix, title] of SECTIONS) {
    const inSection = codes.filter((code) => code.startsWith(prefix));
    if (inSection.length === 0) continue;
    lines.push('', `## ${title}`, '', '| 代码 | 提示 |', '|---|---|');
    for (const code of inSection) {
      lines.push(`| \`${code}\` | ${cell(MESSAGES_ZH_CN[code])} |`);
      placed.add(code);
    }
  }
  const other = codes.filter((code) => !placed.has(code));
  if (other.length > 0) {
    lines.push('', '## 其他', '', '| 代码 | 提示 |', '|---|---|');
    for (const code of other) lines.push(`| \`${code}\` | ${cell(MESSAGES_ZH_CN[code])} |`);
  }
  return lines.join('\n') + '\n';
}

export const ISSUE_CODES_DOC = path.join(__dirname, '..', 'docs', 'issue-codes.md');

if (require.main === module) {
  // Compiled to .tmp/scripts/scripts/: write into the repository's docs/.
  const target = path.resolve(__dirname, '..', '..', '..', 'docs', 'issue-codes.md');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, renderIssueCodesDoc());
  console.log(`已写入 ${path.relative(process.cwd(), target)}`);
}
