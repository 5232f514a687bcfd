import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resumeSingle, runCompare, runSingle } from '../src/index.js';
import { startRunDirectory } from '../src/directory-run.js';
import { smallConfig, TRAINING_TIMEOUT, useTempDir } from './helpers.js';

const tmp = useTempDir('churnlab-single-run-');

describe('runSingle, resumeSingle and runCompare', () => {
  it('leave no run directory behind when the run fails before its first checkpoint, so the same --out can be given again', async () => {
    const unreachable = smallConfig({ training: { order: 'replay' }, transport: { kind: 'nats', nats: ['nats://127.0.0.1:1'], joinTimeoutMs: 300 } });
    const out = path.join(tmp(), 'runs', 'unreachable');
    await expect(runSingle(unreachable, out)).rejects.toThrow();
    expect(existsSync(path.join(tmp(), 'runs'))).toBe(false);
  }, TRAINING_TIMEOUT);

  it('runCompare leaves no output behind when it fails before any run checkpointed', async () => {
    const unreachable = smallConfig({ training: { order: 'replay' }, transport: { kind: 'nats', nats: ['nats://127.0.0.1:1'], joinTimeoutMs: 300 }, compare: { activations: ['relu'], replicas: 2 } });
    const out = path.join(tmp(), 'comparisons', 'unreachable');
    await expect(runCompare(unreachable, { out })).rejects.toThrow();
    expect(existsSync(path.join(tmp(), 'comparisons'))).toBe(false);
  }, TRAINING_TIMEOUT);

  it(
    'start a run killed before its first checkpoint again from the beginning, to the results of an uninterrupted run',
    async () => {
      const config = smallConfig({ training: { order: 'replay', checkpointEvery: 10 } });
      const whole = await runSingle(config, path.join(tmp(), 'whole'));
      const killed = path.join(tmp(), 'killed');
      startRunDirectory(killed, config, 0);
      const resumed = await resumeSingle(killed);
      expect(resumed.metrics).toEqual(whole.metrics);
      expect(existsSync(path.join(killed, 'metrics.json'))).toBe(true);
    },
    TRAINING_TIMEOUT,
  );
});
