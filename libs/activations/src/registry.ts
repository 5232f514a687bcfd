import type { Activation } from './activation.js';
import { SpecReader } from './spec-reader.js';
import { relu } from './activations/relu.js';
import { smelu } from './activations/smelu.js';
import { gsmelu } from './activations/gsmelu.js';
import { gelu } from './activations/gelu.js';
import { swish } from './activations/swish.js';
import { softplus } from './activations/softplus.js';

type ActivationFactory = (reader: SpecReader) => Activation;

const registry = new Map<string, ActivationFactory>([
  ['relu', relu],
  ['smelu', smelu],
  ['gsmelu', gsmelu],
  ['gelu', gelu],
  ['swish', swish],
  ['softplus', softplus],
]);

/** Parses a spec such as 'relu', 'smelu:0.5', 'gelu:tanh' or 'gsmelu:alpha=0.5,gneg=0.1' into its Activation, or throws ActivationSpecError. */
export function parseActivation(spec: string): Activation {
  const reader = new SpecReader(spec);
  const factory = registry.get(reader.name);
  if (!factory) throw reader.error(`unknown activation "${reader.name}" (known: ${activationNames().join(', ')})`);
  const activation = factory(reader);
  reader.finish();
  return activation;
}

/** The names of all registered activations. */
export function activationNames(): string[] {
  return [...registry.keys()];
}
