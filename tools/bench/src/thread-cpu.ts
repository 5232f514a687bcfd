import { readFileSync } from 'node:fs';

/**
 * CPU time the calling thread has run so far, in ms, or undefined where the platform does not tell (Linux's
 * schedstat is read). The process's CPU time would count the worker threads too; wall time counts the moments the
 * thread waits for a core the workers hold.
 */
export function threadCpuMs(): number | undefined {
  try {
    const nanoseconds = Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
    return Number.isFinite(nanoseconds) ? nanoseconds / 1e6 : undefined;
  } catch {
    return undefined;
  }
}
