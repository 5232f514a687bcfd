import { parseActivationSpec } from '@churnlab/activations/spec';
import { gradientPrecision, orderPolicy, parameterPrecision, parseDelay, parseFault } from '@churnlab/ps';
import { replicaSources } from './replica-sources.js';
import { parseShuffle } from './shuffle-spec.js';

/** The text-valued knobs (the nondeterminism sources, and the activation) and the parser that checks each; a parser throws an error naming the value and what is allowed. */
export const knobParsers = {
  order: (text: string) => void orderPolicy(text),
  shuffle: (text: string) => void parseShuffle(text),
  delay: (text: string) => void parseDelay(text),
  gradPrecision: (text: string) => void gradientPrecision(text),
  paramPrecision: (text: string) => void parameterPrecision(text),
  fault: (text: string) => void parseFault(text),
  activation: (text: string) => void parseActivationSpec(text),
  vary: (text: string) => {
    if (!(replicaSources as readonly string[]).includes(text)) throw new RangeError(`vary: "${text}" is unknown; expected any of ${replicaSources.join(', ')}`);
  },
} as const;

export type Knob = keyof typeof knobParsers;

/** The parser's message without its own field prefix, so callers can name the field or flag the value came from. */
export function knobProblem(knob: Knob, text: string): string | undefined {
  try {
    knobParsers[knob](text);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^[\w-]+: /, '');
  }
}
