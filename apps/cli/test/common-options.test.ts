import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { activationList, pathValue } from '../src/common-options.js';

describe('activationList', () => {
  it('splits on commas but keeps the key=value parameters of a spec with it', () => {
    expect(activationList('relu, smelu:1,gsmelu:alpha=1,beta=2,gneg=0.1,swish:1')).toEqual(['relu', 'smelu:1', 'gsmelu:alpha=1,beta=2,gneg=0.1', 'swish:1']);
  });

  it('leaves a leading parameter on its own, for the activation parser to refuse by name', () => {
    expect(activationList('beta=2,relu')).toEqual(['beta=2', 'relu']);
  });
});

describe('pathValue', () => {
  it('passes a path through and refuses an empty or blank one', () => {
    expect(pathValue('runs/a')).toBe('runs/a');
    for (const blank of ['', '  ']) expect(() => pathValue(blank)).toThrow(InvalidArgumentError);
  });
});
