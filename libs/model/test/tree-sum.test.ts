import { describe, expect, it } from 'vitest';
import { treeReduce, treeSum } from '../src/index.js';

const vectors = (count: number, length: number, seed: number) =>
  Array.from({ length: count }, (_, v) => Float32Array.from({ length }, (_, i) => Math.sin(seed * 1000 + v * 97 + i * 13) * 10 ** ((v + i) % 7 - 3)));
const copy = (xs: Float32Array[]) => xs.map((x) => new Float32Array(x));

describe('treeSum', () => {
  it('adds pairwise in a fixed tree: ((a+b)+(c+d))', () => {
    const out = treeSum([Float32Array.of(1), Float32Array.of(2), Float32Array.of(3), Float32Array.of(4)]);
    expect(Array.from(out)).toEqual([10]);
  });

  it('rounds like the tree, not like a left-to-right loop', () => {
    // In float32, 1 + 2^-24 rounds back to 1, but (2^-24 + 2^-24) survives: the order decides the result.
    const tiny = 2 ** -24;
    const leaves = [Float32Array.of(1), Float32Array.of(0), Float32Array.of(tiny), Float32Array.of(tiny)];
    const sequential = Math.fround(Math.fround(Math.fround(1 + 0) + tiny) + tiny);
    expect(sequential).toBe(1);
    expect(treeSum(copy(leaves))[0]).toBe(Math.fround(1 + 2 * tiny));
  });

  it.each([1, 2, 4, 8])('summing aligned subtrees on %i workers, then the workers, is bit-identical to the whole tree', (workers) => {
    const leaves = vectors(8, 257, 3);
    const whole = new Float32Array(treeSum(copy(leaves)));
    const per = 8 / workers;
    const partials = Array.from({ length: workers }, (_, w) => new Float32Array(treeSum(copy(leaves.slice(w * per, (w + 1) * per)))));
    expect(treeSum(partials)).toEqual(whole);
  });

  it('refuses an empty list', () => {
    expect(() => treeSum([])).toThrow(RangeError);
  });
});

describe('treeReduce', () => {
  const shape = (count: number) => treeReduce(count, String, (a, b) => `(${a}+${b})`);

  it('splits each node at ⌈n/2⌉, left half first', () => {
    expect(shape(1)).toBe('0');
    expect(shape(3)).toBe('((0+1)+2)');
    expect(shape(5)).toBe('(((0+1)+2)+(3+4))');
    expect(shape(8)).toBe('(((0+1)+(2+3))+((4+5)+(6+7)))');
  });

  it('makes the leaves in order, each once, with at most one alive per tree level', () => {
    const made: number[] = [];
    let alive = 0;
    let mostAlive = 0;
    treeReduce(
      16,
      (i) => {
        made.push(i);
        mostAlive = Math.max(mostAlive, ++alive);
        return i;
      },
      (a, b) => {
        alive--;
        return a + b;
      },
    );
    expect(made).toEqual([...Array(16).keys()]);
    expect(mostAlive).toBe(5);
  });

  it('refuses zero leaves', () => {
    expect(() => treeReduce(0, String, (a, b) => a + b)).toThrow(RangeError);
  });
});
