import { parseActivation } from '@churnlab/activations';
import { ConfigError } from './config-error.js';
import type { Config } from './config-schema.js';

/** Checks what a schema cannot: activation specs parse, and the batch can be split as asked. */
export function validateSemantics(config: Config, origin: string): void {
  const fail = (message: string) => {
    throw new ConfigError(`${origin}: ${message}`);
  };
  const checkActivation = (field: string, spec: string) => {
    try {
      parseActivation(spec);
    } catch (error) {
      fail(`${field}: ${(error as Error).message}`);
    }
  };
  checkActivation('model.activation', config.model.activation);
  config.compare.activations.forEach((spec, i) => checkActivation(`compare.activations[${i}]`, spec));
  const { batchSize, microShards, workers } = config.training;
  if (microShards > batchSize) fail(`training.microShards: ${microShards} is not allowed; expected at most training.batchSize (${batchSize})`);
  if (workers > microShards) fail(`training.workers: ${workers} is not allowed; expected at most training.microShards (${microShards}), since each worker computes at least one micro-shard`);
  const evalRows = Math.round(config.data.examples * config.data.evalFraction);
  if (evalRows < 1 || evalRows >= config.data.examples) {
    fail(`data.evalFraction: ${config.data.evalFraction} is not allowed; expected a fraction that leaves both the evaluation and the training part of ${config.data.examples} examples non-empty`);
  }
  const trainRows = config.data.examples - evalRows;
  if (batchSize > trainRows) fail(`training.batchSize: ${batchSize} is not allowed; expected at most the ${trainRows} training examples`);
}
