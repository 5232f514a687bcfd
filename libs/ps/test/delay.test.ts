import { seedStream } from '@churnlab/random';
import { describe, expect, it } from 'vitest';
import { delayMs, formatDelay, parseDelay } from '../src/index.js';

const stream = seedStream(3, 'delay');

describe('parseDelay', () => {
  it('reads none, a per-worker lag and a jitter bound', () => {
    expect(parseDelay('none')).toEqual({ kind: 'none' });
    expect(parseDelay('lag:1=20,3=5.5')).toEqual({ kind: 'lag', ms: { 1: 20, 3: 5.5 } });
    expect(parseDelay('jitter:10')).toEqual({ kind: 'jitter', maxMs: 10 });
  });

  it.each(['', 'lag', 'lag:', 'lag:1', 'lag:x=3', 'lag:1=-2', 'lag:1=2,1=3', 'jitter:', 'jitter:-1', 'jitter:1e3', 'jitter:60001', 'none:1', 'wait:5'])(
    'refuses "%s", naming it and the accepted forms',
    (text) => {
      expect(() => parseDelay(text)).toThrow(`delay: "${text}" is not allowed; expected none, lag:WORKER=MS[,WORKER=MS…] or jitter:MAX_MS`);
    },
  );

  it.each(['none', 'lag:0=1,2=30', 'jitter:7.5'])('formatDelay gives "%s" back as parseDelay reads it', (text) => {
    expect(formatDelay(parseDelay(text))).toBe(text);
  });
});

describe('delayMs', () => {
  it('is 0 without a delay, and the fixed lag of each worker (0 for unlisted workers) with one', () => {
    expect(delayMs({ kind: 'none' }, stream, 4, 1)).toBe(0);
    const lag = parseDelay('lag:1=20');
    expect([0, 1, 2].map((w) => delayMs(lag, stream, 9, w))).toEqual([0, 20, 0]);
  });

  it('draws jitter in [0, max) as a pure function of (seed, step, worker)', () => {
    const jitter = parseDelay('jitter:10');
    const draws = Array.from({ length: 200 }, (_, step) => delayMs(jitter, stream, step, 1));
    expect(draws.every((ms) => ms >= 0 && ms < 10)).toBe(true);
    expect(new Set(draws).size).toBe(200);
    expect(draws.map((_, step) => delayMs(jitter, seedStream(3, 'delay'), step, 1))).toEqual(draws);
    expect(delayMs(jitter, seedStream(4, 'delay'), 0, 1)).not.toBe(draws[0]);
    // Roughly uniform: the mean of 200 draws of U[0, 10) is 5 ± 0.2·5σ.
    expect(Math.abs(draws.reduce((a, b) => a + b) / 200 - 5)).toBeLessThan(1.1);
  });
});
