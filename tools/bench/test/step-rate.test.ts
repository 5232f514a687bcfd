import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { median, stepRate, stepRateOfRounds, stepsFor, timedSeconds, timeLoop } from '../src/step-rate.js';

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

describe('stepRateOfRounds', () => {
  it('takes the median over the windows of every round and adds up the rounds\' steps and seconds', () => {
    // Round 1: 4 windows at 10 steps/s; round 2 (the machine slowed down): 4 windows at 5 steps/s; round 3: 2 at 10, 2 at 4.
    const round = (msPerStep: number[]) => {
      let t = 100;
      return { startMs: 100, stepEndsMs: msPerStep.flatMap((ms) => [(t += ms), (t += ms)]) };
    };
    const rate = stepRateOfRounds([round([100, 100, 100, 100]), round([200, 200, 200, 200]), round([100, 100, 250, 250])], 4);
    // Sorted window rates: 4 4 5 5 5 5 10 10 10 10 10 10: the median is 7.5 (the mean of 5 and 10).
    expect(rate.stepsPerSec).toBeCloseTo(7.5, 9);
    expect(rate.steps).toBe(24);
    expect(rate.seconds).toBeCloseTo(0.8 + 1.6 + 1.4, 9);
  });

  it('counts a round\'s seconds from its start to the end of its last step', () => {
    expect(timedSeconds({ startMs: 250, stepEndsMs: [300, 900, 1750] })).toBe(1.5);
  });

  it('is stepRate for one round, and refuses none', () => {
    const times = { startMs: 0, stepEndsMs: [100, 300, 400, 800, 900] };
    expect(stepRateOfRounds([times])).toEqual(stepRate(times));
    expect(() => stepRateOfRounds([])).toThrow(RangeError);
  });
});

describe('median and stepsFor', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('asks for enough steps to fill the budget, and at least the minimum', () => {
    expect(stepsFor(10, { warmupSteps: 1, warmupSeconds: 0, minSteps: 5, minSeconds: 3 })).toBe(30);
    expect(stepsFor(0.5, { warmupSteps: 1, warmupSeconds: 0, minSteps: 5, minSeconds: 3 })).toBe(5);
  });
});

describe('timeLoop', () => {
  /** Runs timeLoop over a step that takes about 2 ms and says when it was called and when each step started. */
  const run = async (warmupSteps: number, warmupSeconds: number) => {
    const calls: number[] = [];
    const calledAtMs = performance.now();
    const times = await timeLoop(async () => {
      calls.push(performance.now());
      await sleep(2);
    }, { warmupSteps, warmupSeconds, minSteps: 3, minSeconds: 0 });
    return { times, warmups: calls.filter((t) => t < times.startMs), calledAtMs };
  };

  it('warms up for its seconds when they outlast its steps, then times its steps', async () => {
    // Measured from before the call: the first step starts a little after timeLoop reads its clock.
    const { times, warmups, calledAtMs } = await run(1, 0.05);
    expect(times.startMs - calledAtMs).toBeGreaterThanOrEqual(50);
    expect(warmups.length).toBeGreaterThan(1);
    expect(times.stepEndsMs).toHaveLength(3);
  });

  it('warms up for its steps when they outlast its seconds', async () => {
    const { warmups } = await run(4, 0);
    expect(warmups).toHaveLength(4);
  });
});
