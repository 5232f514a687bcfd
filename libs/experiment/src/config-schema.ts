import { z } from 'zod';
import { defaultSyntheticCtr } from '@churnlab/data';
import { gradientPrecisionNames } from '@churnlab/ps';
import { replicaSources } from './replica-sources.js';

const positiveInt = () => z.number().int().min(1);

const syntheticData = z.strictObject({
  kind: z.literal('synthetic').default('synthetic'),
  seed: z.number().int().min(0).default(defaultSyntheticCtr.seed),
  examples: z.number().int().min(100).default(defaultSyntheticCtr.examples),
  dense: z.number().int().min(1).default(defaultSyntheticCtr.dense),
  categorical: z.array(z.number().int().min(2)).default([...defaultSyntheticCtr.categorical]),
  teacherHidden: positiveInt().default(defaultSyntheticCtr.teacherHidden),
  labelNoise: z.number().min(0).lt(0.5).default(defaultSyntheticCtr.labelNoise),
  evalFraction: z.number().gt(0).lt(1).default(defaultSyntheticCtr.evalFraction),
});

const model = z.strictObject({
  hidden: z.array(positiveInt()).min(1).default([128, 128]),
  activation: z.string().min(1).default('relu'),
  layerNorm: z.boolean().default(false),
});

const optimizer = z.strictObject({
  name: z.enum(['sgd', 'momentum', 'adagrad', 'adam']).default('sgd'),
  learningRate: z.number().gt(0).default(0.2),
  momentum: z.number().min(0).lt(1).default(0.9),
  beta1: z.number().min(0).lt(1).default(0.9),
  beta2: z.number().min(0).lt(1).default(0.999),
  epsilon: z.number().gt(0).default(1e-8),
  initialAccumulator: z.number().min(0).default(0.1),
});

const training = z.strictObject({
  epochs: positiveInt().default(4),
  batchSize: positiveInt().default(64),
  microShards: positiveInt().default(8),
  workers: positiveInt().max(64).default(2),
  /** sync · sync-arrival · async · ssp:K · replay (checked against the ps order registry). */
  order: z.string().default('async'),
  /** Server shards that apply their ranges of the parameters independently. */
  psShards: positiveInt().max(1024).default(1),
  /** none · window:W · full (checked by parseShuffle). */
  shuffle: z.string().default('full'),
  /** none · lag:WORKER=MS,… · jitter:MAX_MS (checked by the ps delay parser). */
  delay: z.string().default('none'),
  gradPrecision: z.enum(gradientPrecisionNames).default('float32'),
  optimizer: optimizer.prefault({}),
});

const compare = z.strictObject({
  activations: z.array(z.string().min(1)).min(1).default(['relu', 'smelu:1']),
  replicas: z.number().int().min(2).default(2),
  /** Worker counts to compare; empty means training.workers alone. */
  workers: z.array(positiveInt().max(64)).default([]),
});

/** The whole experiment configuration; every field has a default, so `{}` is a complete config. */
export const configSchema = z.strictObject({
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
  /** Which replica a single run is: replicas share data and initialisation and differ in the order stream. */
  replica: z.number().int().min(0).default(0),
  /** The seeded sources that differ between replicas; every other source is shared by all of them. */
  vary: z.array(z.enum(replicaSources)).default(['order']),
  data: syntheticData.prefault({}),
  model: model.prefault({}),
  training: training.prefault({}),
  compare: compare.prefault({}),
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
