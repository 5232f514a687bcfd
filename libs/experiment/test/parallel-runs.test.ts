import { describe, expect, it } from 'vitest';
import { ThreadPool } from '@churnlab/transport';
import { AUTO_PARALLEL_PARAMETER_LIMIT, ConfigError, resolveConfig, runCompare, runsAtOnce } from '../src/index.js';
import { smallConfig, TRAINING_TIMEOUT } from './helpers.js';

const threads = resolveConfig({});
const nats = resolveConfig({ transport: { kind: 'nats' } });

describe('runsAtOnce', () => {
  it('gives auto one run per core, and one run for a model over the parameter limit', () => {
    expect(runsAtOnce('auto', threads, 1_000, 2)).toBe(2);
    expect(runsAtOnce('auto', threads, 1_000, 8)).toBe(8);
    expect(runsAtOnce('auto', threads, 1_000, 64)).toBe(ThreadPool.runsHeld);
    expect(runsAtOnce('auto', threads, AUTO_PARALLEL_PARAMETER_LIMIT, 8)).toBe(8);
    expect(runsAtOnce('auto', threads, AUTO_PARALLEL_PARAMETER_LIMIT + 1, 8)).toBe(1);
  });

  it('takes a count as given, whatever the model and the machine', () => {
    expect(runsAtOnce(3, threads, AUTO_PARALLEL_PARAMETER_LIMIT * 10, 1)).toBe(3);
  });

  it('trains one run at a time through NATS, and refuses a count above 1 there', () => {
    expect(runsAtOnce('auto', nats, 1_000, 8)).toBe(1);
    expect(runsAtOnce(1, nats, 1_000, 8)).toBe(1);
    expect(() => runsAtOnce(2, nats, 1_000, 8)).toThrow(ConfigError);
    expect(() => runsAtOnce(2, nats, 1_000, 8)).toThrow('--parallel-runs: 2 is not allowed with transport.kind "nats", whose worker processes serve one run at a time; expected 1 or auto');
  });

  it('refuses a count that is not a whole number from 1 to the runs a pool thread holds', () => {
    for (const bad of [0, -1, 1.5, ThreadPool.runsHeld + 1]) {
      expect(() => runsAtOnce(bad, threads, 1_000, 2)).toThrow(`--parallel-runs: ${bad} is not allowed; expected auto or a whole number from 1 to ${ThreadPool.runsHeld}`);
    }
  });
});

/** Runs a small comparison with `parallelRuns`, noting for each run the steps all runs had done when it started. */
async function compareWatched(order: string, parallelRuns: number) {
  const config = smallConfig({ training: { order, workers: 2 }, compare: { activations: ['relu', 'smelu:1'], replicas: 2 } });
  let stepsDone = 0;
  let stepsPerRun = 0;
  const doneAtStart: number[] = [];
  const result = await runCompare(config, {
    parallelRuns,
    onRunStart: (_run, index) => (doneAtStart[index] = stepsDone),
    onProgress: (done, total) => {
      stepsDone = done;
      stepsPerRun = total / 4;
    },
  });
  return { shas: result.results.flatMap((r) => r.paramsSha256), doneAtStart, stepsPerRun };
}

describe('a comparison that trains several runs at once', () => {
  it(
    'gives the runs of a seeded order bit for bit what it gives one run at a time, with the second run started before the first ended',
    async () => {
      const [together, oneByOne] = [await compareWatched('replay', 2), await compareWatched('replay', 1)];
      expect(together.shas).toEqual(oneByOne.shas);
      expect(together.doneAtStart[1]).toBeLessThan(together.stepsPerRun);
      expect(oneByOne.doneAtStart).toEqual([0, 1, 2, 3].map((i) => i * oneByOne.stepsPerRun));
    },
    TRAINING_TIMEOUT,
  );

  it(
    'still trains the runs of an order that follows real thread timing one after another',
    async () => {
      const { doneAtStart, stepsPerRun } = await compareWatched('async', 2);
      expect(stepsPerRun).toBeGreaterThan(0);
      expect(doneAtStart).toEqual([0, 1, 2, 3].map((i) => i * stepsPerRun));
    },
    TRAINING_TIMEOUT,
  );
});
