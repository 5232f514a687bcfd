import { describe, expect, it } from 'vitest';
import { jsonDocument } from '../src/results.js';
import { benchResult, modelResult, nativeRoofline } from './fixture.js';

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

  it('has the native roofline by thread count, and its peak, only when PyTorch measured it', () => {
    const result = benchResult([modelResult('a', { churnlab1: 6, torch1: 20 })]);
    const doc = jsonDocument({ ...result, nativeRooflines: [nativeRoofline(1, 100), nativeRoofline(2, 180, 190)] });
    expect(doc['nativeRooflineGflops']).toEqual({ '1': 100, '2': 180 });
    expect(doc['nativeRooflinePeak']).toEqual({ '1': { size: 1024, gflops: 100 }, '2': { size: 2048, gflops: 190 } });
    expect(doc['rooflineGflops']).toBe(30);
    expect(jsonDocument(result)).not.toHaveProperty('nativeRooflineGflops');
    expect(jsonDocument(result)).not.toHaveProperty('nativeRooflinePeak');
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
