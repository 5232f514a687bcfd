import { describe, expect, it } from 'vitest';
import { median, stepRate, stepsFor } from '../src/step-rate.js';

describe('stepRate', () => {
  it('gives steps, seconds and the rate of an even run', () => {
    const ends = Array.from({ length: 10 }, (_, i) => 1000 + (i + 1) * 100);
    expect(stepRate({ startMs: 1000, stepEndsMs: ends })).toEqual({ steps: 10, seconds: 1, stepsPerSec: 10 });
  });

  it('takes the median over windows, so one slow stretch does not move it', () => {
    // 10 windows of 10 steps at 100 ms each, except one window where every step took 1 s.
    const ends: number[] = [];
    let t = 0;
    for (let w = 0; w < 10; w++) for (let s = 0; s < 10; s++) ends.push((t += w === 3 ? 1000 : 100));
    const rate = stepRate({ startMs: 0, stepEndsMs: ends }, 10);
    expect(rate.stepsPerSec).toBeCloseTo(10, 9);
    expect(rate.steps / rate.seconds).toBeCloseTo(100 / 19, 9);
  });

  it('uses fewer windows than asked when there are fewer steps', () => {
    expect(stepRate({ startMs: 0, stepEndsMs: [500, 1000] }, 5).stepsPerSec).toBe(2);
    expect(() => stepRate({ startMs: 0, stepEndsMs: [] })).toThrow(RangeError);
  });
});

describe('median and stepsFor', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('asks for enough steps to fill the budget, and at least the minimum', () => {
    expect(stepsFor(10, { warmupSteps: 1, minSteps: 5, minSeconds: 3 })).toBe(30);
    expect(stepsFor(0.5, { warmupSteps: 1, minSteps: 5, minSeconds: 3 })).toBe(5);
  });
});
