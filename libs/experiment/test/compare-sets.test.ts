import { describe, expect, it } from 'vitest';
import { runCompare } from '../src/index.js';
import { smallConfig, TRAINING_TIMEOUT } from './helpers.js';

describe('the replica sets of a comparison', () => {
  it(
    'are one per activation however often and however it is spelled, so no set pairs its runs with themselves',
    async () => {
      const config = smallConfig({ training: { order: 'replay', epochs: 1 }, compare: { activations: ['relu', 'relu', 'smelu:1', 'smelu:1.0'], replicas: 2 } });
      const result = await runCompare(config, { parallelRuns: 1 });
      expect(result.results.map((row) => row.activation)).toEqual(['relu', 'smelu:1']);
      expect(result.betweenWorkerCounts).toEqual([]);
    },
    TRAINING_TIMEOUT,
  );
});
