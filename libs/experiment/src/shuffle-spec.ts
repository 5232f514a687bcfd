import type { ShuffleSpec } from '@churnlab/data';

/** The text forms `parseShuffle` accepts. */
export const shuffleForms = 'none, window:W (a shuffle buffer of W examples, W ≥ 1) or full';

/** Parses `none`, `window:W` or `full`; throws a RangeError naming the value and the accepted forms. */
export function parseShuffle(text: string): ShuffleSpec {
  if (text === 'none' || text === 'full') return { kind: text };
  const window = /^window:(\d+)$/.exec(text);
  const size = Number(window?.[1]);
  if (window && Number.isSafeInteger(size) && size >= 1) return { kind: 'window', size };
  throw new RangeError(`shuffle: "${text}" is not allowed; expected ${shuffleForms}`);
}
