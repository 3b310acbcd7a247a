/**
 * Argument parsing on node:util's parseArgs, with its English errors turned
 * into FAULT_USAGE faults that say in Chinese what was wrong.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { TaizhangError } from '../core/issues.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parseCommandArgs(args: string[], options: Options, maxPositionals: number): ParsedArgs {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true }) as ParsedArgs;
  } catch (error) {
    throw new TaizhangError('FAULT_USAGE', { detail: describeParseError(error) });
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new TaizhangError('FAULT_USAGE', { detail: `多余的参数“${parsed.positionals.slice(maxPositionals).join(' ')}”` });
  }
  return parsed;
}

function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'([^']+)'/.exec(message ?? '')?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项“${option}”`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项“${option}”的取值不对（缺少取值，或不应带取值）`;
    default:
      return message ?? String(error);
  }
}

export function stringOption(values: ParsedArgs['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
