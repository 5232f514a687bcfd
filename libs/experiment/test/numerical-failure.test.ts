import { describe, expect, it } from 'vitest';
import { NumericalFailure } from '../src/index.js';
import { smallConfig, train, TRAINING_TIMEOUT, usePool } from './helpers.js';

const pool = usePool();

describe('a run whose gradients blow up', () => {
  it.each(['sync', 'async', 'replay'])(
    'stops under %s at the first non-finite gradient, naming step, worker and parameter block',
    async (order) => {
      const config = smallConfig({ training: { order, optimizer: { learningRate: 1e30 } } });
      const failure = await train(pool(), config).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(NumericalFailure);
      expect((failure as Error).message).toMatch(/^step \d+, worker \d: the (gradient|loss) is NaN or infinite/);
      expect((failure as Error).message).toMatch(/in parameter block dense\d\/(kernel|bias) \(element \d+ of \d+\)|the loss/);
    },
    TRAINING_TIMEOUT,
  );

  it(
    'trains normally at a sane learning rate (the check does not fire on healthy runs)',
    async () => {
      const run = await train(pool(), smallConfig({ training: { order: 'sync' } }));
      expect(Number.isFinite(run.metrics.trainLoss)).toBe(true);
    },
    TRAINING_TIMEOUT,
  );
});
