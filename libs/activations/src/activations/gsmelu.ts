import { tf } from '@churnlab/tensor';
import { makeActivation, type Activation } from '../activation.js';
import { formatNumber, SMOOTHING_RANGE, smoothingInRange, type SpecReader } from '../spec-reader.js';
import { ramp, rampIntegral } from './ramp.js';

/** Generalised SmeLU: slope ramps from gneg at −alpha to gpos at beta and f(−alpha) = t; spec gsmelu:alpha=…,beta=…,gneg=…,gpos=…,t=… (defaults 1, 1, 0, 1, 0). */
export function gsmelu(reader: SpecReader): Activation {
  const alpha = reader.number('alpha', 1);
  const beta = reader.number('beta', 1);
  const gneg = reader.number('gneg', 0);
  const gpos = reader.number('gpos', 1);
  const t = reader.number('t', 0);
  if (alpha < 0 || beta < 0 || !smoothingInRange(alpha + beta)) {
    const values = `alpha = ${formatNumber(alpha)}, beta = ${formatNumber(beta)}`;
    const range = `${formatNumber(SMOOTHING_RANGE.min)} to ${formatNumber(SMOOTHING_RANGE.max)}`;
    throw reader.error(`${values} is not allowed (alpha and beta must be ≥ 0 with alpha + beta from ${range})`);
  }
  const params = { alpha, beta, gneg, gpos, t };
  const spec = `gsmelu:${Object.entries(params).map(([key, value]) => `${key}=${formatNumber(value)}`).join(',')}`;
  const rise = gpos - gneg;
  const width = alpha + beta;
  return makeActivation({
    name: 'gsmelu',
    spec,
    params,
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
