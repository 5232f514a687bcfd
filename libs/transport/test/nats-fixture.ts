import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '@churnlab/data';
import { embeddingTables, initialParameters, parameterLayout, type ModelSpec } from '@churnlab/model';
import { defaultOptimizerConfig, faultTolerant, orderPolicy, ServerShards, SharedParameters, type BatchSource, type FaultTolerance, type GradientWorkers, type UpdateEvent } from '@churnlab/ps';
import { seedStream } from '@churnlab/random';
import type { RunSetup } from '@churnlab/worker';
import { stopProcess } from '../../../test-support/nats-server.js';
import { NatsWorkers, ThreadWorkers, type NatsWorkersOptions, type ThreadPool } from '../src/index.js';
import { evaluation, train } from './fixture.js';

export { startNatsServer, type NatsServer } from '../../../test-support/nats-server.js';

/** libs/transport, from where `import('@churnlab/transport/remote-worker')` resolves to the built package. */
const transportRoot = fileURLToPath(new URL('..', import.meta.url));

/** The program a worker process runs: the library's runRemoteWorker, stopped by SIGTERM or SIGINT. */
const workerScript = `
const transport = { ...(await import('@churnlab/transport')), ...(await import('@churnlab/transport/remote-worker')) };
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop.abort());
const credentials = transport.credentialsFromEnv();
await transport.runRemoteWorker({
  url: process.env.TEST_NATS_URL,
  name: process.env.TEST_WORKER_NAME,
  heartbeatMs: Number(process.env.TEST_HEARTBEAT_MS ?? 200),
  signal: stop.signal,
  ...(credentials ? { credentials } : {}),
  ...(process.env.TEST_LIMITS ? { limits: JSON.parse(process.env.TEST_LIMITS) } : {}),
}).catch((error) => {
  process.stderr.write('worker failed: ' + error.name + ': ' + error.message + '\\n');
  process.exitCode = 1;
});
`;

/** A worker process started for a test. */
export interface WorkerProcess {
  child: ChildProcess;
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** Resolves with its exit code once it exits. */
  exited: Promise<number | null>;
  /** Resolves once its log shows it joined the server (rejects if it exits first). */
  joined: Promise<void>;
  stop(): Promise<void>;
}

// A safety net: whatever a failing test leaves running dies with the test process.
const spawned = new Set<ChildProcess>();
process.once('exit', () => spawned.forEach((child) => child.kill('SIGKILL')));

/** Spawns `node -e` running runRemoteWorker against `url`; `env` adds credentials or limits. */
export function spawnWorkerProcess(url: string, name: string, env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ['--input-type=module', '-e', workerScript], {
    cwd: transportRoot,
    env: { ...process.env, NATS_USER: '', NATS_PASSWORD: '', NATS_TOKEN: '', NATS_NKEY_SEED: '', TEST_NATS_URL: url, TEST_WORKER_NAME: name, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  spawned.add(child);
  let stderr = '';
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      spawned.delete(child);
      resolve(code);
    }),
  );
  const joined = new Promise<void>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('waiting for runs')) resolve();
    });
    void exited.then((code) => reject(new Error(`worker process ${name} exited with code ${code} before joining:\n${stderr}`)));
  });
  joined.catch(() => undefined);
  return { child, stderr: () => stderr, exited, joined, stop: () => stopProcess(child) };
}

/** Workers with predictions, as both transports provide them. */
export type EvaluatingWorkers = GradientWorkers & { predict(data: Dataset): Promise<Float32Array> };

/** Options of a fixture run: those of trainOnThreads, plus embedding tables over made-up categorical features. */
export interface FixtureRunOptions {
  workers: number;
  order: string;
  steps?: number;
  orderSeed?: number;
  psShards?: number;
  /** Train a model with embedding tables of this dimension on `categoricalTrain` (sparse gradients). */
  embeddingDimension?: number;
}

/** The fixture's training data plus two categorical features with 7 and 5 buckets, derived from the row index. */
export const categoricalTrain: Dataset = withCategories(train);
/** The evaluation data with the same made-up categorical features. */
export const categoricalEvaluation: Dataset = withCategories(evaluation);

function withCategories(data: Dataset): Dataset {
  const buckets = [7, 5];
  const categories = Uint32Array.from({ length: data.rows * 2 }, (_, i) => ((Math.floor(i / 2) * 2654435761) >>> (i % 2 === 0 ? 3 : 7)) % buckets[i % 2]!);
  return { ...data, categories, buckets, categoryNames: ['a', 'b'] };
}

let runs = 0;

/**
 * Trains the fixture's model (as trainOnThreads does: same data, batches, seed and optimizer) on workers made by
 * `makeWorkers`, and returns the final parameters, the update log and the evaluation predictions.
 */
export async function trainWith(makeWorkers: (setup: RunSetup, count: number) => Promise<EvaluatingWorkers>, options: FixtureRunOptions) {
  const sparse = options.embeddingDimension !== undefined;
  const data = sparse ? categoricalTrain : train;
  const model: ModelSpec = {
    inputs: data.width,
    hidden: [16, 8],
    outputs: 1,
    activation: 'relu',
    layerNorm: false,
    ...(sparse ? { embeddings: { buckets: data.buckets!, dimension: options.embeddingDimension! } } : {}),
  };
  const layout = parameterLayout(model);
  const policy = orderPolicy(options.order);
  const store = SharedParameters.create(initialParameters(layout, 1), policy.gradientSlots(options.workers), policy.historyDepth(options.workers), sparse ? embeddingTables(layout) : []);
  const workers = await makeWorkers({ runId: `nats-test-${process.pid}-${++runs}`, model, store: store.handle, train: data, precision: { name: 'float32', seed: 1, replica: 0 } }, options.workers);
  const events: UpdateEvent[] = [];
  const batchSize = 32;
  const batches: BatchSource = { batchSize, steps: options.steps ?? 40, rowsForStep: (step) => Uint32Array.from({ length: batchSize }, (_, i) => (step * batchSize + i) % data.rows) };
  await policy.run({
    store,
    shards: new ServerShards({ ...defaultOptimizerConfig, learningRate: 0.3 }, store.handle.size, options.psShards ?? 1),
    workers,
    batches,
    microShards: 8,
    orderStream: seedStream(options.orderSeed ?? 1, 'order'),
    onUpdate: (e) => events.push(e),
    onStep: () => undefined,
  });
  return { params: new Float32Array(store.params), events, predictions: await workers.predict(sparse ? categoricalEvaluation : evaluation) };
}

/** `make`'s workers behind the order policy's retry wrapper, as training runs them: every task under a slot lease. */
export function faultTolerantOver(make: (setup: RunSetup, count: number) => Promise<EvaluatingWorkers>, tolerance: FaultTolerance) {
  return async (setup: RunSetup, count: number): Promise<EvaluatingWorkers> => {
    const workers = await make(setup, count);
    const tolerant = faultTolerant(workers, SharedParameters.attach(setup.store), tolerance);
    return { count: tolerant.count, compute: (task) => tolerant.compute(task), predict: (data) => workers.predict(data) };
  };
}

/** A maker of thread workers on `pool`, for trainWith. */
export function onThreads(pool: ThreadPool): (setup: RunSetup, count: number) => Promise<EvaluatingWorkers> {
  return async (setup, count) => new ThreadWorkers(pool, setup, count);
}

/** A maker of NATS workers on `url`, for trainWith; every NatsWorkers it makes is closed by `closeAll`. */
export function overNats(url: string, options: Partial<NatsWorkersOptions> = {}) {
  const made: NatsWorkers[] = [];
  return {
    make: async (setup: RunSetup, count: number): Promise<EvaluatingWorkers> => {
      const workers = await NatsWorkers.connect({ url, setup, count, joinTimeoutMs: 20_000, log: () => undefined, ...options });
      made.push(workers);
      return workers;
    },
    made,
    closeAll: () => Promise.all(made.splice(0).map((w) => w.close())),
  };
}
