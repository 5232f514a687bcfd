import { describe, expect, it } from 'vitest';
import { touchedIds, type TouchedRows } from '@churnlab/model';
import { seedStream } from '@churnlab/random';
import { defaultOptimizerConfig, optimizerNames, orderPolicy, ServerShards, SharedParameters, type OptimizerName, type ShardUpdate, type UpdateEvent } from '../src/index.js';
import { cyclicBatches } from './least-squares-workers.js';
import { embeddingProblem, EmbeddingWorkers, parameterCount } from './sparse-workers.js';
import { withShardThreads } from './shard-threads.js';
import type { TurnDelay } from './turn-delay.js';

const problem = embeddingProblem(80, 4, 200, 3);
const size = parameterCount(problem);
const steps = 10;
const batches = cyclicBatches(problem.examples, 24, steps);
const initial = Float32Array.from({ length: size }, (_, i) => 0.1 * Math.sin(i * 0.91));
const bits = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');

/** ServerShards that record, per update shard 0 applies on this thread, the touched rows it was given (null: a dense apply). */
class RecordingShards extends ServerShards {
  readonly applied: Array<number[] | null> = [];
  override applyShard(shard: number, params: Float32Array, grad: Float32Array, touched?: TouchedRows): void {
    if (shard === 0) this.record(touched);
    super.applyShard(shard, params, grad, touched);
  }
  override updateShard(shard: number, store: SharedParameters, update: ShardUpdate): void {
    if (shard === 0) this.record(update.touched);
    super.updateShard(shard, store, update);
  }
  private record(touched: TouchedRows | undefined): void {
    this.applied.push(touched ? Array.from(touchedIds(touched, 0)) : null);
  }
}

interface SparseRun {
  params: Float32Array;
  events: UpdateEvent[];
  shards: RecordingShards;
  workers: EmbeddingWorkers;
  /** Updates the shard threads applied (with shardThreads). */
  threadUpdates: number;
}

/** Trains the embedding problem with a store that knows the table (sparse) or not (every gradient dense). */
async function train(options: { order: string; workers: number; sparse: boolean; optimizer?: OptimizerName; psShards?: number; delay?: TurnDelay; shardThreads?: boolean }): Promise<SparseRun> {
  const policy = orderPolicy(options.order);
  const tables = options.sparse ? [problem.table] : [];
  const store = SharedParameters.create(initial, policy.gradientSlots(options.workers), policy.historyDepth(options.workers), tables);
  const workers = new EmbeddingWorkers(problem, store, options.workers, options.delay);
  const shards = new RecordingShards({ ...defaultOptimizerConfig, name: options.optimizer ?? 'adagrad', learningRate: 0.05 }, size, options.psShards ?? 1);
  const events: UpdateEvent[] = [];
  const threaded = options.shardThreads ? withShardThreads(workers, store) : undefined;
  await policy.run({
    store,
    shards,
    workers: threaded ?? workers,
    batches,
    microShards: 8,
    orderStream: seedStream(3, 'order'),
    onUpdate: (e) => events.push(e),
    onStep: () => undefined,
  });
  return { params: new Float32Array(store.params), events, shards, workers, threadUpdates: threaded?.updates ?? 0 };
}

/** The distinct ids of step `step`'s batch, ascending. */
const stepIds = (step: number) => [...new Set(Array.from(batches.rowsForStep(step), (r) => problem.ids[r]!))].sort((a, b) => a - b);

describe('order policies with embedding tables', () => {
  it('uses a problem whose batches repeat ids, leave table rows untouched, and touch different rows step to step', () => {
    const ids = Array.from({ length: steps }, (_, step) => stepIds(step));
    expect(ids.every((step) => step.length < 24)).toBe(true);
    for (let step = 1; step < steps; step++) {
      expect(ids[step]!.some((id) => !ids[step - 1]!.includes(id)), `step ${step}`).toBe(true);
      expect(ids[step - 1]!.some((id) => !ids[step]!.includes(id)), `step ${step}`).toBe(true);
    }
  });

  it.each(optimizerNames)('sync with %s: sparse sums and applies give the dense run bit for bit, on 1, 2, 4 and 8 workers and 3 server shards', async (optimizer) => {
    const dense = await train({ order: 'sync', workers: 2, sparse: false, optimizer });
    expect(dense.shards.applied.every((t) => t === null)).toBe(true);
    for (const [workers, psShards] of [[1, 1], [2, 1], [4, 1], [8, 1], [4, 3]] as const) {
      const sparse = await train({ order: 'sync', workers, sparse: true, optimizer, psShards });
      expect(bits(sparse.params), `${workers} workers, ${psShards} shards`).toBe(bits(dense.params));
    }
  });

  it("sync applies each step with the union of the workers' touched rows: the distinct ids of the step's batch", async () => {
    const run = await train({ order: 'sync', workers: 4, sparse: true, delay: (w, s) => (s % 2 === 0 ? 3 - w : w) });
    expect(run.shards.applied).toEqual(Array.from({ length: steps }, (_, step) => stepIds(step)));
  });

  it('sync-arrival sums the touched elements of the slots in arrival order and applies the union', async () => {
    const run = await train({ order: 'sync-arrival', workers: 4, sparse: true, delay: (w) => 3 - w });
    expect(run.shards.applied).toEqual(Array.from({ length: steps }, (_, step) => stepIds(step)));
    // With every worker arriving in the same order on every step, the dense run reduces in the same order.
    const dense = await train({ order: 'sync-arrival', workers: 4, sparse: false, delay: (w) => 3 - w });
    expect(bits(run.params)).toBe(bits(dense.params));
  });

  it.each(['sync', 'sync-arrival'])('%s with server shards applied on the workers\' threads gives the coordinator\'s run bit for bit', async (order) => {
    for (const optimizer of optimizerNames) {
      const delay = (w: number, s: number) => (s % 3 === 0 ? 3 - w : w);
      const coordinator = await train({ order, workers: 4, sparse: true, optimizer, psShards: 3, delay });
      const threads = await train({ order, workers: 4, sparse: true, optimizer, psShards: 3, delay, shardThreads: true });
      expect(threads.threadUpdates, optimizer).toBe(steps);
      expect(threads.shards.applied, optimizer).toEqual([]);
      expect(bits(threads.params), optimizer).toBe(bits(coordinator.params));
      expect(threads.events, optimizer).toEqual(coordinator.events);
      // A store without the tables: the threads sum and apply the shards densely.
      const next = await train({ order, workers: 4, sparse: false, optimizer, psShards: 3, delay, shardThreads: true });
      expect(bits(next.params), `${optimizer}, dense store`).toBe(bits((await train({ order, workers: 4, sparse: false, optimizer, psShards: 1, delay })).params));
    }
  });

  it('applies a single server shard on the coordinator even when the workers offer their threads', async () => {
    const run = await train({ order: 'sync', workers: 2, sparse: true, psShards: 1, shardThreads: true });
    expect(run.threadUpdates).toBe(0);
    expect(run.shards.applied).toHaveLength(steps);
  });

  it.each(['async', 'ssp:1'])("%s applies each worker gradient with that worker's own touched rows", async (order) => {
    const run = await train({ order, workers: 3, sparse: true });
    expect(run.events).toHaveLength(3 * steps);
    run.events.forEach((e, i) => expect(run.shards.applied[i], `update ${i}`).toEqual(run.workers.touchedByTask.get(`${e.step}/${e.worker}`)));
  });

  it.each(['sgd', 'adagrad', 'adam'] as const)('replay with %s on 2 server shards: sparse equals dense bit for bit, every apply given touched rows', async (optimizer) => {
    const sparse = await train({ order: 'replay', workers: 3, sparse: true, optimizer, psShards: 2 });
    const dense = await train({ order: 'replay', workers: 3, sparse: false, optimizer, psShards: 2 });
    expect(bits(sparse.params)).toBe(bits(dense.params));
    expect(sparse.events).toEqual(dense.events);
    expect(sparse.shards.applied.every((t) => t !== null && t.length > 0)).toBe(true);
  });
});
