import type { LabelSpec } from './csv-source.js';

/** Turns a label cell into its target: 0/1 for a binary label (outputs 1), the class index for K classes (outputs K). */
export interface LabelDecoder {
  outputs: number;
  /** The target of a trimmed label value, or undefined when the value is not an allowed label. */
  decode(value: string): number | undefined;
  /** What an allowed label value is, for error messages. */
  expected: string;
}

/** The decoder of `spec`; `missing` values are never labels unless listed explicitly. */
export function labelDecoder(spec: LabelSpec, missing: readonly string[]): LabelDecoder {
  const missingSet = new Set(missing);
  const quoted = (values: string[]) => values.map((v) => JSON.stringify(v)).join(', ');
  if ('classes' in spec) {
    const index = new Map(spec.classes.map((c, k) => [c, k]));
    return { outputs: spec.classes.length, decode: (v) => index.get(v), expected: `a class, one of ${quoted(spec.classes)}` };
  }
  const positive = new Set(spec.positive);
  const negative = spec.negative && new Set(spec.negative);
  if (negative) {
    return {
      outputs: 1,
      decode: (v) => (positive.has(v) ? 1 : negative.has(v) ? 0 : undefined),
      expected: `a positive label (${quoted(spec.positive)}) or a negative one (${quoted(spec.negative!)})`,
    };
  }
  return {
    outputs: 1,
    decode: (v) => (positive.has(v) ? 1 : missingSet.has(v) ? undefined : 0),
    expected: `a label that is not missing: positive ${quoted(spec.positive)}, anything else negative`,
  };
}
