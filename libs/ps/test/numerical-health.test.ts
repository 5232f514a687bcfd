import { describe, expect, it } from 'vitest';
import { checkHealth, healthChecked, NumericalHealthError, type GradientResult, type GradientWorkers } from '../src/index.js';

const ok: GradientResult = { step: 4, worker: 2, versionRead: 3, lossSum: 1.5, rows: 8 };

describe('numerical health', () => {
  it('passes a finite result and stops a non-finite gradient or loss, naming step, worker and parameter', () => {
    expect(checkHealth(ok)).toBe(ok);
    expect(() => checkHealth({ ...ok, firstNonFinite: 17 })).toThrow('step 4, worker 2: the gradient is not finite (first at parameter 17)');
    expect(() => checkHealth({ ...ok, lossSum: Number.NaN })).toThrow('step 4, worker 2: the loss is not finite');
    expect(() => checkHealth({ ...ok, lossSum: Number.POSITIVE_INFINITY })).toThrow(NumericalHealthError);
  });

  it('rejects the compute of a checked worker set instead of returning a bad result', async () => {
    const results = [ok, { ...ok, step: 5, firstNonFinite: 3 }];
    const workers: GradientWorkers = { count: 1, compute: async () => results.shift()! };
    const checked = healthChecked(workers);
    expect(checked.count).toBe(1);
    await expect(checked.compute({ step: 4, worker: 2, microShards: [], firstMicroShard: 0, scale: 1 })).resolves.toBe(ok);
    await expect(checked.compute({ step: 5, worker: 2, microShards: [], firstMicroShard: 0, scale: 1 })).rejects.toMatchObject({ step: 5, worker: 2, what: 'gradient', index: 3 });
  });
});
