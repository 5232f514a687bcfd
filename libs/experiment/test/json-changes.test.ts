import { describe, expect, it } from 'vitest';
import { jsonChanges } from '../src/json-changes.js';

describe('jsonChanges', () => {
  it('is empty for equal documents, whatever the order of their keys', () => {
    expect(jsonChanges({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it('names each changed leaf by its path, with both values', () => {
    expect(jsonChanges({ seed: 1, training: { epochs: 1, workers: 2 }, list: [1, 2] }, { seed: 1, training: { epochs: 3, workers: 2 }, list: [1, 5] })).toEqual([
      { path: 'training.epochs', before: 1, after: 3 },
      { path: 'list[1]', before: 2, after: 5 },
    ]);
  });

  it('lists a mapping only one side holds leaf by leaf, and an array that changed length whole', () => {
    expect(jsonChanges({ a: { b: 1 } }, { c: { d: 2 } })).toEqual([
      { path: 'a.b', before: 1, after: undefined },
      { path: 'c.d', before: undefined, after: 2 },
    ]);
    expect(jsonChanges({ list: [1] }, { list: [1, 2] })).toEqual([{ path: 'list', before: [1], after: [1, 2] }]);
  });

  it('names the whole document when it is not a mapping', () => {
    expect(jsonChanges(1, 2)).toEqual([{ path: '(the whole document)', before: 1, after: 2 }]);
  });
});
