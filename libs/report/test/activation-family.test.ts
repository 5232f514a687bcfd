import { describe, expect, it } from 'vitest';
import { activationFamily, betaLine } from '../src/index.js';

describe('activationFamily', () => {
  it.each([
    ['relu', { family: 'relu' }],
    ['smelu:1', { family: 'smelu', beta: 1 }],
    ['smelu:0.5', { family: 'smelu', beta: 0.5 }],
    ['smelu:beta=2', { family: 'smelu', beta: 2 }],
    ['smelu:1e-1', { family: 'smelu', beta: 0.1 }],
    ['gsmelu:alpha=1,beta=2,gneg=0,gpos=1,t=0', { family: 'gsmelu', beta: 2 }],
    ['gsmelu:alpha=0.5, beta = 0.25', { family: 'gsmelu', beta: 0.25 }],
    ['gsmelu:alpha=0.5,gneg=0.1', { family: 'gsmelu' }],
    ['gelu', { family: 'gelu' }],
    ['gelu:tanh', { family: 'gelu' }],
    ['swish:2', { family: 'swish', beta: 2 }],
    ['softplus:beta=4', { family: 'softplus', beta: 4 }],
    [' smelu : 1.5 ', { family: 'smelu', beta: 1.5 }],
  ])('%s', (spec, expected) => {
    expect(activationFamily(spec)).toEqual(expected);
  });

  it('takes no β from a value that is not a number', () => {
    expect(activationFamily('smelu:wide')).toEqual({ family: 'smelu' });
    expect(activationFamily('gsmelu:beta=x')).toEqual({ family: 'gsmelu' });
  });
});

describe('betaLine', () => {
  it.each([
    ['smelu:2', 'smelu'],
    ['smelu:beta=2', 'smelu'],
    ['gsmelu:alpha=1,beta=2,gneg=0,gpos=1,t=0', 'gsmelu:alpha=1,gneg=0,gpos=1,t=0'],
    ['gsmelu:alpha=3, beta=2, gneg=0.2', 'gsmelu:alpha=3,gneg=0.2'],
    ['relu', 'relu'],
    ['gelu:tanh', 'gelu:tanh'],
  ])('of %s is %s', (spec, line) => {
    expect(betaLine(spec)).toBe(line);
  });

  it('keeps gsmelu variants that differ in more than β apart, and joins those that differ in β only', () => {
    const lines = ['gsmelu:alpha=1,beta=1', 'gsmelu:alpha=1,beta=2', 'gsmelu:alpha=3,beta=1,gneg=0.2'].map(betaLine);
    expect(new Set(lines).size).toBe(2);
  });
});
