import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHED_BATCH, schedulingPolicy } from '@churnlab/worker';
import { linuxWithChrt } from '../../../test-support/chrt.js';
import { ThreadPool } from '../src/index.js';

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
