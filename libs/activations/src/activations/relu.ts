import { tf } from '@churnlab/tensor';
import { makeActivation, type Activation } from '../activation.js';
import type { SpecOf } from '../spec.js';

/** ReLU max(x, 0), with f'(0) = 0. */
export function relu(spec: SpecOf<'relu'>): Activation {
  return makeActivation(spec, {
    forward: (x) => tf.relu(x),
    // step(x) is 1 for x > 0 and 0 otherwise, so f'(0) = 0 as DESIGN §1 fixes it.
    derivative: (x) => tf.step(x),
    reference: {
      f: (x) => Math.max(x, 0),
      df: (x) => (x > 0 ? 1 : 0),
    },
  });
}
