/** Runs the CLI's `main` in this process with a captured io: the exit code and what it printed. */
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

export async function runCli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd, interactive: false };
  return { code: await main(args, io), out, err };
}
