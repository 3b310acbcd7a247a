/** A one-line progress bar on stderr for long runs; silent when stderr is not a terminal (logs, CI, pipes). */
import type { CliIo } from './io.js';

const WIDTH = 30;
/** Short runs finish before a bar is worth drawing. */
const MIN_ITEMS = 20;
const REDRAW_MS = 100;

export interface Progress {
  update(done: number): void;
  finish(): void;
}

export function progressBar(io: CliIo, total: number, label: string): Progress {
  if (!io.interactive || total < MIN_ITEMS) return { update: () => undefined, finish: () => undefined };
  const started = Date.now();
  let last = 0;
  const draw = (done: number): void => {
    const filled = Math.round((done / total) * WIDTH);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.stderr(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total}  ${seconds} 秒`);
  };
  return {
    update(done) {
      const now = Date.now();
      if (done === total || now - last >= REDRAW_MS) {
        last = now;
        draw(done);
      }
    },
    finish() {
      io.stderr('\n');
    },
  };
}
