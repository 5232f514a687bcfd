import type { ModelSpec, ParameterLayout } from '@churnlab/model/vectors';
import { orderPolicy, storeArrayLengths } from '@churnlab/ps';
import { ConfigError } from './config-error.js';
import type { Config } from './config-schema.js';
import { MAX_TYPED_ARRAY_LENGTH } from './typed-array-limit.js';

/** One kind of run a config makes, as the parameter store sees it, and the most parameters its store can hold. */
interface StoreNeed {
  order: string;
  workers: number;
  slots: number;
  historyDepth: number;
  largest: number;
}

/**
 * Refuses, before any run starts or writes anything, a model whose parameters the parameter store cannot hold: the
 * store keeps the parameters and a gradient slot per worker (two with `replay`) in one Float32Array, and the versions
 * it keeps for stale reads in another, and no typed array may be longer than MAX_TYPED_ARRAY_LENGTH. Such a model
 * failed as it was allocated, with "Invalid typed array length", once its run directory had been made.
 */
export function checkModelCapacity(config: Config, model: ModelSpec, layout: ParameterLayout): void {
  const tightest = storeNeeds(config).reduce((a, b) => (b.largest < a.largest ? b : a));
  if (layout.size <= tightest.largest) return;
  const inTables = layout.blocks.filter((block) => block.role === 'embedding').reduce((sum, block) => sum + block.size, 0);
  const store =
    `the parameter store holds at most ${tightest.largest} for training.order "${tightest.order}" with ${tightest.workers} worker${tightest.workers === 1 ? '' : 's'}, ` +
    `since it keeps the parameters and ${tightest.slots} gradient slot${tightest.slots === 1 ? '' : 's'} in one Float32Array of at most ${MAX_TYPED_ARRAY_LENGTH} values`;
  // The field to blame is the one behind most of the parameters: the embedding tables, or the MLP's layers.
  if (inTables > layout.size - inTables) {
    const tables = model.embeddings?.buckets.length ?? 0;
    throw new ConfigError(
      `model.embeddingDimension: ${config.model.embeddingDimension} is not allowed with features.categorical.buckets ${config.features.categorical.buckets}; the model would have ${layout.size} parameters, ${inTables} of them in the embedding tables of ${tables} categorical feature${tables === 1 ? '' : 's'}, and ${store}; expected a smaller model.embeddingDimension or features.categorical.buckets`,
    );
  }
  throw new ConfigError(
    `model.hidden: ${JSON.stringify(config.model.hidden)} is not allowed; the model would have ${layout.size} parameters (with ${model.inputs} inputs and ${model.outputs} output${model.outputs === 1 ? '' : 's'}), and ${store}; expected smaller hidden layers`,
  );
}

/** Every order and worker count the config's runs use (train, compare and sweep alike), with their stores' needs. */
function storeNeeds(config: Config): StoreNeed[] {
  const orders = new Set([config.training.order, ...(config.sweep.orders ?? [])]);
  const workerCounts = new Set([config.training.workers, ...config.compare.workers, ...(config.sweep.workers ?? [])]);
  return [...orders].flatMap((order) =>
    [...workerCounts].map((workers) => {
      const policy = orderPolicy(order);
      const slots = policy.gradientSlots(workers);
      const historyDepth = policy.historyDepth(workers);
      return { order, workers, slots, historyDepth, largest: largestStorable(slots, historyDepth) };
    }),
  );
}

/** The most parameters whose store, with `slots` gradient slots and `historyDepth` kept versions, fits in typed arrays. */
function largestStorable(slots: number, historyDepth: number): number {
  const fits = (size: number) => {
    const { vectors, history } = storeArrayLengths(size, slots, historyDepth);
    return Math.max(vectors, history) <= MAX_TYPED_ARRAY_LENGTH;
  };
  // fits(0) holds and fits(MAX_TYPED_ARRAY_LENGTH) does not (the store holds at least two vectors); the lengths grow with
  // the size, so a bisection finds the last size that fits.
  let fitting = 0;
  let tooLarge = MAX_TYPED_ARRAY_LENGTH;
  while (tooLarge - fitting > 1) {
    const middle = Math.floor((fitting + tooLarge) / 2);
    if (fits(middle)) fitting = middle;
    else tooLarge = middle;
  }
  return fitting;
}
