import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDatasets, modelSpec, resolveConfig, trainRun } from '../src/index.js';
import { TRAINING_TIMEOUT, usePool } from './helpers.js';

const pool = usePool();
const criteo10k = path.resolve(fileURLToPath(new URL('../../../', import.meta.url)), '../shared/datasets/criteo_kaggle_10k/criteo_sampled_data_10k.csv');
const criteoConfig = (training: Record<string, unknown>) =>
  resolveConfig({
    data: { format: 'criteo', path: criteo10k },
    features: { categorical: { buckets: 256 } },
    model: { hidden: [16], embeddingDimension: 4 },
    training: { epochs: 1, batchSize: 64, ...training },
  });

describe('a run on categorical data', () => {
  it('gives each categorical feature an embedding table of the configured width', async () => {
    const config = criteoConfig({});
    const spec = modelSpec(config, await buildDatasets(config));
    expect(spec.embeddings).toEqual({ buckets: new Array(26).fill(256), dimension: 4 });
    expect(spec.inputs).toBe(26);
  });

  it(
    'trains the Criteo sample with sparse embedding updates, bit-identical on 1 and 4 sync workers, and better than chance',
    async () => {
      const data = await buildDatasets(criteoConfig({}));
      const one = await trainRun(criteoConfig({ order: 'sync', workers: 1 }), { pool: pool(), data });
      const four = await trainRun(criteoConfig({ order: 'sync', workers: 4, psShards: 3 }), { pool: pool(), data });
      expect(four.metrics.paramsSha256).toBe(one.metrics.paramsSha256);
      expect(one.metrics.auc).toBeGreaterThan(0.6);
    },
    TRAINING_TIMEOUT,
  );
});
