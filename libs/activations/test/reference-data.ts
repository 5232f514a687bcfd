import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

interface ReferenceFile {
  x: number[];
  activations: Record<string, { f: number[]; df: number[] }>;
}

/** The shared float64 reference grid (DESIGN §1), read in place so the repo never holds a copy. */
export const reference: ReferenceFile = JSON.parse(
  readFileSync(new URL('../../../../shared/reference/activations.json', import.meta.url), 'utf8'),
) as ReferenceFile;

/** Every activation spec in the reference file. */
export const referenceSpecs = Object.keys(reference.activations);

/** Specs with parameters the reference file does not cover, checked against the scalar references instead. */
export const extraSpecs = [
  'smelu:0.01',
  'smelu:7',
  'gsmelu:alpha=2,beta=0.5,gneg=-0.2,gpos=1.5,t=0.3',
  'gsmelu:alpha=0,beta=1,gneg=0.5,gpos=0,t=-1',
  'swish:0.5',
  'softplus:0.25',
];

/** The reference values of one spec. */
export function referenceOf(spec: string): { f: number[]; df: number[] } {
  const entry = reference.activations[spec];
  if (!entry) throw new Error(`no reference values for ${spec}`);
  return entry;
}

/** Points halfway between the grid points: inside every piece, never on a knot or on ReLU's kink. */
export const midpoints = reference.x.slice(1).map((x, i) => (x + reference.x[i]!) / 2);

/** The reference file's stated tolerance for float32 implementations. */
export const FLOAT32_TOLERANCE = { rel: 1e-5, abs: 1e-6 };

/** The entries where `actual` is not within abs + rel·|expected| of `expected`; an empty list means all agree. */
export function mismatches(
  x: readonly number[],
  actual: ArrayLike<number>,
  expected: readonly number[],
  { rel, abs }: { rel: number; abs: number },
): { x: number; actual: number; expected: number }[] {
  expect(actual.length).toBe(expected.length);
  return expected
    .map((want, i) => ({ x: x[i]!, actual: actual[i]!, expected: want }))
    .filter(({ actual: got, expected: want }) => !(Math.abs(got - want) <= abs + rel * Math.abs(want)));
}

/** Central finite difference of f at x with step h. */
export function centralDifference(f: (x: number) => number, x: number, h = 1e-5): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}
