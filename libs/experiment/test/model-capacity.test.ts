import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeArrayLengths } from '@churnlab/ps';
import { buildDatasets, ConfigError, resolveConfig } from '../src/index.js';
import { MAX_TYPED_ARRAY_LENGTH } from '../src/typed-array-limit.js';
import { useTempDir } from './helpers.js';

const tmp = useTempDir('churnlab-model-capacity-');

// The synthetic data's 32 features (16 dense, two categorical of 8) feed the first layer; in `replay` with 2 workers the
// store keeps the parameters and 4 gradient slots in one Float32Array, so at most 2³² / 5 parameters in whole cache
// lines of 16: 858993456 in Node 20.
const replayTwoWorkersLimit = Math.floor(MAX_TYPED_ARRAY_LENGTH / 5 / 16) * 16;
const data = { examples: 1200 };

/** The message of the ConfigError that buildDatasets rejects with. */
async function refusal(input: object): Promise<string> {
  const error: unknown = await buildDatasets(resolveConfig(input)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).message;
}

describe('a model the parameter store cannot hold', () => {
  it('is refused while the data is read, naming model.hidden, the parameter count and the limit', async () => {
    // 32 × 100000 + 100000 + 100000 × 100000 + 100000 + 100000 + 1 parameters: "Invalid typed array length: 10003500001" in the run.
    const message = await refusal({ data, model: { hidden: [100_000, 100_000] } });
    expect(message).toContain('model.hidden: [100000,100000] is not allowed');
    expect(message).toContain('10003500001 parameters (with 32 inputs and 1 output)');
    expect(message).toContain(`at most ${replayTwoWorkersLimit} for training.order "replay" with 2 workers`);
    expect(message).toContain(`4 gradient slots in one Float32Array of at most ${MAX_TYPED_ARRAY_LENGTH} values`);
  });

  it('is refused one hidden unit past the limit and accepted at it', async () => {
    // One hidden layer of h units on 32 inputs has 34h + 1 parameters.
    const atLimit = Math.floor((replayTwoWorkersLimit - 1) / 34);
    await expect(buildDatasets(resolveConfig({ data, model: { hidden: [atLimit] } }))).resolves.toBeDefined();
    expect(await refusal({ data, model: { hidden: [atLimit + 1] } })).toContain(`${34 * (atLimit + 1) + 1} parameters`);
  });

  it('is refused by the most demanding run of the config: a sweep over more workers leaves each a smaller store', async () => {
    // 8 workers in replay: 16 gradient slots, so 17 vectors in the array.
    const message = await refusal({ data, model: { hidden: [10_000_000] }, training: { microShards: 8 }, sweep: { workers: [2, 8] } });
    expect(message).toContain('for training.order "replay" with 8 workers');
    expect(message).toContain('16 gradient slots');
  });

  it('with most parameters in embedding tables names model.embeddingDimension and features.categorical.buckets', async () => {
    const file = path.join(tmp(), 'clicks.csv');
    writeFileSync(file, ['age,city,clicked', ...Array.from({ length: 40 }, (_, i) => `${i},${['paris', 'lyon'][i % 2]},${i % 4 ? 'no' : 'yes'}`)].join('\n') + '\n');
    const csv = { format: 'csv', path: file, header: true, label: { column: 'clicked', positive: ['yes'] }, numeric: ['age'], categorical: ['city'] };
    const message = await refusal({ data: csv, features: { categorical: { buckets: 2 ** 24 } }, model: { embeddingDimension: 1024 }, training: { batchSize: 8 } });
    expect(message).toContain('model.embeddingDimension: 1024 is not allowed with features.categorical.buckets 16777216');
    expect(message).toContain(`${2 ** 24 * 1024} of them in the embedding tables of 1 categorical feature,`);
  });

  it('the limit is the largest size whose store arrays fit: one parameter more (another cache line per vector) would not', () => {
    const longest = (size: number) => Math.max(...Object.values(storeArrayLengths(size, 4, 2)));
    expect(longest(replayTwoWorkersLimit)).toBeLessThanOrEqual(MAX_TYPED_ARRAY_LENGTH);
    expect(longest(replayTwoWorkersLimit + 1)).toBeGreaterThan(MAX_TYPED_ARRAY_LENGTH);
  });
});
