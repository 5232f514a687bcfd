import { describe, expect, it } from 'vitest';
import { otherCores } from '../src/machine.js';

describe('otherCores', () => {
  it('is the machine busy time minus ours, over the wall time, in cores', () => {
    // 10 s of wall time; the machine was busy 1500 ticks (15 core-seconds), of which 500 ticks (5 s) were ours.
    const start = { machineTicks: 10_000, ownTicks: 200, wallMs: 1_000 };
    const end = { machineTicks: 11_500, ownTicks: 700, wallMs: 11_000 };
    expect(otherCores(start, end)).toBeCloseTo(1, 12);
  });

  it('is never negative, whatever the tick rounding', () => {
    expect(otherCores({ machineTicks: 0, ownTicks: 0, wallMs: 0 }, { machineTicks: 99, ownTicks: 100, wallMs: 1000 })).toBe(0);
  });
});
