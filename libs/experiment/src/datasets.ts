import { syntheticCtr, toShared, type Dataset } from '@churnlab/data';
import type { Config } from './config-schema.js';

/** The train and evaluation sets a config names, in shared memory so worker threads read them without copies. */
export function buildDatasets(config: Config): { train: Dataset; eval: Dataset } {
  const { kind: _kind, ...options } = config.data;
  const { train, eval: evaluation } = syntheticCtr(options);
  return { train: toShared(train), eval: toShared(evaluation) };
}
