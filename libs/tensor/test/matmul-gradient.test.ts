import { beforeAll, describe, expect, it } from 'vitest';
import { initWasmBackend, loadStockGradients, tf } from '../src/index.js';

/** Gradient of sum(w ⊙ op(a)·op(b)) by central differences, in float64 on plain arrays. */
function numericGrad(a: number[][], b: number[][], w: number[][], ta: boolean, tb: boolean, which: 'a' | 'b'): number[][] {
  const op = (m: number[][], t: boolean) => (t ? m[0]!.map((_, j) => m.map((row) => row[j]!)) : m);
  const f = () => {
    const A = op(a, ta), B = op(b, tb);
    let s = 0;
    for (let i = 0; i < A.length; i++)
      for (let j = 0; j < B[0]!.length; j++) {
        let d = 0;
        for (let k = 0; k < B.length; k++) d += A[i]![k]! * B[k]![j]!;
        s += w[i]![j]! * d;
      }
    return s;
  };
  const target = which === 'a' ? a : b;
  return target.map((row, i) =>
    row.map((_, j) => {
      const h = 1e-4, saved = target[i]![j]!;
      target[i]![j] = saved + h; const up = f();
      target[i]![j] = saved - h; const down = f();
      target[i]![j] = saved;
      return (up - down) / (2 * h);
    }),
  );
}

describe('transpose-free matMul gradient', () => {
  beforeAll(async () => {
    await initWasmBackend();
    // tf.grad of a loss through the matMul needs tfjs's gradients of the ops around it.
    await loadStockGradients();
  });

  const a = [[1, -2, 0.5], [0.25, 3, -1]];
  const b = [[2, 0], [-1, 1], [0.5, -0.5]];
  const cases: Array<[boolean, boolean, number[][], number[][]]> = [
    [false, false, a, b],
    [true, false, a[0]!.map((_, j) => a.map((r) => r[j]!)), b],
    [false, true, a, b[0]!.map((_, j) => b.map((r) => r[j]!))],
    [true, true, a[0]!.map((_, j) => a.map((r) => r[j]!)), b[0]!.map((_, j) => b.map((r) => r[j]!))],
  ];
  const w = [[1, -1], [0.5, 2]];

  it.each(cases)('transposeA=%s transposeB=%s matches finite differences', (ta, tb, av, bv) => {
    const [ga, gb] = tf.tidy(() => {
      const f = (x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.tensor2d(w), tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D, ta, tb)));
      return tf.grads(f)([tf.tensor2d(av), tf.tensor2d(bv)]).map((t) => t.arraySync() as number[][]);
    });
    const expectClose = (got: number[][], want: number[][]) =>
      got.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(want[i]![j]!, 3)));
    expectClose(ga!, numericGrad(av, bv, w, ta, tb, 'a'));
    expectClose(gb!, numericGrad(av, bv, w, ta, tb, 'b'));
  });

  it('the registered gradient multiplies without transpose flags', () => {
    const seen: Array<[boolean, boolean]> = [];
    const kernel = tf.getKernel('BatchMatMul', 'wasm')!;
    const original = kernel.kernelFunc;
    tf.unregisterKernel('BatchMatMul', 'wasm');
    tf.registerKernel({
      ...kernel,
      kernelFunc: (args) => {
        const attrs = args.attrs as { transposeA: boolean; transposeB: boolean };
        seen.push([attrs.transposeA, attrs.transposeB]);
        return original(args);
      },
    });
    try {
      tf.tidy(() => tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D)))([tf.tensor2d(a), tf.tensor2d(b)]));
    } finally {
      tf.unregisterKernel('BatchMatMul', 'wasm');
      tf.registerKernel(kernel);
    }
    expect(seen.length).toBe(3);
    expect(seen.every(([x, y]) => !x && !y)).toBe(true);
  });
});
