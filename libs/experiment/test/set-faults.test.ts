import { describe, expect, it } from 'vitest';
import { runCompare, runSweep } from '../src/index.js';
import { expectConfigError, smallConfig, TRAINING_TIMEOUT, useTempDir } from './helpers.js';
import path from 'node:path';
import { existsSync } from 'node:fs';

const tmp = useTempDir('churnlab-set-faults-');

describe('faults in comparisons and sweeps', () => {
  it('are refused before any run starts when a run of the comparison lacks the worker', async () => {
    const config = smallConfig({ training: { workers: 2, faults: ['kill:worker=1,step=3'] }, compare: { workers: [2, 1], activations: ['relu'], replicas: 2 } });
    const started: unknown[] = [];
    const out = path.join(tmp(), 'compare');
    await expect(runCompare(config, { out, onRunStart: (run) => started.push(run) })).rejects.toThrow('training.faults[0]: worker 1 is not allowed; expected a worker from 0 to 0: a run with 1 worker would never meet it');
    expect(started).toEqual([]);
    expect(existsSync(out)).toBe(false);
    const sweep = smallConfig({ training: { workers: 2, faults: ['kill:worker=1,step=3'] }, sweep: { workers: [1, 2], activations: ['relu'], replicas: [2] } });
    await expect(runSweep(sweep, { out: path.join(tmp(), 'sweep') })).rejects.toThrow('a run with 1 worker would never meet it');
    expect(existsSync(path.join(tmp(), 'sweep'))).toBe(false);
  });

  it(
    'name a worker of the compared counts, which training.workers need not have',
    async () => {
      expectConfigError(() => smallConfig({ training: { workers: 2, faults: ['kill:worker=4,step=3'] }, compare: { workers: [4] } }), 'training.faults[0]: worker 4', 'from 0 to 3');
      const config = smallConfig({ training: { workers: 2, order: 'sync', faults: ['kill:worker=3,step=3'] }, compare: { workers: [4], activations: ['relu'], replicas: 2 } });
      const faultless = smallConfig({ training: { workers: 2, order: 'sync' }, compare: { workers: [4], activations: ['relu'], replicas: 2 } });
      const [withFault, without] = [await runCompare(config, { parallelRuns: 1 }), await runCompare(faultless, { parallelRuns: 1 })];
      // The killed task is computed again, so the runs end where runs without the fault do.
      expect(withFault.results[0]!.paramsSha256).toEqual(without.results[0]!.paramsSha256);
    },
    TRAINING_TIMEOUT,
  );
});
