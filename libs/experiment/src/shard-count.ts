import { parameterLayout } from '@churnlab/model';
import { ConfigError } from './config-error.js';
import type { Config } from './config-schema.js';
import type { RunData } from './datasets.js';
import { modelSpec } from './train-run.js';

/**
 * Refuses more server shards than the model has parameters, before any run starts or writes anything: each shard owns
 * at least one. Such a config failed as the run set its shards up, with exit 1, once its run directory had been made.
 */
export function checkShardCount(config: Config, data: RunData): void {
  const { psShards } = config.training;
  const size = parameterLayout(modelSpec(config, data)).size;
  if (psShards > size) throw new ConfigError(`training.psShards: ${psShards} is not allowed; expected at most the model's ${size} parameters, since each server shard owns at least one`);
}
