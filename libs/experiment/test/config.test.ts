import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSyntheticCtr, syntheticCtrLimits } from '@churnlab/data';
import { ConfigError, readConfigFile, resolveConfig } from '../src/index.js';
import { MAX_TIMER_MS } from '../src/timer-limit.js';
import { MAX_TYPED_ARRAY_LENGTH } from '../src/typed-array-limit.js';
import { expectConfigError, useTempDir } from './helpers.js';

const tmp = useTempDir('churnlab-config-');

/** Writes `text` to a file of the temporary directory and returns its path. */
function file(name: string, text: string): string {
  const full = path.join(tmp(), name);
  writeFileSync(full, text);
  return full;
}

describe('resolveConfig defaults', () => {
  it('{} resolves to the defaults of config-schema.ts (synthetic data defaults from libs/data)', () => {
    expect(resolveConfig({})).toEqual({
      seed: 1,
      replica: 0,
      vary: ['order'],
      data: { format: 'synthetic', ...defaultSyntheticCtr, categorical: [...defaultSyntheticCtr.categorical] },
      features: { numeric: { transform: 'standardize', missingIndicator: true }, categorical: { buckets: 1024, seed: 0 } },
      cache: { enabled: true },
      transport: { kind: 'threads', nats: ['nats://127.0.0.1:4222'], joinTimeoutMs: 30_000 },
      model: { hidden: [128, 128], activation: 'relu', layerNorm: false, embeddingDimension: 16 },
      training: {
        epochs: 4,
        batchSize: 64,
        microShards: 8,
        workers: 2,
        order: 'replay',
        psShards: 1,
        shuffle: 'full',
        delay: 'none',
        gradPrecision: 'float32',
        paramPrecision: 'float32',
        faults: [],
        taskTimeoutMs: 60_000,
        checkpointEvery: 100,
        optimizer: { name: 'sgd', learningRate: 0.2, momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, initialAccumulator: 0.1 },
      },
      compare: { activations: ['relu', 'smelu:1', 'gelu', 'swish:1'], replicas: 4, workers: [] },
      sweep: { activations: ['relu', 'smelu:1', 'gelu', 'swish:1'], replicas: [4] },
    });
  });

  it('undefined and null resolve to the same defaults as {}', () => {
    expect(resolveConfig(undefined)).toEqual(resolveConfig({}));
    expect(resolveConfig(null)).toEqual(resolveConfig({}));
  });

  it('a partial section keeps the defaults of its other fields', () => {
    const config = resolveConfig({ training: { workers: 4, optimizer: { learningRate: 0.05 } } });
    expect(config.training.workers).toBe(4);
    expect(config.training.optimizer.learningRate).toBe(0.05);
    expect(config.training.optimizer.momentum).toBe(0.9);
    expect(config.training.epochs).toBe(4);
    expect(config.model).toEqual({ hidden: [128, 128], activation: 'relu', layerNorm: false, embeddingDimension: 16 });
  });
});

describe('resolveConfig rejects unknown fields, naming them', () => {
  it('at the top level', () => {
    const message = expectConfigError(() => resolveConfig({ wrokers: 2 }), '"wrokers"', 'unknown field');
    expect(message).not.toContain('training.');
  });

  it('in a section, with its dotted path', () => {
    expectConfigError(() => resolveConfig({ training: { wrokers: 2 } }), 'training.wrokers', 'unknown field');
  });

  it('two levels deep, with its dotted path', () => {
    expectConfigError(() => resolveConfig({ training: { optimizer: { lr: 0.1 } } }), 'training.optimizer.lr');
  });

  it('messages start with the origin given', () => {
    expectConfigError(() => resolveConfig({ model: { widht: 3 } }, 'exp.yaml'), /^exp\.yaml: /, 'model.widht');
  });
});

describe('resolveConfig rejects wrong types and out-of-range values, naming field, value and what is allowed', () => {
  it('a string where a number is expected', () => {
    expectConfigError(() => resolveConfig({ training: { epochs: 'two' } }), 'training.epochs', '"two"', /expected number/);
  });

  it('a number where a list is expected', () => {
    expectConfigError(() => resolveConfig({ model: { hidden: 16 } }), 'model.hidden', '16', /expected array/);
  });

  it('workers 0', () => {
    expectConfigError(() => resolveConfig({ training: { workers: 0 } }), 'training.workers: 0', />=\s*1/);
  });

  it('epochs 0', () => {
    expectConfigError(() => resolveConfig({ training: { epochs: 0 } }), 'training.epochs: 0', />=\s*1/);
  });

  it('learningRate −1', () => {
    expectConfigError(() => resolveConfig({ training: { optimizer: { learningRate: -1 } } }), 'training.optimizer.learningRate: -1', />\s*0/);
  });

  it('an order that is not sync, async or replay', () => {
    expectConfigError(() => resolveConfig({ training: { order: 'fifo' } }), 'training.order', '"fifo"', 'sync', 'async', 'replay');
  });

  it('several problems are all reported, on one line', () => {
    const message = expectConfigError(() => resolveConfig({ training: { workers: 0, epochs: 0 } }));
    expect(message).toContain('training.workers');
    expect(message).toContain('training.epochs');
    expect(message).not.toContain('\n');
  });

  it('a value that breaks two rules of one field is reported once', () => {
    const message = expectConfigError(() => resolveConfig({ seed: 1e300 }));
    expect(message.match(/seed: 1e\+300 is not allowed/g)).toHaveLength(1);
  });

  it('NaN and Infinity are shown as themselves, not as null', () => {
    expectConfigError(() => resolveConfig({ training: { optimizer: { learningRate: Number.NaN } } }), 'training.optimizer.learningRate: NaN is not allowed');
    expectConfigError(() => resolveConfig({ training: { epochs: Number.POSITIVE_INFINITY } }), 'training.epochs: Infinity is not allowed');
  });
});

describe('resolveConfig refuses timeouts longer than a Node.js timer waits', () => {
  it.each([
    ['training.taskTimeoutMs', { training: { taskTimeoutMs: 3_000_000_000 } }],
    ['transport.joinTimeoutMs', { transport: { joinTimeoutMs: 3_000_000_000 } }],
  ])('%s 3000000000 (which a timer would cut to 1 ms) is a ConfigError naming the field, the value, the limit and why', (field, input) => {
    expectConfigError(() => resolveConfig(input), `${field}: 3000000000 is not allowed`, '<=2147483647', 'Node.js timer', 'after 1 ms');
  });

  it('accepts the longest wait a timer keeps', () => {
    const config = resolveConfig({ training: { taskTimeoutMs: MAX_TIMER_MS }, transport: { joinTimeoutMs: MAX_TIMER_MS } });
    expect([config.training.taskTimeoutMs, config.transport.joinTimeoutMs]).toEqual([2_147_483_647, 2_147_483_647]);
  });
});

describe('resolveConfig checks activation specs', () => {
  it('smelu:0 is rejected and the message points to relu', () => {
    expectConfigError(() => resolveConfig({ model: { activation: 'smelu:0' } }), 'model.activation', 'smelu:0', /\brelu\b/);
  });

  it('an unknown activation name is rejected, listing the known ones', () => {
    expectConfigError(() => resolveConfig({ model: { activation: 'nope' } }), 'model.activation', '"nope"', 'smelu');
  });

  it('a bad entry of compare.activations is named by its index', () => {
    expectConfigError(() => resolveConfig({ compare: { activations: ['relu', 'nope'] } }), 'compare.activations[1]', '"nope"');
  });

  it('valid specs are accepted', () => {
    const config = resolveConfig({ model: { activation: 'gelu:tanh' }, compare: { activations: ['smelu:0.5', 'swish:1', 'softplus'] } });
    expect(config.model.activation).toBe('gelu:tanh');
    expect(config.compare.activations).toEqual(['smelu:0.5', 'swish:1', 'softplus']);
  });
});

describe('resolveConfig checks how the batch is split', () => {
  it('workers > microShards is rejected', () => {
    expectConfigError(() => resolveConfig({ training: { workers: 16, microShards: 8 } }), 'training.workers: 16', 'training.microShards (8)');
  });

  it('microShards > batchSize is rejected', () => {
    expectConfigError(() => resolveConfig({ training: { microShards: 16, batchSize: 8, workers: 2 } }), 'training.microShards: 16', 'training.batchSize (8)');
  });

  it('workers = microShards = batchSize is accepted', () => {
    expect(resolveConfig({ training: { workers: 4, microShards: 4, batchSize: 4 } }).training.workers).toBe(4);
  });
});

describe('resolveConfig rejects data settings the dataset builder cannot honour', () => {
  it('data.labelNoise 0.6 is a ConfigError naming data.labelNoise', () => {
    expectConfigError(() => resolveConfig({ data: { labelNoise: 0.6 } }), 'data.labelNoise');
  });

  // 0.0001 of 1200 examples rounds to 0 evaluation rows.
  it('data.evalFraction leaving no evaluation rows is a ConfigError naming data.evalFraction', () => {
    expectConfigError(() => resolveConfig({ data: { examples: 1200, evalFraction: 0.0001 } }), 'data.evalFraction');
  });
});

describe('resolveConfig refuses synthetic data the generator cannot make, naming the field', () => {
  // Each of these passed the schema and failed the run (exit 1) with the generator's message, which named no config field.
  it.each([
    ['data.examples', { examples: 1e12 }, 'data.examples: 1000000000000 is not allowed', '<=4294967295'],
    ['data.dense', { dense: 100_000_000 }, 'data.dense: 100000000 is not allowed', '<=65536'],
    ['data.categorical', { categorical: [1_000_000_000] }, 'data.categorical.0: 1000000000 is not allowed', '<=65536'],
    ['data.teacherHidden', { teacherHidden: 100_000_000 }, 'data.teacherHidden: 100000000 is not allowed', '<=65536'],
  ])('%s above the generator’s limit', (_, data, valueNamed, limit) => {
    expectConfigError(() => resolveConfig({ data }), valueNamed, limit);
  });

  it('accepts each size at the generator’s limit', () => {
    const { examples, dense, cardinality, teacherHidden } = syntheticCtrLimits;
    expect(resolveConfig({ data: { examples: 1000, dense: dense.max, categorical: [cardinality.max], teacherHidden: teacherHidden.max } }).data).toMatchObject({ dense: 65_536, teacherHidden: 65_536 });
    expect(resolveConfig({ data: { examples: examples.max, dense: 1, categorical: [] } }).data).toMatchObject({ examples: 4_294_967_295 });
  });

  it('refuses more examples than one array of features holds, naming data.examples, the width and the limit', () => {
    // The default 32 features (16 dense, two categorical of 8) fit 2³² / 32 examples in one Float32Array.
    expectConfigError(() => resolveConfig({ data: { examples: 1e9 } }), 'data.examples: 1000000000 is not allowed', `at most ${Math.floor(MAX_TYPED_ARRAY_LENGTH / 32)} examples of 32 features`, `${MAX_TYPED_ARRAY_LENGTH}`);
    expect(resolveConfig({ data: { examples: Math.floor(MAX_TYPED_ARRAY_LENGTH / 32) } }).data).toMatchObject({ examples: MAX_TYPED_ARRAY_LENGTH / 32 });
  });
});

describe('readConfigFile', () => {
  it('a missing file is a ConfigError naming the file', () => {
    const missing = path.join(tmp(), 'does-not-exist.yaml');
    expectConfigError(() => readConfigFile(missing), missing, 'ENOENT');
  });

  it('invalid YAML (a duplicate key on line 4) is a ConfigError naming file:line', () => {
    const bad = file('duplicate.yaml', 'seed: 1\ndata:\n  examples: 1200\n  examples: 1300\n');
    expectConfigError(() => readConfigFile(bad), `${bad}:4:`);
  });

  it('invalid YAML (a stray bracket on line 3) is a ConfigError naming file:line', () => {
    const bad = file('bracket.yaml', 'seed: 1\nmodel:\n  hidden: [16]]\n');
    expectConfigError(() => readConfigFile(bad), `${bad}:3:`);
  });

  it('a key that is a list or mapping is a ConfigError naming file:line; a key that is an alias of a name is that name', () => {
    const complex = file('complex-key.yaml', 'seed: 1\n? [a, b]\n: 2\n');
    expectConfigError(() => readConfigFile(complex), `${complex}:2: a key that is a list or mapping`, 'expected field names');
    const aliased = file('alias-key.yaml', 'vary: [&o order]\ntraining:\n  *o : sync\n');
    expect(readConfigFile(aliased)).toEqual({ vary: ['order'], training: { order: 'sync' } });
    const aliasedList = file('alias-list-key.yaml', 'vary: &l [order]\ntraining:\n  ? *l\n  : sync\n');
    expectConfigError(() => readConfigFile(aliasedList), `${aliasedList}:3: a key that is a list or mapping (["order"])`);
  });

  it('invalid JSON is a ConfigError naming the file', () => {
    const bad = file('broken.json', '{\n  "seed": 1,\n  "data": {"examples": 1200\n}\n');
    expectConfigError(() => readConfigFile(bad), bad);
  });

  it("takes the data section's relative paths from the file's folder and gives them back absolute; absolute ones stay", () => {
    const relative = file('relative.yaml', 'data:\n  format: csv\n  path: ../data/d.csv\n  eval:\n    path: e.csv\n');
    expect((readConfigFile(relative) as { data: { path: string; eval: { path: string } } }).data).toMatchObject({
      path: path.resolve(tmp(), '../data/d.csv'),
      eval: { path: path.join(tmp(), 'e.csv') },
    });
    const mnist = file('mnist.yaml', 'data:\n  format: mnist\n  dir: /data/mnist\n');
    expect((readConfigFile(mnist) as { data: { dir: string } }).data.dir).toBe('/data/mnist');
    expect(readConfigFile(file('no-data.yaml', 'seed: 3\n'))).toEqual({ seed: 3 });
  });

  it('an empty file reads as {} and resolves to the defaults', () => {
    expect(resolveConfig(readConfigFile(file('empty.yaml', '')))).toEqual(resolveConfig({}));
  });

  it('a YAML file and the equivalent JSON file give the same config', () => {
    const yaml = file(
      'experiment.yaml',
      [
        '# a comment',
        'seed: 7',
        'data:',
        '  examples: 1200',
        '  categorical: [4, 5]',
        'model:',
        '  hidden:',
        '    - 16',
        '    - 8',
        '  activation: smelu:0.5',
        'training:',
        '  order: sync',
        '  optimizer:',
        '    name: adam',
        '    learningRate: 0.01',
        'compare:',
        '  activations: [relu, "gelu:tanh"]',
        '',
      ].join('\n'),
    );
    const json = file(
      'experiment.json',
      JSON.stringify({
        seed: 7,
        data: { examples: 1200, categorical: [4, 5] },
        model: { hidden: [16, 8], activation: 'smelu:0.5' },
        training: { order: 'sync', optimizer: { name: 'adam', learningRate: 0.01 } },
        compare: { activations: ['relu', 'gelu:tanh'] },
      }),
    );
    const fromYaml = resolveConfig(readConfigFile(yaml), yaml);
    const fromJson = resolveConfig(readConfigFile(json), json);
    expect(fromYaml).toEqual(fromJson);
    expect(fromYaml.seed).toBe(7);
    expect(fromYaml.model).toEqual({ hidden: [16, 8], activation: 'smelu:0.5', layerNorm: false, embeddingDimension: 16 });
    expect(fromYaml.training.optimizer.name).toBe('adam');
    expect(fromYaml.compare.activations).toEqual(['relu', 'gelu:tanh']);
  });

  it('a file with an unknown field fails in resolveConfig with the file as origin', () => {
    const f = file('unknown.yaml', 'training:\n  wrokers: 2\n');
    expectConfigError(() => resolveConfig(readConfigFile(f), f), `${f}: `, 'training.wrokers');
  });

  it('errors are ConfigError instances with that name', () => {
    try {
      readConfigFile(path.join(tmp(), 'nothing-here.json'));
      expect.unreachable('readConfigFile should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('ConfigError');
    }
  });
});
