import { describe, expect, it } from 'vitest';
import { jsonDocument } from '../src/results.js';
import { benchResult, modelResult } from './fixture.js';

describe('the --json document', () => {
  it('has the roofline, the coordinator share of model a and every measured run', () => {
    const doc = jsonDocument(benchResult([modelResult('a', { churnlab1: 6, churnlab2Sync: 9, tfjsCpu: 0.25, torch1: 20 }, 0.04), modelResult('b', { churnlab1: 50 })]));
    expect(doc['rooflineGflops']).toBe(30);
    expect(doc['coordinatorShare']).toBe(0.04);
    const models = doc['models'] as Record<string, Record<string, { stepsPerSec: number; gflops: number }>>;
    expect(Object.keys(models)).toEqual(['a', 'b']);
    expect(Object.keys(models['a']!)).toEqual(['churnlab1', 'churnlab2Sync', 'tfjsCpu', 'torch1']);
    expect(models['a']!['churnlab1']).toMatchObject({ stepsPerSec: 6, gflops: 6 * 2.417491968 });
  });

  it('leaves out runs and models that could not run, and the share when model a did not run', () => {
    const doc = jsonDocument(benchResult([modelResult('b', { churnlab1: 50, torch1: undefined }), modelResult('c', {})], ['model c: needs embedding support']));
    expect(doc).not.toHaveProperty('coordinatorShare');
    const models = doc['models'] as Record<string, Record<string, unknown>>;
    expect(Object.keys(models)).toEqual(['b']);
    expect(Object.keys(models['b']!)).toEqual(['churnlab1']);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
