import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHED_BATCH, schedulingPolicy } from '@churnlab/worker';
import { ThreadPool } from '../src/index.js';

// Where util-linux's chrt is missing, the threads run as before (see scheduleAsBatch).
const linuxWithChrt = process.platform === 'linux' && ['/usr/bin/chrt', '/bin/chrt'].some((path) => existsSync(path));

/** The scheduling policy of every thread of this process. */
function threadPolicies(): Array<number | undefined> {
  return readdirSync('/proc/self/task').map((id) => schedulingPolicy(`self/task/${id}`));
}

describe('the scheduling of pool threads', () => {
  it.runIf(linuxWithChrt)('runs each pool thread as CPU-bound (SCHED_BATCH) and leaves the coordinator\'s thread as it was', async () => {
    const before = threadPolicies().filter((p) => p === SCHED_BATCH).length;
    const pool = new ThreadPool(2);
    try {
      await pool.memory();
      expect(threadPolicies().filter((p) => p === SCHED_BATCH).length - before).toBe(2);
      expect(schedulingPolicy()).toBe(0);
    } finally {
      await pool.close();
    }
  });
});
