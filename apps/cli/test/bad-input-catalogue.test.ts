import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, smallConfig, stackFrame, TRAINING_TIMEOUT, useTempDir } from './helpers.js';

const tmp = useTempDir('churnlab-bad-input-');
const errorsDoc = fileURLToPath(new URL('../../../docs/errors.md', import.meta.url));

/** One bad input: the files it needs, the command line, and what its one-line message must name. */
interface BadInput {
  id: string;
  files?: Record<string, string | object>;
  args: string[];
  names: (string | RegExp)[];
  /** Work done in the case's directory before the failing command, e.g. making a cache file to damage. */
  prepare?: (dir: string) => Promise<void>;
}

/** Trains once on c.json so that its data file is cached in ./cache, then cuts the cache file short. */
async function damageCache(dir: string): Promise<void> {
  const first = await runCli(['train', '--config', 'c.json', '--out', 'first'], dir);
  if (first.code !== 0) throw new Error(`the preparing run failed: ${first.stderr}`);
  for (const name of readdirSync(path.join(dir, 'cache'))) writeFileSync(path.join(dir, 'cache', name), readFileSync(path.join(dir, 'cache', name)).subarray(0, 100));
}

/** An MNIST folder ./mnist whose gzip-compressed training labels stop halfway, as an interrupted download leaves them. */
async function cutMnistDownload(dir: string): Promise<void> {
  const folder = path.join(dir, 'mnist');
  mkdirSync(folder);
  const image = Uint8Array.of(0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0); // one 1×1 image
  writeFileSync(path.join(folder, 'train-images-idx3-ubyte'), image);
  writeFileSync(path.join(folder, 't10k-images-idx3-ubyte'), image);
  writeFileSync(path.join(folder, 't10k-labels-idx1-ubyte'), Uint8Array.of(0, 0, 8, 1, 0, 0, 0, 1, 7));
  const labels = gzipSync(Uint8Array.from([0, 0, 8, 1, 0, 0, 0x03, 0xe8, ...Array.from({ length: 1000 }, (_, i) => (i * 7) % 10)]));
  writeFileSync(path.join(folder, 'train-labels-idx1-ubyte.gz'), labels.subarray(0, labels.length >> 1));
}

const csvConfig = (file: string, more: object = {}) => ({
  ...smallConfig,
  data: { format: 'csv', path: file, header: true, label: { column: 'clicked', positive: ['yes'], negative: ['no'] }, numeric: ['age'], categorical: ['city'], ...more },
  training: { ...smallConfig.training, batchSize: 8, microShards: 4 },
});
const rows = (n: number) => Array.from({ length: n }, (_, i) => `${20 + i},${i % 2 ? 'paris' : 'lyon'},${i % 3 ? 'no' : 'yes'}`);
const csv = (...extra: string[]) => ['age,city,clicked', ...rows(30), ...extra].join('\n') + '\n';
const train = (config: string) => ['train', '--config', config];

const catalogue: BadInput[] = [
  // config
  { id: 'config-unknown-field', files: { 'c.json': { wrokers: 2 } }, args: train('c.json'), names: ['c.json', 'unknown field "wrokers"'] },
  { id: 'config-unknown-nested-field', files: { 'c.json': { training: { wrokers: 2 } } }, args: train('c.json'), names: ['unknown field "training.wrokers"'] },
  { id: 'config-wrong-type', files: { 'c.json': { training: { epochs: 'four' } } }, args: train('c.json'), names: ['training.epochs: "four" is not allowed', 'number'] },
  { id: 'config-out-of-range', files: { 'c.json': { training: { optimizer: { learningRate: -1 } } } }, args: train('c.json'), names: ['training.optimizer.learningRate: -1', '>0'] },
  { id: 'config-beta-not-positive', files: { 'c.json': { model: { activation: 'smelu:0' } } }, args: train('c.json'), names: ['model.activation', 'smelu:0', 'relu'] },
  { id: 'config-sweep-beta-not-positive', files: { 'c.json': { sweep: { activations: [{ family: 'smelu', beta: [-1] }] } } }, args: ['sweep', '--config', 'c.json'], names: ['sweep.activations.0.beta.0', '-1'] },
  { id: 'config-zero-workers', files: { 'c.json': { training: { workers: 0 } } }, args: train('c.json'), names: ['training.workers: 0', '>=1'] },
  { id: 'config-unknown-activation', files: { 'c.json': { model: { activation: 'selu' } } }, args: train('c.json'), names: ['model.activation', 'selu', 'relu', 'smelu'] },
  { id: 'config-unknown-policy', files: { 'c.json': { training: { order: 'lifo' } } }, args: train('c.json'), names: ['training.order', '"lifo"', 'sync, sync-arrival, async, replay, ssp:K'] },
  { id: 'config-bad-staleness-bound', files: { 'c.json': { training: { order: 'ssp:-2' } } }, args: train('c.json'), names: ['training.order', '"ssp:-2"', 'ssp:K'] },
  { id: 'config-replay-with-delay', files: { 'c.json': { training: { order: 'replay', delay: 'jitter:5' } } }, args: train('c.json'), names: ['training.delay', '"jitter:5"', 'replay', 'expected "none"'] },
  { id: 'config-workers-above-micro-shards', files: { 'c.json': { training: { workers: 9 } } }, args: train('c.json'), names: ['training.workers: 9', 'training.microShards (8)'] },
  { id: 'config-micro-shards-above-batch', files: { 'c.json': { training: { batchSize: 4, microShards: 8, workers: 1 } } }, args: train('c.json'), names: ['training.microShards: 8', 'training.batchSize (4)'] },
  { id: 'config-batch-above-examples', files: { 'c.json': { data: { examples: 200 }, training: { batchSize: 500 } } }, args: train('c.json'), names: ['training.batchSize: 500', '160 training examples'] },
  { id: 'config-eval-fraction-empties-a-part', files: { 'c.json': { data: { examples: 100, evalFraction: 0.999 } } }, args: train('c.json'), names: ['data.evalFraction: 0.999', 'non-empty'] },
  { id: 'config-label-noise-too-high', files: { 'c.json': { data: { labelNoise: 0.6 } } }, args: train('c.json'), names: ['data.labelNoise: 0.6', '<0.5'] },
  { id: 'config-zero-ps-shards', files: { 'c.json': { training: { psShards: 0 } } }, args: train('c.json'), names: ['training.psShards: 0'] },
  { id: 'config-unknown-precision', files: { 'c.json': { training: { gradPrecision: 'float8' } } }, args: train('c.json'), names: ['training.gradPrecision: "float8"', 'bfloat16'] },
  { id: 'config-int8-parameters', files: { 'c.json': { training: { paramPrecision: 'int8' } } }, args: train('c.json'), names: ['training.paramPrecision: "int8"', 'bfloat16'] },
  { id: 'config-unknown-varied-source', files: { 'c.json': { vary: ['weather'] } }, args: train('c.json'), names: ['vary.0: "weather"', 'order'] },
  { id: 'config-empty-shuffle-window', files: { 'c.json': { training: { shuffle: 'window:0' } } }, args: train('c.json'), names: ['training.shuffle', '"window:0"', 'W ≥ 1'] },
  { id: 'config-one-replica', files: { 'c.json': { compare: { replicas: 1 } } }, args: ['compare', '--config', 'c.json'], names: ['compare.replicas: 1', '>=2'] },
  { id: 'config-file-missing', args: train('nowhere.yaml'), names: ['nowhere.yaml', 'cannot read the config file', 'ENOENT'] },
  { id: 'config-invalid-yaml', files: { 'c.yaml': 'training:\n  epochs: 2\n  epochs: 3\n' }, args: train('c.yaml'), names: [/c\.yaml:3/, 'not valid YAML'] },
  { id: 'config-yaml-complex-key', files: { 'c.yaml': 'seed: 3\n? [a, b]\n: 1\n' }, args: train('c.yaml'), names: [/c\.yaml:2/, 'a key that is a list or mapping', 'expected field names'] },
  { id: 'config-yaml-unknown-tag', files: { 'c.yaml': 'seed: !big 3\n' }, args: train('c.yaml'), names: [/c\.yaml:1/, 'Unresolved tag: !big'] },
  { id: 'config-not-an-object', files: { 'c.json': [1, 2] }, args: train('c.json'), names: ['c.json', '(root)', 'object'] },
  { id: 'config-section-not-a-mapping', files: { 'c.yaml': 'training: 12\n' }, args: [...train('c.yaml'), '--epochs', '1'], names: ['c.yaml', 'training: 12', 'expected object'] },
  { id: 'config-unknown-data-format', files: { 'c.json': { data: { format: 'parquet', path: 'x' } } }, args: train('c.json'), names: ['data.format', 'parquet'] },
  { id: 'config-task-timeout-beyond-timers', files: { 'c.json': { training: { taskTimeoutMs: 3_000_000_000 } } }, args: train('c.json'), names: ['training.taskTimeoutMs: 3000000000', '<=2147483647', 'Node.js timer'] },
  { id: 'config-cache-dir-is-a-file', files: { 'c.json': { ...csvConfig('data.csv'), cache: { dir: 'plain-file' } }, 'data.csv': csv(), 'plain-file': 'x' }, args: train('c.json'), names: ['cache.dir: "plain-file" is not allowed', 'not a directory', 'expected a directory'] },
  { id: 'config-ps-shards-beyond-parameters', files: { 'c.json': { model: { hidden: [1], embeddingDimension: 1 }, data: { dense: 1, categorical: [2], examples: 400 }, training: { epochs: 1, psShards: 1024 } } }, args: train('c.json'), names: ['training.psShards: 1024', "the model's 6 parameters"] },
  { id: 'config-replica-beyond-32-bits', args: ['train', '--replica', '5000000000'], names: ['replica: 5000000000', '4294967295'] },
  { id: 'config-model-beyond-parameter-store', files: { 'c.json': { model: { hidden: [100_000, 100_000] }, training: { epochs: 1 } } }, args: train('c.json'), names: ['model.hidden: [100000,100000]', '10003500001 parameters', 'at most 858993456', '4294967296'] },
  { id: 'config-synthetic-dense-above-generator', files: { 'c.json': { data: { dense: 100_000_000 } } }, args: train('c.json'), names: ['c.json', 'data.dense: 100000000', '<=65536'] },
  { id: 'config-synthetic-features-beyond-one-array', files: { 'c.json': { data: { examples: 1e9 } } }, args: train('c.json'), names: ['data.examples: 1000000000', 'at most 134217728 examples of 32 features', '4294967296'] },
  // data
  { id: 'data-file-missing', files: { 'c.json': csvConfig('nope.csv') }, args: train('c.json'), names: ['nope.csv', 'no such file'] },
  { id: 'data-file-empty', files: { 'c.json': csvConfig('empty.csv'), 'empty.csv': '' }, args: train('c.json'), names: ['empty.csv', 'empty'] },
  { id: 'data-header-only', files: { 'c.json': csvConfig('h.csv'), 'h.csv': 'age,city,clicked\n' }, args: train('c.json'), names: ['h.csv', 'only a header', 'at least one data row'] },
  { id: 'data-wrong-delimiter', files: { 'c.json': csvConfig('d.csv', { delimiter: ';' }), 'd.csv': csv() }, args: train('c.json'), names: ['d.csv', 'delimiter'] },
  { id: 'data-ragged-row', files: { 'c.json': csvConfig('r.csv'), 'r.csv': csv('55,paris') }, args: train('c.json'), names: ['r.csv:32', 'wrong number of columns', 'expected 3 columns'] },
  { id: 'data-non-numeric-value', files: { 'c.json': csvConfig('n.csv'), 'n.csv': csv('old,paris,no') }, args: train('c.json'), names: ['n.csv:32, column age', 'got "old"', 'finite number'] },
  { id: 'data-nan-value', files: { 'c.json': csvConfig('nan.csv'), 'nan.csv': csv('NaN,paris,no') }, args: train('c.json'), names: ['nan.csv:32, column age', 'got "NaN"', 'finite number'] },
  { id: 'data-infinite-value', files: { 'c.json': csvConfig('inf.csv'), 'inf.csv': csv('1e999,paris,no') }, args: train('c.json'), names: ['inf.csv:32, column age', 'got "1e999"', "beyond float32's range"] },
  { id: 'data-value-beyond-float32', files: { 'c.json': csvConfig('f32.csv'), 'f32.csv': csv('1e39,paris,no') }, args: train('c.json'), names: ['f32.csv:32, column age', 'got "1e39"', "beyond float32's range"] },
  { id: 'data-label-outside-set', files: { 'c.json': csvConfig('l.csv'), 'l.csv': csv('40,nice,maybe') }, args: train('c.json'), names: ['l.csv:32, column clicked', 'got "maybe"', '"yes"', '"no"'] },
  { id: 'data-single-class', files: { 'c.json': csvConfig('one.csv'), 'one.csv': ['age,city,clicked', ...rows(20).map((r) => r.replace(/yes$/, 'no'))].join('\n') + '\n' }, args: train('c.json'), names: ['one.csv, column clicked', 'at least two classes'] },
  { id: 'data-eval-single-class', files: { 'c.json': { data: { examples: 100, evalFraction: 0.01 } } }, args: train('c.json'), names: ['data.evalFraction (0.01)', 'only class', 'in its 1 row', 'both classes 0 and 1'] },
  { id: 'data-eval-single-class-default-split', files: { 'c.json': csvConfig('one-click.csv'), 'one-click.csv': ['age,city,clicked', ...rows(30).map((row, i) => row.replace(/(yes|no)$/, i === 1 ? 'yes' : 'no'))].join('\n') + '\n' }, args: train('c.json'), names: [/data\.split\.eval \(0\.2, the default, of \/.+\/one-click\.csv\)/, 'only class 0', 'both classes 0 and 1'] },
  { id: 'data-unknown-column', files: { 'c.json': csvConfig('u.csv', { numeric: ['height'] }), 'u.csv': csv() }, args: train('c.json'), names: ['u.csv', 'height'] },
  { id: 'data-file-missing-for-sweep', files: { 'c.json': csvConfig('nope.csv') }, args: ['sweep', '--config', 'c.json'], names: ['nope.csv', 'no such file'] },
  { id: 'data-criteo-missing', args: ['train', '--data', 'criteo:no-such.tsv'], names: ['no-such.tsv', 'no such file'] },
  { id: 'data-mnist-gzip-truncated', files: { 'c.json': { ...smallConfig, data: { format: 'mnist', dir: 'mnist' } } }, prepare: cutMnistDownload, args: train('c.json'), names: [/mnist\/train-labels-idx1-ubyte\.gz: /, 'the gzip stream is truncated', 'a complete gzip file'] },
  // command line
  { id: 'cli-unknown-flag', args: ['train', '--wrokers', '2'], names: ["unknown option '--wrokers'"] },
  { id: 'cli-missing-value', args: ['train', '--workers'], names: ["option '--workers <n>' argument missing"] },
  { id: 'cli-bad-number', args: ['train', '--epochs', '0'], names: ['--epochs', '"0"', 'whole number ≥ 1'] },
  { id: 'cli-worker-list-for-train', args: ['train', '--workers', '1,2'], names: ['--workers', '"1,2"', 'one worker count'] },
  { id: 'cli-unknown-command', args: ['trian'], names: ["unknown command 'trian'"] },
  { id: 'cli-fault-stall-beyond-an-hour', args: ['train', '--fault', 'stall:worker=0,ms=99999999'], names: ['--fault', '"stall:worker=0,ms=99999999"', 'at most 3600000 ms'] },
  { id: 'cli-nats-without-nats-transport', args: ['train', '--nats', 'nats://127.0.0.1:4222'], names: ['--nats', 'transport.kind "threads"', 'expected --transport nats'] },
  { id: 'cli-worker-empty-server-url', args: ['worker', '--nats', 'nats://alice:s3cret@10.0.0.5:4222,'], names: ['--nats', '"nats://***@10.0.0.5:4222,"', 'none empty'] },
  { id: 'cli-bad-data-source', args: ['train', '--data', 'parquet'], names: ['--data', 'synthetic, criteo:PATH or mnist'] },
  { id: 'cli-missing-argument', args: ['pd', 'only-one'], names: ["missing required argument 'runB'"] },
  { id: 'cli-replay-from-with-settings', args: ['train', '--replay-from', 'x', '--seed', '3'], names: ['--seed', 'not allowed with --replay-from'] },
  { id: 'cli-skip-bad-rows-without-file-data', args: ['train', '--skip-bad-rows'], names: ['--skip-bad-rows', '"synthetic"', 'data read from a file'] },
  { id: 'cli-empty-out', args: ['train', '--out', ''], names: ["option '--out <dir>'", '"" is not allowed; expected a path'] },
  { id: 'cli-bad-fault', args: ['train', '--fault', 'explode:worker=1'], names: ['--fault', 'kill:worker=W,step=S or stall:worker=W,ms=M'] },
  { id: 'config-fault-for-missing-worker', files: { 'c.json': { training: { workers: 2, faults: ['kill:worker=5,step=1'] } } }, args: train('c.json'), names: ['training.faults[0]', 'worker 5', 'from 0 to 1'] },
  { id: 'config-fault-for-a-worker-some-runs-lack', args: ['compare', '--workers', '2,1', '--fault', 'kill:worker=1,step=1'], names: ['training.faults[0]: worker 1', 'from 0 to 0', 'a run with 1 worker would never meet it'] },
  { id: 'config-fault-after-last-step', args: ['train', '--epochs', '1', '--fault', 'kill:worker=1,step=99999'], names: ['training.faults[0]: step 99999', 'from 0 to 249', '250 steps'] },
  { id: 'config-fault-after-last-step-in-sweep', args: ['sweep', '--epochs', '1', '--fault', 'kill:worker=1,step=99999'], names: ['training.faults[0]: step 99999', '250 steps'] },
  { id: 'config-delay-for-missing-worker', args: ['train', '--order', 'async', '--workers', '2', '--delay', 'lag:9=5'], names: ['training.delay: "lag:9=5"', 'worker 9', 'at most 2 workers'] },
  { id: 'cli-resume-without-out', args: ['sweep', '--resume'], names: ['--resume', '--out'] },
  { id: 'cli-bad-parallel-runs', args: ['compare', '--parallel-runs', '0'], names: ['--parallel-runs', '"0"', 'auto or a whole number ≥ 1'] },
  { id: 'cli-parallel-runs-with-nats', args: ['sweep', '--transport', 'nats', '--parallel-runs', '2'], names: ['--parallel-runs: 2', 'transport.kind "nats"', 'expected 1 or auto'] },
  // files
  { id: 'file-out-unwritable', files: { 'plain-file': 'x' }, args: ['train', '--out', 'plain-file/run'], names: ['--out', 'plain-file/run', 'is not a directory'] },
  { id: 'file-out-exists', files: { 'taken/keep.txt': 'precious' }, args: ['train', '--out', 'taken'], names: ['--out', 'taken', 'already exists'] },
  { id: 'file-run-directory-corrupt', files: { 'run/metrics.json': { evalExamples: 10, outputs: 1 }, 'run/predictions.f32': 'abc', 'other/metrics.json': '{' }, args: ['pd', 'run', 'other'], names: [/predictions\.f32: 3 bytes; expected 40/] },
  { id: 'file-events-log-corrupt', files: { 'rec/config.json': {}, 'rec/events.jsonl': '{"step":0,"worker":0,"versionRead":0,"version":1,"staleness":0,"orderKey":0}\nnot json\n' }, args: ['train', '--replay-from', 'rec'], names: [/rec\/events\.jsonl:2/, 'is not JSON'] },
  { id: 'file-cache-corrupt', files: { 'c.json': { ...csvConfig('data.csv'), cache: { dir: 'cache' } }, 'data.csv': csv() }, prepare: damageCache, args: ['train', '--config', 'c.json', '--out', 'second'], names: [/cache\/data-[0-9a-f]+\.cache/, 'corrupt cache file', 'delete it'] },
  { id: 'file-resume-not-a-run', files: { 'nowhere/notes.txt': 'x' }, args: ['train', '--resume', 'nowhere'], names: ['--resume: nowhere is not a run directory', 'config.json'] },
  { id: 'file-checkpoint-corrupt', files: { 'run/config.json': {}, 'run/checkpoint.msgpack': 'garbage' }, args: ['train', '--resume', 'run'], names: [/run\/checkpoint\.msgpack: /, 'expected'] },
  { id: 'file-results-empty', files: { 'res/results.json': '{"kind":"compare","config":{},"results":[],"betweenWorkerCounts":[]}' }, args: ['report', 'res'], names: ['res/results.json', 'results: [] is not allowed'] },
  { id: 'file-metrics-without-sizes', files: { 'run/metrics.json': '{"logLoss":1}', 'run/predictions.f32': 'abcd', 'other/metrics.json': '{}' }, args: ['pd', 'run', 'other'], names: [/run\/metrics\.json: evalExamples: missing is not allowed/] },
  { id: 'file-results-corrupt', files: { 'res/results.json': '{"kind": "compare"' }, args: ['report', 'res'], names: ['res/results.json', 'not valid JSON'] },
  { id: 'file-sweep-resumed-with-other-config', files: { 'sw/sweep-config.json': '{}\n' }, args: ['sweep', '--resume', '--out', 'sw'], names: ['--resume', 'the config changed', 'sw/sweep-config.json'] },
];

/** Every file and directory under `dir`, relative to it, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

/** Writes a case's files (objects as JSON) under `dir`. */
function writeFiles(dir: string, files: Record<string, string | object> = {}): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
}

describe('the bad-input catalogue (docs/errors.md)', () => {
  it('has at least 40 cases with distinct ids, each listed in docs/errors.md', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(40);
    expect(new Set(catalogue.map((c) => c.id)).size).toBe(catalogue.length);
    const doc = readFileSync(errorsDoc, 'utf8');
    for (const { id } of catalogue) expect(doc, id).toContain(`\`${id}\``);
  });

  describe.concurrent.each(catalogue)('$id', ({ id, files, args, names, prepare }) => {
    it(
      'exits 2 with one line naming the place, the value and what is allowed, no stack trace, leaves existing files alone and writes none',
      async () => {
        const dir = path.join(tmp(), id);
        mkdirSync(dir);
        writeFiles(dir, files);
        await prepare?.(dir);
        const before = tree(dir);
        const result = await runCli(args, dir);
        expect(result.code, result.stderr).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
        for (const name of names) {
          if (typeof name === 'string') expect(result.stderr).toContain(name);
          else expect(result.stderr).toMatch(name);
        }
        expect(result.stderr).not.toMatch(stackFrame);
        expect(tree(dir)).toEqual(before);
        for (const [name, content] of Object.entries(files ?? {})) {
          expect(readFileSync(path.join(dir, name), 'utf8'), name).toBe(typeof content === 'string' ? content : JSON.stringify(content));
        }
      },
      TRAINING_TIMEOUT,
    );
  });

  it('shows the stack trace with --verbose', async () => {
    const result = await runCli(['train', '--config', 'missing.json', '--verbose'], tmp());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(stackFrame);
  });
});
