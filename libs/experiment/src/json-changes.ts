import { isMapping } from './json-shape.js';

/** One place where two JSON documents differ: its path (`training.workers`, `compare.activations[1]`) and both values. */
export interface JsonChange {
  path: string;
  before: unknown;
  after: unknown;
}

/**
 * The places where `after` differs from `before`, in the order of their keys: the differing leaves of mappings (a
 * mapping only one side holds counts as empty on the other), and whole values otherwise (an array that changed length).
 */
export function jsonChanges(before: unknown, after: unknown, path = ''): JsonChange[] {
  // A mapping that only one side holds is listed leaf by leaf, as if the other side held an empty one.
  if ((isMapping(before) || before === undefined) && (isMapping(after) || after === undefined) && before !== after) {
    before ??= {};
    after ??= {};
    const [b, a] = [before as Record<string, unknown>, after as Record<string, unknown>];
    return [...new Set([...Object.keys(b), ...Object.keys(a)])].flatMap((key) => jsonChanges(b[key], a[key], path ? `${path}.${key}` : key));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, i) => jsonChanges(item, after[i], `${path}[${i}]`));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: path || '(the whole document)', before, after }];
}
