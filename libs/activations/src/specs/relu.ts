import type { ActivationSpec } from '../spec.js';

/** relu takes no parameters. */
export function reluSpec(): ActivationSpec {
  return { name: 'relu', spec: 'relu', params: {} };
}
