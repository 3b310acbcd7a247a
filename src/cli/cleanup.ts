/**
 * What a run must undo if it is stopped: temporary files beside outputs, the
 * output locks, LibreOffice's work folders, and LibreOffice itself (spawned in
 * its own process group, so the whole group is killed, not just the launcher
 * script). On SIGINT/SIGTERM everything registered is removed synchronously
 * before the process exits; a run killed outright (SIGKILL) cannot do this,
 * so its leftovers carry its pid in their names and the next run removes
 * those whose pid is gone (see `isDeadPid` and the sweeps in leftovers.ts).
 */
import * as fs from 'node:fs';

const paths = new Set<string>();
const groups = new Set<number>();

/** Registers a file or folder to remove if the run is stopped; returns the call that forgets it again. */
export function removeOnExit(file: string): () => void {
  paths.add(file);
  return () => void paths.delete(file);
}

/** Registers a child's process group to kill if the run is stopped. */
export function killOnExit(pgid: number): () => void {
  groups.add(pgid);
  return () => void groups.delete(pgid);
}

/** Kills the process group `pgid`, or, when there is no such group, the single process of that pid. */
export function killGroup(pgid: number): void {
  for (const target of [-pgid, pgid]) {
    try {
      process.kill(target, 'SIGKILL');
      return;
    } catch {
      // no such group (or process): try the next, else it is already gone
    }
  }
}

/** Runs synchronously: called from signal handlers and the 'exit' event, where nothing asynchronous runs. */
export function cleanUpNow(): void {
  for (const pgid of groups) killGroup(pgid);
  groups.clear();
  for (const file of paths) {
    try {
      fs.rmSync(file, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // best effort: the next run's sweep removes what is left
    }
  }
  paths.clear();
}

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * For the process that runs the CLI (not for tests calling `main` in-process).
 * Returns the call that removes the handlers again.
 */
export function installSignalCleanup(onSignal: (signal: string) => void): () => void {
  const handlers = Object.entries(SIGNALS).map(([signal, code]) => {
    const handler = (): void => {
      cleanUpNow();
      onSignal(signal);
      process.exit(code);
    };
    process.on(signal, handler);
    return () => void process.off(signal, handler);
  });
  process.on('exit', cleanUpNow);
  return () => {
    for (const off of handlers) off();
    process.off('exit', cleanUpNow);
  };
}

/** True when `pid` is no running process (EPERM means it runs under another user: alive). */
export function isDeadPid(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
