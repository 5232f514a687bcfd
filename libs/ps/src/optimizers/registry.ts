import { adagrad } from './adagrad.js';
import { adam } from './adam.js';
import { momentum } from './momentum.js';
import type { Optimizer, OptimizerConfig, OptimizerName } from './optimizer.js';
import { sgd } from './sgd.js';

const optimizers = new Map<string, (config: OptimizerConfig, size: number) => Optimizer>([['sgd', sgd], ['momentum', momentum], ['adagrad', adagrad], ['adam', adam]]);

/** The names `createOptimizer` accepts. */
export const optimizerNames = [...optimizers.keys()] as OptimizerName[];

/** A fresh optimizer with zeroed state for `size` parameters. */
export function createOptimizer(config: OptimizerConfig, size: number): Optimizer {
  const make = optimizers.get(config.name);
  if (!make) throw new RangeError(`optimizer: "${config.name}" is unknown; expected one of ${optimizerNames.join(', ')}`);
  return make(config, size);
}
