import type { ActivationSpec } from '../spec.js';
import type { SpecReader } from '../spec-reader.js';

/** gelu (the exact erf form) or gelu:tanh (the tanh approximation). */
export function geluSpec(reader: SpecReader): ActivationSpec {
  const tanh = reader.word(['tanh'], 'write gelu for the exact erf form or gelu:tanh for the tanh approximation') === 'tanh';
  return { name: 'gelu', spec: tanh ? 'gelu:tanh' : 'gelu', params: { approximation: tanh ? 'tanh' : 'erf' } };
}
