import { describe, expect, it } from 'vitest';
import { initialParameters, parameterLayout, type ModelSpec } from '@churnlab/model';
import { SharedParameters, type GradientTask } from '@churnlab/ps';
import { ThreadPool, ThreadWorkers } from '../src/index.js';
import { train } from './fixture.js';

const model: ModelSpec = { inputs: train.width, hidden: [8], outputs: 1, activation: 'relu', layerNorm: false };

/** One worker of a fresh run on `pool`, and a task of its first step that stalls `ms` in the thread before computing. */
function stallingRun(pool: ThreadPool, ms: number) {
  const store = SharedParameters.create(initialParameters(parameterLayout(model), 1), 1);
  const workers = new ThreadWorkers(pool, { runId: `close-${ms}`, model, store: store.handle, train, precision: { name: 'float32', seed: 1, replica: 0 } }, 1);
  const task: GradientTask = { step: 0, worker: 0, microShards: [Uint32Array.from({ length: 8 }, (_, i) => i)], firstMicroShard: 0, scale: 1 / 8, fault: { kind: 'stall', ms } };
  return { workers, task };
}

describe('closing a thread pool', () => {
  it('lets the request under way finish before it stops the threads, and fails every request made after', async () => {
    const pool = new ThreadPool(1);
    const { workers, task } = stallingRun(pool, 300);
    // The thread is started and holds the run first: the drain then has the stall to wait for, not the start of a thread
    // and its backend, which on a loaded machine can take longer than the drain allows.
    await workers.compute({ ...task, fault: undefined });
    const underWay = workers.compute(task);
    // Closed while the thread stalls: terminated now, the thread could stop in the middle of filling its slot.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = pool.close();
    await expect(underWay).resolves.toMatchObject({ step: 0, worker: 0 });
    await expect(workers.compute({ ...task, fault: undefined })).rejects.toThrow('the thread pool was closed');
    await closing;
  });
});
