import { describe, expect, it } from 'vitest';
import { tf } from '../src/index.js';

describe('gradient registrations', () => {
  it.each(['Relu', 'Sigmoid', 'Add', 'Multiply', 'Sub', 'Sum', 'Mean', 'Log', 'Exp', 'Tanh', 'Erf', 'Softplus', 'ClipByValue', 'Transpose', 'BatchMatMul'])(
    'has a gradient for %s',
    (kernel) => {
      expect(tf.getGradient(kernel)).toBeDefined();
    },
  );
});
