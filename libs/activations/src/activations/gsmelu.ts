import { tf } from '@churnlab/tensor';
import { makeActivation, type Activation } from '../activation.js';
import type { SpecOf } from '../spec.js';
import { ramp, rampIntegral } from './ramp.js';

/** Generalised SmeLU: slope ramps from gneg at −alpha to gpos at beta and f(−alpha) = t; spec gsmelu:alpha=…,beta=…,gneg=…,gpos=…,t=… (defaults 1, 1, 0, 1, 0). */
export function gsmelu(spec: SpecOf<'gsmelu'>): Activation {
  const { alpha, beta, gneg, gpos, t } = spec.params;
  const rise = gpos - gneg;
  const width = alpha + beta;
  return makeActivation(spec, {
    forward: (x) => tf.add(tf.add(tf.mul(tf.add(x, alpha), gneg), t), tf.mul(rampIntegral(x, -alpha, beta), rise)),
    derivative: (x) => tf.add(tf.mul(ramp(x, -alpha, beta), rise), gneg),
    // Written piecewise (line, parabola, line), independently of the clip form the tensor ops use.
    reference: {
      f: (x) => {
        const line = t + gneg * (x + alpha);
        if (x <= -alpha) return line;
        if (x >= beta) return line + rise * (width / 2 + (x - beta));
        return line + (rise * (x + alpha) ** 2) / (2 * width);
      },
      df: (x) => gneg + rise * Math.min(Math.max((x + alpha) / width, 0), 1),
    },
  });
}
