/**
 * The taizhang command line. Every command returns its exit code: 0 fine,
 * 1 the input has problems (listed), 2 a fault (printed with its code).
 */
import { maxOf } from '../core/arrays.js';
import { messageFor, TaizhangError } from '../core/issues.js';
import { installSignalCleanup } from './cleanup.js';
import { printableParams } from './display-name.js';
import { processIo, type CliIo } from './io.js';
import { EXIT_FAULT, EXIT_OK } from './report.js';

type Command = (args: string[], io: CliIo) => Promise<number>;

/**
 * Commands are loaded when called: `validate` and `demo` need exceljs, whose
 * loading alone costs a quarter of a second that `parse` or `rollup` should not pay.
 * (`require`, not `import()`: the output is CommonJS, and jest's module sandbox
 * cannot run a dynamic import.)
 */
const COMMANDS: Record<string, { load: () => Command; summary: string }> = {
  parse: { load: () => (require('./commands/parse.js') as typeof import('./commands/parse.js')).runParse, summary: '读取工作要点，列出大项和任务' },
  generate: { load: () => (require('./commands/generate.js') as typeof import('./commands/generate.js')).runGenerate, summary: '按工作要点生成标准工作台账（.xlsx）' },
  validate: { load: () => (require('./commands/validate.js') as typeof import('./commands/validate.js')).runValidate, summary: '校验学校填好的台账，逐格指出问题' },
  rollup: { load: () => (require('./commands/rollup.js') as typeof import('./commands/rollup.js')).runRollup, summary: '汇总各校报送的台账，生成总表' },
  demo: { load: () => (require('./commands/demo.js') as typeof import('./commands/demo.js')).runDemo, summary: '用内置示例演示生成、报送、校验、汇总的全过程' },
};

export function mainHelp(): string {
  const width = maxOf(Object.keys(COMMANDS).map((name) => name.length), 0);
  const list = Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join('\n');
  return `taizhang 工作要点台账助手

用法：taizhang <命令> [参数]

命令：
${list}

运行 taizhang <命令> --help 查看各命令的说明。
`;
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  // Only when this process is the CLI's own (not a test calling main): a stopped run removes what it made.
  const uninstall = io.ownsProcess ? installSignalCleanup((signal) => io.stderr(`\n[FAULT_INTERRUPTED] ${messageFor('FAULT_INTERRUPTED', { signal })}\n`)) : undefined;
  try {
    if (!command) throw new TaizhangError('FAULT_USAGE', { detail: `没有“${name}”这个命令` });
    return await command.load()(rest, io);
  } catch (error) {
    const fault =
      error instanceof TaizhangError
        ? error
        : new TaizhangError('FAULT_INTERNAL', { detail: error instanceof Error ? error.message : String(error) });
    io.stderr(`[${fault.code}] ${messageFor(fault.code, printableParams(fault.params))}\n`);
    if (!(error instanceof TaizhangError) && error instanceof Error && error.stack) io.stderr(error.stack + '\n');
    return EXIT_FAULT;
  } finally {
    uninstall?.();
  }
}
