import type { Activation } from './activation.js';
import { parseActivationSpec, type ActivationSpec } from './spec.js';
import { relu } from './activations/relu.js';
import { smelu } from './activations/smelu.js';
import { gsmelu } from './activations/gsmelu.js';
import { gelu } from './activations/gelu.js';
import { swish } from './activations/swish.js';
import { softplus } from './activations/softplus.js';

/** Parses a spec such as 'relu', 'smelu:0.5', 'gelu:tanh' or 'gsmelu:alpha=0.5,gneg=0.1' into its Activation, or throws ActivationSpecError. */
export function parseActivation(text: string): Activation {
  return activationOf(parseActivationSpec(text));
}

/** The tensor ops of a parsed spec: each activation file builds its own. */
function activationOf(spec: ActivationSpec): Activation {
  switch (spec.name) {
    case 'relu':
      return relu(spec);
    case 'smelu':
      return smelu(spec);
    case 'gsmelu':
      return gsmelu(spec);
    case 'gelu':
      return gelu(spec);
    case 'swish':
      return swish(spec);
    case 'softplus':
      return softplus(spec);
  }
}
