import { describe, expect, it } from 'vitest';
import { bfloat16Rounder } from '../../src/precision/bfloat16.js';
import { float16Rounder } from '../../src/precision/float16.js';
import { float32Rounder } from '../../src/precision/float32.js';
import { int8Rounder } from '../../src/precision/int8.js';
import { gradientPrecision, gradientPrecisionNames, parameterPrecision, parameterPrecisionNames } from '../../src/precision/registry.js';

describe('gradientPrecision', () => {
  it('lists float32 (the default) first, then the lower precisions', () => {
    expect(gradientPrecisionNames).toEqual(['float32', 'bfloat16', 'float16', 'int8']);
  });

  it('returns the rounder of each name, named as asked', () => {
    expect(gradientPrecisionNames.map(gradientPrecision)).toEqual([float32Rounder, bfloat16Rounder, float16Rounder, int8Rounder]);
    for (const name of gradientPrecisionNames) expect(gradientPrecision(name).name).toBe(name);
  });

  it.each(['fp16', 'Float16', '', 'int4'])('rejects %j with a RangeError naming the value and the allowed names', (name) => {
    expect(() => gradientPrecision(name)).toThrow(RangeError);
    expect(() => gradientPrecision(name)).toThrow(`grad-precision: "${name}" is unknown; expected one of float32, bfloat16, float16, int8`);
  });
});

describe('parameterPrecision', () => {
  it('offers the gradient precisions but int8, whose one scale over the whole vector would flatten every small parameter', () => {
    expect(parameterPrecisionNames).toEqual(['float32', 'bfloat16', 'float16']);
    expect(parameterPrecisionNames.map(parameterPrecision)).toEqual([float32Rounder, bfloat16Rounder, float16Rounder]);
  });

  it.each(['int8', 'fp16', ''])('rejects %j with a RangeError naming the value and the allowed names', (name) => {
    expect(() => parameterPrecision(name)).toThrow(`param-precision: "${name}" is unknown; expected one of float32, bfloat16, float16`);
  });
});
