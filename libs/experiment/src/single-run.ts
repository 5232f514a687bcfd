import { ThreadPool } from '@churnlab/transport';
import type { Config } from './config-schema.js';
import { buildDatasets } from './datasets.js';
import { assertFreshOutput, writeRunDirectory } from './run-directory.js';
import { trainRun, type RunResult, type TrainRunOptions } from './train-run.js';

/** Trains one model on its own thread pool and writes its run directory to `out`. */
export async function runSingle(config: Config, out: string, options: Pick<TrainRunOptions, 'onProgress' | 'recorded'> = {}): Promise<RunResult> {
  assertFreshOutput(out);
  const pool = new ThreadPool(ThreadPool.sizeFor(config.training.workers));
  try {
    const run = await trainRun(config, { pool, data: await buildDatasets(config), ...options });
    writeRunDirectory(out, run);
    return run;
  } finally {
    await pool.close();
  }
}
