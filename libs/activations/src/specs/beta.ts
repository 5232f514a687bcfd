import type { ActivationSpec } from '../spec.js';
import { formatNumber, readBeta, type SpecReader } from '../spec-reader.js';

/** The one-parameter activations: name:β (default β = 1); `ifZero` explains what β = 0 would mean. */
export function betaSpec(name: 'smelu' | 'swish' | 'softplus', reader: SpecReader, ifZero?: string): ActivationSpec {
  const beta = readBeta(reader, ifZero);
  return { name, spec: `${name}:${formatNumber(beta)}`, params: { beta } };
}
