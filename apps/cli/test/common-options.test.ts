import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { activationList, pathValue } from '../src/common-options.js';

describe('activationList', () => {
  it('splits on commas but keeps the key=value parameters of a spec with it', () => {
    expect(activationList('relu, smelu:1,gsmelu:alpha=1,beta=2,gneg=0.1,swish:1')).toEqual(['relu', 'smelu:1', 'gsmelu:alpha=1,beta=2,gneg=0.1', 'swish:1']);
  });

  it('refuses a spec the registry does not accept, a leading parameter on its own included', () => {
    expect(() => activationList('beta=2,relu')).toThrow('invalid activation spec "beta=2"');
    expect(() => activationList('relu,smelu:0')).toThrow(InvalidArgumentError);
  });
});

describe('pathValue', () => {
  it('passes a path through and refuses an empty or blank one', () => {
    expect(pathValue('runs/a')).toBe('runs/a');
    for (const blank of ['', '  ']) expect(() => pathValue(blank)).toThrow(InvalidArgumentError);
  });
});
