import type { GradientResult } from '@churnlab/ps';
import type { RunSetup } from '@churnlab/worker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ThreadPool } from '../src/index.js';
import { trainOnThreads } from './fixture.js';
import { faultTolerantOver, onThreads, overNats, spawnWorkerProcess, type EvaluatingWorkers, startNatsServer, trainWith, type NatsServer, type WorkerProcess } from './nats-fixture.js';

// The transport must not change a single bit: the same sync run on worker threads and on two real worker processes
// reached through a real nats-server.
describe('training over NATS with two worker processes', () => {
  const pool = new ThreadPool(2);
  let server: NatsServer;
  let processes: WorkerProcess[] = [];
  let nats: ReturnType<typeof overNats>;

  beforeAll(async () => {
    server = await startNatsServer();
    processes = [spawnWorkerProcess(server.url, 'alpha'), spawnWorkerProcess(server.url, 'beta')];
    await Promise.all(processes.map((p) => p.joined));
    nats = overNats(server.url, { minProcesses: 2 });
  });
  afterEach(() => nats.closeAll());
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await server?.stop();
    await pool.close();
  });

  it('sync gives bit-identical parameters, events and predictions to threads for 1, 2 and 4 workers', async () => {
    for (const workers of [1, 2, 4]) {
      const threads = await trainOnThreads(pool, { workers, order: 'sync' });
      const remote = await trainWith(nats.make, { workers, order: 'sync' });
      expect(remote.params, `${workers} workers: parameters`).toEqual(threads.params);
      expect(remote.events, `${workers} workers: update log`).toEqual(threads.events);
      expect(remote.predictions, `${workers} workers: predictions`).toEqual(threads.predictions);
    }
    // Both processes took part: logical workers are spread over them.
    expect(nats.made.at(-1)!.joined().map((p) => p.name).sort()).toEqual(['alpha', 'beta']);
    for (const p of processes) expect(p.stderr()).toMatch(/serving run nats-test-/);
  });

  it('sync over NATS is the same for 1, 2 and 4 workers (the micro-shard tree, across processes)', async () => {
    const one = await trainWith(nats.make, { workers: 1, order: 'sync', steps: 20 });
    for (const workers of [2, 4]) expect((await trainWith(nats.make, { workers, order: 'sync', steps: 20 })).params).toEqual(one.params);
  });

  it('replay reads kept versions into separate slots and is bit-identical to threads', async () => {
    const threads = await trainOnThreads(pool, { workers: 3, order: 'replay', psShards: 2, steps: 20 });
    const remote = await trainWith(nats.make, { workers: 3, order: 'replay', psShards: 2, steps: 20 });
    expect(remote.params).toEqual(threads.params);
    expect(remote.events).toEqual(threads.events);
    expect(remote.events.some((e) => e.staleness > 0)).toBe(true);
  });

  it('under the retry wrapper, tasks that die or answer late are computed again and the bits do not change', async () => {
    const steps = 120;
    const threads = await trainOnThreads(pool, { workers: 2, order: 'sync', steps });
    const faults: string[] = [];
    const answers: GradientResult[] = [];
    // Records every answer NatsWorkers gives, also those the retry wrapper no longer waits for.
    const recorded = async (setup: RunSetup, count: number): Promise<EvaluatingWorkers> => {
      const workers = await nats.make(setup, count);
      return { count, compute: (task) => workers.compute(task).then((r) => (answers.push(r), r)), predict: (data) => workers.predict(data) };
    };
    const tolerant = faultTolerantOver(recorded, {
      timeoutMs: 300,
      faults: [
        { step: 2, worker: 1, kind: 'kill' },
        { step: 5, worker: 0, kind: 'stall', ms: 400 },
      ],
      onFault: (message) => faults.push(message),
    });
    const remote = await trainWith(tolerant, { workers: 2, order: 'sync', steps });
    expect(remote.params).toEqual(threads.params);
    expect(remote.events).toEqual(threads.events);
    expect(faults).toEqual([
      expect.stringMatching(/^step 2, worker 1: attempt 1 failed \(worker process \w+ could not do step 2 of logical worker 1: the worker died during the task \(injected fault\)\); computing the task again$/),
      'step 5, worker 0: attempt 1 failed (no answer within 300 ms); computing the task again',
    ]);
    // The stalled answer came while later steps used its slot: it lost its lease to the retry and wrote nothing.
    expect(answers.filter((a) => a.superseded)).toEqual([expect.objectContaining({ step: 5, worker: 0, superseded: true })]);
  });

  it('sparse gradients of embedding tables cross packed and give the same bits as threads', async () => {
    const threads = await trainWith(onThreads(pool), { workers: 2, order: 'sync', steps: 20, embeddingDimension: 3 });
    const remote = await trainWith(nats.make, { workers: 2, order: 'sync', steps: 20, embeddingDimension: 3 });
    expect(remote.params).toEqual(threads.params);
    expect(remote.predictions).toEqual(threads.predictions);
  });
});
