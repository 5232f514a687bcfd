import type { ActivationSpec } from '../spec.js';
import { formatNumber, SMOOTHING_RANGE, smoothingInRange, type SpecReader } from '../spec-reader.js';

/** gsmelu:alpha=…,beta=…,gneg=…,gpos=…,t=… (defaults 1, 1, 0, 1, 0), with alpha, beta ≥ 0 and alpha + beta in SMOOTHING_RANGE. */
export function gsmeluSpec(reader: SpecReader): ActivationSpec {
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
  return { name: 'gsmelu', spec: `gsmelu:${Object.entries(params).map(([key, value]) => `${key}=${formatNumber(value)}`).join(',')}`, params };
}
