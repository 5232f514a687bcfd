import { parseDelay, parseFault } from '@churnlab/ps';
import { ConfigError } from './config-error.js';
import { knobProblem } from './knobs.js';
import { expandActivation } from './sweep-grid.js';
import { MAX_TYPED_ARRAY_LENGTH } from './typed-array-limit.js';
import type { Config } from './config-schema.js';

/** Checks what a schema cannot: activation specs parse, and the batch can be split as asked. */
export function validateSemantics(config: Config, origin: string): void {
  const fail = (message: string): never => {
    throw new ConfigError(`${origin}: ${message}`);
  };
  const checkActivation = (field: string, spec: string) => {
    const problem = knobProblem('activation', spec);
    if (problem) fail(`${field}: ${problem}`);
  };
  checkActivation('model.activation', config.model.activation);
  config.compare.activations.forEach((spec, i) => checkActivation(`compare.activations[${i}]`, spec));
  checkSweep(config, fail);
  for (const knob of ['order', 'shuffle', 'delay'] as const) {
    const problem = knobProblem(knob, config.training[knob]);
    if (problem) fail(`training.${knob}: ${problem}`);
  }
  if (config.training.order === 'replay' && config.training.delay !== 'none') {
    fail(`training.delay: "${config.training.delay}" is not allowed with training.order "replay", which simulates timing from the order seed; expected "none", or a real order (sync-arrival, async, ssp:K)`);
  }
  // Faults and lags name workers of the runs; each run checks its faults as it starts (runFaults), so here a worker no run has is refused.
  const most = Math.max(config.training.workers, ...config.compare.workers, ...(config.sweep.workers ?? []));
  config.training.faults.forEach((text, i) => {
    const problem = knobProblem('fault', text);
    if (problem) fail(`training.faults[${i}]: ${problem}`);
    const { worker } = parseFault(text);
    if (worker >= most) fail(`training.faults[${i}]: worker ${worker} is not allowed; expected a worker from 0 to ${most - 1}, the workers of the runs`);
  });
  const delay = parseDelay(config.training.delay);
  const lagged = delay.kind === 'lag' ? Object.keys(delay.ms).map(Number).find((worker) => worker >= most) : undefined;
  if (lagged !== undefined) fail(`training.delay: "${config.training.delay}" is not allowed; it lags worker ${lagged}, but the runs have at most ${most} workers (0 to ${most - 1})`);
  const { batchSize, microShards, workers } = config.training;
  if (microShards > batchSize) fail(`training.microShards: ${microShards} is not allowed; expected at most training.batchSize (${batchSize})`);
  if (workers > microShards) fail(`training.workers: ${workers} is not allowed; expected at most training.microShards (${microShards}), since each worker computes at least one micro-shard`);
  config.compare.workers.forEach((w, i) => {
    if (w > microShards) fail(`compare.workers[${i}]: ${w} is not allowed; expected at most training.microShards (${microShards})`);
  });
  if (config.data.format === 'synthetic') {
    checkSyntheticSize(config.data, fail);
    checkSyntheticSplit(config.data, batchSize, fail);
  }
}

/** Every value of the sweep's grid must be valid on its own. */
function checkSweep(config: Config, fail: (message: string) => never): void {
  const { sweep, training } = config;
  sweep.activations.forEach((entry, i) => {
    try {
      expandActivation(entry);
    } catch (error) {
      fail(`sweep.activations[${i}]: ${(error as Error).message}`);
    }
  });
  const lists = [['orders', 'order'], ['shuffles', 'shuffle']] as const;
  for (const [field, knob] of lists) {
    sweep[field]?.forEach((text, i) => {
      const problem = knobProblem(knob, text);
      if (problem) fail(`sweep.${field}[${i}]: ${problem}`);
    });
  }
  sweep.workers?.forEach((w, i) => {
    if (w > training.microShards) fail(`sweep.workers[${i}]: ${w} is not allowed; expected at most training.microShards (${training.microShards})`);
  });
  if (training.delay !== 'none' && sweep.orders?.includes('replay')) {
    fail(`sweep.orders: "replay" is not allowed with training.delay "${training.delay}"; expected no delay, or only real orders`);
  }
}

/** The generator writes every example's features (data.dense values and one per category) into one Float32Array. */
function checkSyntheticSize(data: Extract<Config['data'], { format: 'synthetic' }>, fail: (message: string) => never): void {
  const width = data.dense + data.categorical.reduce((sum, cardinality) => sum + cardinality, 0);
  if (data.examples * width <= MAX_TYPED_ARRAY_LENGTH) return;
  fail(
    `data.examples: ${data.examples} is not allowed; expected at most ${Math.floor(MAX_TYPED_ARRAY_LENGTH / width)} examples of ${width} features (data.dense plus the data.categorical cardinalities), since their ${data.examples * width} values are held in one array of at most ${MAX_TYPED_ARRAY_LENGTH}`,
  );
}

/** The synthetic set's split must leave both parts non-empty and a batch's worth of training rows. */
function checkSyntheticSplit(data: Extract<Config['data'], { format: 'synthetic' }>, batchSize: number, fail: (message: string) => never): void {
  const evalRows = Math.round(data.examples * data.evalFraction);
  if (evalRows < 1 || evalRows >= data.examples) {
    fail(`data.evalFraction: ${data.evalFraction} is not allowed; expected a fraction that leaves both the evaluation and the training part of ${data.examples} examples non-empty`);
  }
  const trainRows = data.examples - evalRows;
  if (batchSize > trainRows) fail(`training.batchSize: ${batchSize} is not allowed; expected at most the ${trainRows} training examples`);
}
