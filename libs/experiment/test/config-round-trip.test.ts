import fc from 'fast-check';
import { stringify as toYaml, parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/index.js';

/** Config inputs that are valid by construction: each field optional, values drawn from what the schema allows. */
const configInput = fc.record(
  {
    seed: fc.nat({ max: 2 ** 31 }),
    replica: fc.nat({ max: 7 }),
    vary: fc.subarray(['order', 'shuffle', 'init', 'numeric', 'delay'] as const, { minLength: 1 }),
    model: fc.record({ hidden: fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 3 }), activation: fc.constantFrom('relu', 'smelu:0.5', 'gelu:tanh', 'swish:1', 'softplus:2'), layerNorm: fc.boolean() }, { requiredKeys: [] }),
    training: fc.record(
      {
        epochs: fc.integer({ min: 1, max: 9 }),
        workers: fc.integer({ min: 1, max: 8 }),
        order: fc.constantFrom('sync', 'sync-arrival', 'async', 'ssp:0', 'ssp:3', 'replay'),
        psShards: fc.integer({ min: 1, max: 16 }),
        shuffle: fc.constantFrom('none', 'full', 'window:1', 'window:500'),
        gradPrecision: fc.constantFrom('float32', 'bfloat16', 'float16', 'int8'),
        paramPrecision: fc.constantFrom('float32', 'bfloat16', 'float16'),
        optimizer: fc.record({ name: fc.constantFrom('sgd', 'momentum', 'adagrad', 'adam'), learningRate: fc.double({ min: 1e-6, max: 1, noNaN: true }) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
    compare: fc.record({ activations: fc.array(fc.constantFrom('relu', 'smelu:1', 'gelu'), { minLength: 1, maxLength: 3 }), replicas: fc.integer({ min: 2, max: 9 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

describe('config round trip (property)', () => {
  it('parse → print as JSON → parse gives the same config', () => {
    fc.assert(
      fc.property(configInput, (input) => {
        const config = resolveConfig(input);
        expect(resolveConfig(JSON.parse(JSON.stringify(config)))).toEqual(config);
      }),
      { numRuns: 200 },
    );
  });

  it('parse → print as YAML → parse gives the same config', () => {
    fc.assert(
      fc.property(configInput, (input) => {
        const config = resolveConfig(input);
        expect(resolveConfig(parseYaml(toYaml(config)))).toEqual(config);
      }),
      { numRuns: 200 },
    );
  });

  it('printing a resolved config and resolving it again is a fixed point (no field drifts to another default)', () => {
    fc.assert(
      fc.property(configInput, (input) => {
        const once = JSON.stringify(resolveConfig(input));
        expect(JSON.stringify(resolveConfig(JSON.parse(once)))).toBe(once);
      }),
      { numRuns: 100 },
    );
  });
});
