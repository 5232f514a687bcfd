import { geluSpec } from './specs/gelu.js';
import { gsmeluSpec } from './specs/gsmelu.js';
import { reluSpec } from './specs/relu.js';
import { betaSpec } from './specs/beta.js';
import { SpecReader } from './spec-reader.js';

// This module is the tensor-free entry `@churnlab/activations/spec`: a coordinator validates and names activations with
// it without loading tfjs; only threads that compute load the ops, through the main entry.
export { ActivationSpecError } from './spec-error.js';

/** A parsed activation spec with its parameters, named by the activation it selects. */
interface Parsed<Name extends string, Params extends Record<string, number | string>> {
  readonly name: Name;
  /** The canonical spelling: equal specs are equal strings (smelu:1 and smelu:1.0 alike). */
  readonly spec: string;
  readonly params: Readonly<Params>;
}

/** What a spec such as 'smelu:0.5' selects, without the tensor ops: all that validating a config or naming a run needs. */
export type ActivationSpec =
  | Parsed<'relu', Record<string, never>>
  | Parsed<'smelu', { beta: number }>
  | Parsed<'swish', { beta: number }>
  | Parsed<'softplus', { beta: number }>
  | Parsed<'gsmelu', { alpha: number; beta: number; gneg: number; gpos: number; t: number }>
  | Parsed<'gelu', { approximation: 'erf' | 'tanh' }>;

/** The parsed spec of the activation called `name`. */
export type SpecOf<Name extends ActivationSpec['name']> = Extract<ActivationSpec, { name: Name }>;

// Each activation's grammar, by name; the tensor ops that each spec selects are in activations/, behind parseActivation.
const grammars = new Map<string, (reader: SpecReader) => ActivationSpec>([
  ['relu', reluSpec],
  ['smelu', (reader) => betaSpec('smelu', reader, 'SmeLU with beta = 0 is ReLU: write "relu"')],
  ['gsmelu', gsmeluSpec],
  ['gelu', geluSpec],
  ['swish', (reader) => betaSpec('swish', reader)],
  ['softplus', (reader) => betaSpec('softplus', reader)],
]);

/** Parses a spec such as 'relu', 'smelu:0.5', 'gelu:tanh' or 'gsmelu:alpha=0.5,gneg=0.1', or throws ActivationSpecError; loads no tensor library. */
export function parseActivationSpec(text: string): ActivationSpec {
  const reader = new SpecReader(text);
  const grammar = grammars.get(reader.name);
  if (!grammar) throw reader.error(`unknown activation "${reader.name}" (known: ${activationNames().join(', ')})`);
  const parsed = grammar(reader);
  reader.finish();
  return parsed;
}

/** The names of all registered activations. */
export function activationNames(): string[] {
  return [...grammars.keys()];
}
