import type { ParameterLayout } from '@churnlab/model/vectors';
import { ConfigError } from './config-error.js';
import type { Config } from './config-schema.js';

/**
 * Refuses more server shards than the model has parameters, before any run starts or writes anything: each shard owns
 * at least one. Such a config failed as the run set its shards up, with exit 1, once its run directory had been made.
 */
export function checkShardCount(config: Config, { size }: ParameterLayout): void {
  const { psShards } = config.training;
  if (psShards > size) throw new ConfigError(`training.psShards: ${psShards} is not allowed; expected at most the model's ${size} parameters, since each server shard owns at least one`);
}
