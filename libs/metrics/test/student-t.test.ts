import { describe, expect, it } from 'vitest';
import { studentTQuantile } from '../src/student-t.js';

describe('studentTQuantile', () => {
  it('matches the closed forms for df = 1 (Cauchy) and df = 2 to 1e-11 relative', () => {
    const expectNear = (actual: number, exact: number) => expect(Math.abs(actual - exact)).toBeLessThanOrEqual(1e-11 * exact);
    for (const p of [0.5, 0.6, 0.9, 0.975, 0.995, 0.9999]) {
      expectNear(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)));
      expectNear(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)));
    }
  });

  it('matches the printed table of t₀.₉₇₅', () => {
    const table: [number, number][] = [
      [1, 12.7062],
      [2, 4.3027],
      [3, 3.1824],
      [4, 2.7764],
      [10, 2.2281],
      [30, 2.0423],
      [120, 1.9799],
    ];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 4);
  });

  it('approaches the normal quantile 1.959964 as df grows', () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 6);
  });
});
