import { buildDatasets, resolveConfig, trainRun, type ConfigInput } from '@churnlab/experiment';
import { ThreadPool } from '@churnlab/transport';

/** Steps and examples per second of one training run of the default model, pool start-up excluded. */
export interface Throughput {
  label: string;
  workers: number;
  order: string;
  steps: number;
  seconds: number;
  stepsPerSec: number;
  examplesPerSec: number;
}

/** Trains the default config with `workers` workers under `order` and times the training alone. */
export async function measureThroughput(workers: number, order: 'sync' | 'async', epochs: number): Promise<Throughput> {
  const input: ConfigInput = { training: { workers, order, epochs } };
  const config = resolveConfig(input);
  const data = buildDatasets(config);
  const pool = new ThreadPool(ThreadPool.sizeFor(workers));
  try {
    await trainRun({ ...config, training: { ...config.training, epochs: 1 } }, { pool, data }); // warm-up: threads, WASM, kernels
    let steps = 0;
    const start = process.hrtime.bigint();
    await trainRun(config, { pool, data, onProgress: (done) => (steps = done) });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { label: `${workers} worker${workers > 1 ? 's' : ''}, ${order}`, workers, order, steps, seconds, stepsPerSec: steps / seconds, examplesPerSec: (steps * config.training.batchSize) / seconds };
  } finally {
    await pool.close();
  }
}
