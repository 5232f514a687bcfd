import { adagrad } from './adagrad.js';
import { adam } from './adam.js';
import { momentum } from './momentum.js';
import type { Optimizer, OptimizerConfig, OptimizerName } from './optimizer.js';
import { sgd } from './sgd.js';

const optimizers = new Map<string, (config: OptimizerConfig, size: number, state?: Float32Array[]) => Optimizer>([['sgd', sgd], ['momentum', momentum], ['adagrad', adagrad], ['adam', adam]]);

/** The names `createOptimizer` accepts. */
export const optimizerNames = [...optimizers.keys()] as OptimizerName[];

/**
 * An optimizer for `size` parameters: with fresh state, or with `state` adopted as it is (the state() of an optimizer
 * of the same config and size, e.g. in shared memory, so that two threads apply one optimizer in turn).
 */
export function createOptimizer(config: OptimizerConfig, size: number, state?: Float32Array[]): Optimizer {
  const make = optimizers.get(config.name);
  if (!make) throw new RangeError(`optimizer: "${config.name}" is unknown; expected one of ${optimizerNames.join(', ')}`);
  return make(config, size, state);
}
