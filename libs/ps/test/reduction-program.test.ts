import { describe, expect, it } from 'vitest';
import { addInto } from '@churnlab/kernels';
import { sumWorkerBlocks } from '../src/index.js';
import { sumInOrder } from '../src/order/barrier.js';
import { recordReduction, runReduction } from '../src/order/reduction-program.js';

const slotsOf = (workers: number, length = 9) => Array.from({ length: workers }, (_, w) => Float32Array.from({ length }, (_, i) => Math.sin(w * 7.1 + i * 1.3) * 2 ** ((w + i) % 9 - 4)));
const bits = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');

describe('recordReduction and runReduction', () => {
  it.each([1, 2, 3, 5, 8])('replay the micro-shard tree of %i workers bit for bit, without adding while recording', (workers) => {
    const direct = slotsOf(workers);
    const expected = sumWorkerBlocks(direct, 8, addInto);
    const slots = slotsOf(workers);
    const untouched = slots.map(bits);
    const program = recordReduction(slots, (s, _arrival, _step, add) => ({ gradient: sumWorkerBlocks(s, 8, add), order: s.map((_, w) => w) }), [], 0);
    expect(slots.map(bits)).toEqual(untouched);
    expect(program.adds).toHaveLength(workers - 1);
    expect(bits(runReduction(slots, program, addInto))).toBe(bits(expected));
    expect(program.order).toEqual(Array.from({ length: workers }, (_, w) => w));
  });

  it('replay an arrival order, the sum landing in the first slot to arrive', () => {
    const order = [2, 0, 3, 1];
    const expected = sumInOrder(slotsOf(4), order, addInto);
    const slots = slotsOf(4);
    const program = recordReduction(slots, (s, arrival, _step, add) => ({ gradient: sumInOrder(s, arrival, add), order: arrival }), order, 3);
    expect(program).toEqual({ adds: [[2, 0], [2, 3], [2, 1]], result: 2, order });
    expect(bits(runReduction(slots, program, addInto))).toBe(bits(expected));
  });

  it('replay over ranges of the slots gives each range the bits of the whole replay', () => {
    const whole = slotsOf(5, 20);
    const program = recordReduction(whole, (s, _a, _t, add) => ({ gradient: sumWorkerBlocks(s, 8, add), order: [] }), [], 0);
    const expected = bits(runReduction(whole, program, addInto));
    const parts = slotsOf(5, 20);
    for (const [lo, hi] of [[0, 7], [7, 8], [8, 20]]) runReduction(parts.map((p) => p.subarray(lo, hi)), program, addInto);
    expect(bits(parts[program.result]!)).toBe(expected);
  });

  it('refuses a reduction that adds something other than the slots', () => {
    const slots = slotsOf(2);
    expect(() => recordReduction(slots, (s, _a, _t, add) => ({ gradient: add(new Float32Array(9), s[0]!), order: [] }), [], 0)).toThrow('recordReduction: the reduction added a vector that is not one of the slots');
  });
});
