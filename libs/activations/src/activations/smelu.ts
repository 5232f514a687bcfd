import { makeActivation, type Activation } from '../activation.js';
import type { SpecOf } from '../spec.js';
import { ramp, rampIntegral } from './ramp.js';

/** SmeLU: 0 for x ≤ −β, (x + β)²/(4β) for |x| ≤ β, x for x ≥ β; spec smelu:β (default β = 1). */
export function smelu(spec: SpecOf<'smelu'>): Activation {
  const { beta } = spec.params;
  return makeActivation(spec, {
    forward: (x) => rampIntegral(x, -beta, beta),
    derivative: (x) => ramp(x, -beta, beta),
    // Written piecewise as DESIGN §1 states it, independently of the clip form the tensor ops use.
    reference: {
      f: (x) => (x <= -beta ? 0 : x >= beta ? x : (x + beta) ** 2 / (4 * beta)),
      df: (x) => Math.min(Math.max((x + beta) / (2 * beta), 0), 1),
    },
  });
}
