import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHED_BATCH, schedulingPolicy } from '@churnlab/worker';
import { linuxWithChrt } from '../../../test-support/chrt.js';
import { spawnWorkerProcess, startNatsServer, type NatsServer } from './nats-fixture.js';

describe('the scheduling of a remote worker process', () => {
  let server: NatsServer;
  beforeAll(async () => {
    server = await startNatsServer();
  });
  afterAll(() => server?.stop());

  it.runIf(linuxWithChrt)('computes on a thread run as CPU-bound (SCHED_BATCH), as pool threads do, so that it leaves a coordinator beside it its core', async () => {
    const worker = spawnWorkerProcess(server.url, 'batch-scheduled');
    try {
      await worker.joined;
      // The process's main thread, which computes the gradients: /proc/<pid>/stat describes it.
      expect(schedulingPolicy(String(worker.child.pid))).toBe(SCHED_BATCH);
    } finally {
      await worker.stop();
    }
  });
});
