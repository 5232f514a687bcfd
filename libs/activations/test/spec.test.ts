import { describe, expect, it } from 'vitest';
import { ActivationSpecError, activationNames, parseActivation, parseActivationSpec } from '../src/index.js';
import { referenceSpecs } from './reference-data.js';

describe('activationNames', () => {
  it('lists the six activations of DESIGN §1', () => {
    expect(activationNames().sort()).toEqual(['gelu', 'gsmelu', 'relu', 'smelu', 'softplus', 'swish']);
  });
});

describe('parseActivation', () => {
  it.each([
    ['relu', 'relu', 'relu', {}],
    ['smelu', 'smelu', 'smelu:1', { beta: 1 }],
    ['smelu:0.50', 'smelu', 'smelu:0.5', { beta: 0.5 }],
    ['smelu:beta=0.5', 'smelu', 'smelu:0.5', { beta: 0.5 }],
    ['smelu:1e-3', 'smelu', 'smelu:0.001', { beta: 0.001 }],
    [' smelu : 2 ', 'smelu', 'smelu:2', { beta: 2 }],
    ['swish', 'swish', 'swish:1', { beta: 1 }],
    ['swish:1.702', 'swish', 'swish:1.702', { beta: 1.702 }],
    ['softplus:beta=4', 'softplus', 'softplus:4', { beta: 4 }],
    ['gelu', 'gelu', 'gelu', { approximation: 'erf' }],
    ['gelu:tanh', 'gelu', 'gelu:tanh', { approximation: 'tanh' }],
    ['gsmelu', 'gsmelu', 'gsmelu:alpha=1,beta=1,gneg=0,gpos=1,t=0', { alpha: 1, beta: 1, gneg: 0, gpos: 1, t: 0 }],
    ['gsmelu:t=0.25,alpha=0.5', 'gsmelu', 'gsmelu:alpha=0.5,beta=1,gneg=0,gpos=1,t=0.25', { alpha: 0.5, beta: 1, gneg: 0, gpos: 1, t: 0.25 }],
    ['gsmelu:alpha=0,gneg=-0.1', 'gsmelu', 'gsmelu:alpha=0,beta=1,gneg=-0.1,gpos=1,t=0', { alpha: 0, beta: 1, gneg: -0.1, gpos: 1, t: 0 }],
  ])('reads %j as %s with canonical spec %s, with and without the tensor ops', (input, name, spec, params) => {
    const activation = parseActivation(input);
    expect({ name: activation.name, spec: activation.spec, params: activation.params }).toEqual({ name, spec, params });
    expect(parseActivationSpec(input)).toEqual({ name, spec, params });
  });

  it.each([...referenceSpecs, 'smelu', 'smelu:beta=0.25', 'swish', 'softplus', 'gsmelu', 'gsmelu:gpos=2,t=-1'])(
    'round-trips %s through its canonical spec',
    (input) => {
      const first = parseActivation(input);
      const second = parseActivation(first.spec);
      expect({ name: second.name, spec: second.spec, params: second.params }).toEqual({
        name: first.name,
        spec: first.spec,
        params: first.params,
      });
    },
  );

  it.each(referenceSpecs)('gives %s back as its own canonical spec', (spec) => {
    expect(parseActivation(spec).spec).toBe(spec);
  });

  it('freezes the params', () => {
    expect(Object.isFrozen(parseActivation('smelu:2').params)).toBe(true);
  });
});

describe('invalid specs', () => {
  // Each message must name the spec and the bad value, and say what is allowed.
  it.each([
    ['smelu:0', ['beta = 0', 'ReLU', '"relu"', 'from 0.000001 to 1000000']],
    ['smelu:1e-40', ['beta = 1e-40', 'from 0.000001 to 1000000']],
    ['smelu:1e20', ['beta = 100000000000000000000', 'from 0.000001 to 1000000']],
    ['smelu:beta=0', ['beta = 0', '"relu"']],
    ['smelu:-1', ['beta = -1', 'from 0.000001 to 1000000']],
    ['smelu:abc', ['"abc"', 'not a number']],
    ['smelu:1e999', ['1e999', 'finite']],
    ['smelu:NaN', ['"NaN"', 'not a number']],
    ['smelu:Infinity', ['"Infinity"', 'not a number']],
    ['smelu:0x10', ['"0x10"', 'not a number']],
    ['smelu:1.5.2', ['"1.5.2"', 'not a number']],
    ['smelu:', ['empty parameter']],
    ['smelu:1,2', ['"1" is not key=value']],
    ['smelu:beta=', ['"beta=" is not key=value']],
    ['smelu:beta=1,beta=2', ['beta is given twice']],
    ['smelu:gamma=2', ['unknown key gamma', 'allowed keys: beta']],
    ['swish:0', ['beta = 0', 'from 0.000001 to 1000000']],
    ['swish:1e39', ['from 0.000001 to 1000000']],
    ['swish:-2', ['beta = -2', 'from 0.000001 to 1000000']],
    ['softplus:-0.5', ['beta = -0.5', 'from 0.000001 to 1000000']],
    ['softplus:1e-46', ['from 0.000001 to 1000000']],
    ['softplus:beta=inf', ['"inf"', 'not a number']],
    ['gsmelu:alpha=-1', ['alpha = -1', 'alpha + beta from 0.000001 to 1000000']],
    ['gsmelu:alpha=1e-40,beta=0', ['alpha + beta from 0.000001 to 1000000']],
    ['gsmelu:beta=-0.5', ['beta = -0.5', '≥ 0']],
    ['gsmelu:alpha=-2,beta=3', ['alpha = -2', '≥ 0']],
    ['gsmelu:alpha=0,beta=0', ['alpha = 0, beta = 0', 'alpha + beta from 0.000001 to 1000000']],
    ['gsmelu:t=x', ['t = "x"', 'not a number']],
    ['gsmelu:0.5', ['takes no lone value, got "0.5"', 'allowed keys: alpha, beta, gneg, gpos, t']],
    ['gsmelu:gamma=1', ['unknown key gamma', 'allowed keys: alpha, beta, gneg, gpos, t']],
    ['gelu:erf', ['"erf"', 'gelu:tanh']],
    ['gelu:1', ['"1"', 'gelu:tanh']],
    ['gelu:approximate=tanh', ['unknown key approximate', 'gelu takes no key=value parameters']],
    ['relu:1', ['relu takes no lone value, got "1"']],
    ['relu:beta=1', ['unknown key beta', 'relu takes no key=value parameters']],
    ['elu', ['unknown activation "elu"', 'relu, smelu, gsmelu, gelu, swish, softplus']],
    ['', ['unknown activation ""']],
  ])('rejects %j, with and without the tensor ops', (spec, fragments) => {
    for (const parse of [parseActivation, parseActivationSpec]) {
      let error: unknown;
      try {
        parse(spec);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ActivationSpecError);
      const message = (error as Error).message;
      for (const fragment of [`"${spec}"`, ...fragments]) expect(message).toContain(fragment);
    }
  });
});
