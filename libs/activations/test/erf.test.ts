import { describe, expect, it } from 'vitest';
import { erf, erfc } from '../src/scalar/erf.js';

// mpmath with 40 significant digits, rounded to the nearest double.
const KNOWN: [x: number, erf: number, erfc: number][] = [
  [0, 0, 1],
  [0.1, 0.1124629160182849, 0.8875370839817152],
  [0.5, 0.5204998778130465, 0.4795001221869535],
  [1, 0.8427007929497149, 0.15729920705028513],
  [1.4, 0.9522851197626488, 0.04771488023735119],
  [1.5, 0.9661051464753108, 0.033894853524689274],
  [2, 0.9953222650189527, 0.004677734981047266],
  [3, 0.9999779095030014, 2.209049699858544e-5],
  [4, 0.9999999845827421, 1.541725790028002e-8],
  [6, 1, 2.1519736712498913e-17],
  [10, 1, 2.088487583762545e-45],
  [26, 1, 5.663192408856143e-296],
];

describe('erf and erfc', () => {
  it.each(KNOWN)('at x = %s match high-precision values', (x, erfValue, erfcValue) => {
    expect(Math.abs(erf(x) - erfValue)).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(erf(-x) + erfValue)).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(erfc(x) - erfcValue)).toBeLessThanOrEqual(1e-14 * erfcValue);
    expect(Math.abs(erfc(-x) - (2 - erfcValue))).toBeLessThanOrEqual(1e-15);
  });

  it('is continuous where the series hands over to the continued fraction', () => {
    const below = 1.5 - 1e-12;
    expect(Math.abs(erf(below) - erf(1.5))).toBeLessThan(1e-15 + 1e-12);
    expect(Math.abs(erfc(below) - erfc(1.5))).toBeLessThan(1e-15 + 1e-12);
  });

  it('reaches ±1 and 0 at the infinities', () => {
    expect([erf(Infinity), erf(-Infinity), erfc(Infinity), erfc(-Infinity)]).toEqual([1, -1, 0, 2]);
  });
});
