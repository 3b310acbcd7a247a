/** Where the CLI talks to. Injected so tests can run commands in-process and read what they print. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The directory relative paths are resolved against. */
  cwd: string;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  interactive: boolean;
  /** True for the real process (bin/taizhang.js): signals are then handled to clean up (see cleanup.ts). */
  ownsProcess?: boolean;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    interactive: Boolean(process.stderr.isTTY),
    ownsProcess: true,
  };
}
