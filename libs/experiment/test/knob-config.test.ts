import { describe, expect, it } from 'vitest';
import { knobProblem, resolveConfig } from '../src/index.js';
import { expectConfigError } from './helpers.js';

describe('resolveConfig reads the nondeterminism knobs', () => {
  it('accepts every order policy, ssp:K included', () => {
    for (const order of ['sync', 'sync-arrival', 'async', 'ssp:0', 'ssp:3', 'replay']) expect(resolveConfig({ training: { order } }).training.order).toBe(order);
  });

  it('accepts the shuffle, delay, shard, precision and vary settings', () => {
    const config = resolveConfig({
      vary: ['order', 'shuffle', 'init', 'numeric', 'delay'],
      training: { shuffle: 'window:500', delay: 'lag:1=20', psShards: 4, gradPrecision: 'bfloat16', paramPrecision: 'float16', order: 'async' },
      compare: { workers: [1, 2, 4, 8] },
    });
    expect(config.training).toMatchObject({ shuffle: 'window:500', delay: 'lag:1=20', psShards: 4, gradPrecision: 'bfloat16', paramPrecision: 'float16' });
    expect(config.vary).toEqual(['order', 'shuffle', 'init', 'numeric', 'delay']);
    expect(config.compare.workers).toEqual([1, 2, 4, 8]);
  });
});

describe('resolveConfig rejects bad knob values, naming the field, the value and what is allowed', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown order', { training: { order: 'fifo' } }, ['training.order', '"fifo"', 'sync, sync-arrival, async, replay, ssp:K']],
    ['ssp with a negative bound', { training: { order: 'ssp:-1' } }, ['training.order', '"ssp:-1"', 'ssp:K']],
    ['a shuffle window of 0', { training: { shuffle: 'window:0' } }, ['training.shuffle', '"window:0"', 'none, window:W (a shuffle buffer of W examples, W ≥ 1) or full']],
    ['an unknown shuffle', { training: { shuffle: 'random' } }, ['training.shuffle', '"random"']],
    ['a delay in an unknown form', { training: { delay: 'lag:1' } }, ['training.delay', '"lag:1"', 'lag:WORKER=MS']],
    ['a delay with replay', { training: { order: 'replay', delay: 'jitter:5' } }, ['training.delay', '"jitter:5"', 'replay', 'expected "none"']],
    ['zero server shards', { training: { psShards: 0 } }, ['training.psShards', '0']],
    ['an unknown gradient precision', { training: { gradPrecision: 'float8' } }, ['training.gradPrecision', '"float8"', 'float32', 'bfloat16', 'float16', 'int8']],
    ['int8 parameters', { training: { paramPrecision: 'int8' } }, ['training.paramPrecision', '"int8"', 'float32', 'bfloat16', 'float16']],
    ['an unknown varied source', { vary: ['order', 'weather'] }, ['vary.1', '"weather"', 'order', 'shuffle', 'init']],
    ['a compared worker count above the micro-shards', { compare: { workers: [1, 16] } }, ['compare.workers[1]', '16', 'training.microShards (8)']],
  ])('%s', (_, input, fragments) => {
    expectConfigError(() => resolveConfig(input), ...fragments);
  });
});

describe('knobProblem', () => {
  it('is undefined for a value the knob accepts, the activation among them', () => {
    expect(knobProblem('activation', 'smelu:1')).toBeUndefined();
    expect(knobProblem('order', 'ssp:2')).toBeUndefined();
  });

  it("gives the parser's message without its field prefix, so that a caller can name the flag or field", () => {
    expect(knobProblem('activation', 'selu')).toBe('invalid activation spec "selu": unknown activation "selu" (known: relu, smelu, gsmelu, gelu, swish, softplus)');
    expect(knobProblem('order', 'lifo')).toMatch(/^"lifo" is unknown; expected one of /);
  });
});
