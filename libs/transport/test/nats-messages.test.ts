import type { Dataset } from '@churnlab/data';
import { embeddingTables, initialParameters, parameterLayout, setTouchedFromIds, touchedIds, type ModelSpec } from '@churnlab/model';
import { SharedParameters } from '@churnlab/ps';
import { initWasmBackend } from '@churnlab/tensor';
import { WorkerRuntime, type RunSetup } from '@churnlab/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../src/nats/codec.js';
import { datasetMessage, readDataset } from '../src/nats/dataset-message.js';
import { failedMessage, readFailedMessage } from '../src/nats/failed-message.js';
import { headerFor } from '../src/nats/frames.js';
import { gradientMessage, readGradientMessage, writeGradientSlot } from '../src/nats/gradient-message.js';
import { predictMessage, readPredictionsMessage, readPredictMessage } from '../src/nats/predict-message.js';
import { encodePresence, readPresence } from '../src/nats/presence-message.js';
import { RemoteRun } from '../src/nats/remote-run.js';
import { readSetupMessage, setupMessage } from '../src/nats/setup-message.js';
import { readTaskMessage, taskMessage } from '../src/nats/task-message.js';
import { train } from './fixture.js';
import { categoricalTrain } from './nats-fixture.js';

/** What crosses the wire: encoded, then decoded as a receiver sees it. */
const wire = (value: unknown) => decodeWire(encodeWire(value), 1 << 30, 'test');

const dense: ModelSpec = { inputs: train.width, hidden: [6], outputs: 1, activation: 'relu', layerNorm: false };
const sparse: ModelSpec = { ...dense, inputs: categoricalTrain.width, embeddings: { buckets: [7, 5], dimension: 2 } };

function setupFor(model: ModelSpec, data: Dataset, withTables: boolean, slots = 2): RunSetup & { live: SharedParameters } {
  const layout = parameterLayout(model);
  const live = SharedParameters.create(initialParameters(layout, 3), slots, 0, withTables ? embeddingTables(layout) : []);
  return { runId: 'r', model, store: live.handle, train: data, precision: { name: 'float32', seed: 1, replica: 0 }, live };
}

describe('the setup message', () => {
  const size = parameterLayout(dense).size;

  it('round-trips a run setup, with and without embedding tables', () => {
    const plain = setupFor(dense, train, false);
    const back = readSetupMessage(wire(setupMessage(plain)), size);
    expect(back.model).toEqual(dense);
    expect(back.size).toBe(size);
    expect(back.tables).toEqual([]);
    expect(back.train.features).toEqual(train.features);
    expect(back.train.features.buffer).toBeInstanceOf(ArrayBuffer);
    const withTables = setupFor(sparse, categoricalTrain, true);
    const sparseBack = readSetupMessage(wire(setupMessage(withTables)), 1 << 20);
    expect(sparseBack.tables).toEqual(embeddingTables(parameterLayout(sparse)));
    expect(sparseBack.train.categories).toEqual(categoricalTrain.categories);
    expect(back.precision).toEqual({ name: 'float32', seed: 1, replica: 0 });
    const rounded = { ...plain, precision: { ...plain.precision, params: 'bfloat16' as const } };
    expect(readSetupMessage(wire(setupMessage(rounded)), size).precision).toEqual({ name: 'float32', params: 'bfloat16', seed: 1, replica: 0 });
  });

  it('refuses a setup whose parts do not fit together or do not fit the limits', () => {
    const good = setupMessage(setupFor(dense, train, false));
    const cases: [unknown, RegExp][] = [
      [{ ...good, size: size + 1 }, /setup.size: the model has \d+ parameters, the setup says/],
      [{ ...good, model: { ...good.model, outputs: 0 } }, /setup.model: model.outputs: 0 is not allowed/],
      [{ ...good, model: { ...good.model, hidden: Array(65).fill(1) } }, /setup.model.hidden: expected an array of at most 64 items/],
      [{ ...good, model: { ...good.model, hidden: [1e6, 1e6] } }, /setup.size: the model has \d+ parameters, the setup says|setup.size/],
      [{ ...good, precision: { ...good.precision, name: 'float8' } }, /setup.precision.name: expected one of float32/],
      [{ ...good, precision: { ...good.precision, params: 'int8' } }, /setup.precision.params: expected one of float32, bfloat16, float16/],
      [{ ...good, tables: [{ offset: 0, rows: 2, dimension: 2 }] }, /setup.tables: not the model's embedding tables/],
      [{ ...good, train: { ...good.train, width: good.train.width + 1 } }, /setup.train.features: expected a Float32Array of/],
      [{ ...good, model: { ...good.model, inputs: good.model.inputs + 1 } }, /setup.size|setup.train.width/],
      [{ ...good, secret: 1 }, /setup: unexpected field "secret"/],
    ];
    for (const [value, reason] of cases) expect(() => readSetupMessage(wire(value), 10 * size)).toThrow(reason);
    expect(() => readSetupMessage(wire(good), size - 1)).toThrow(/setup.size: expected an integer from 1 to/);
  });

  it('datasets: every array as long as the rows say, categorical fields together, bucket ids inside their tables', () => {
    const message = datasetMessage(categoricalTrain);
    expect(readDataset(wire(message), 'd').buckets).toEqual([7, 5]);
    expect(() => readDataset(wire({ ...message, labels: new Float32Array(3) }), 'd')).toThrow(/d.labels: expected a Float32Array of 900 elements, got a Float32Array of 3/);
    expect(() => readDataset(wire({ ...message, categoryNames: undefined }), 'd')).toThrow(/categories, buckets and categoryNames come together/);
    const categories = message.categories!.slice();
    categories[5] = 5;
    expect(() => readDataset(wire({ ...message, categories }), 'd')).toThrow('d.categories: row 2 has bucket id 5 for feature 1, which has 5 buckets');
    expect(() => readDataset(wire({ ...message, featureNames: [1] }), 'd')).toThrow(/d.featureNames\[0\]: expected a string/);
    expect(Object.keys(datasetMessage({ ...train, features: new Float32Array(new SharedArrayBuffer(4)) }))).not.toContain('categories');
  });
});

describe('the task message', () => {
  const task = { step: 3, worker: 1, microShards: [Uint32Array.of(0, 1), Uint32Array.of(2)], firstMicroShard: 2, scale: 1 / 3 };

  it('carries the rows and, when given, the parameters', () => {
    const params = new Float32Array(5).fill(2);
    expect(readTaskMessage(wire(taskMessage(task, params)), { size: 5, rows: 3 })).toEqual({ microShards: task.microShards, firstMicroShard: 2, scale: 1 / 3, params });
    expect(readTaskMessage(wire(taskMessage(task, undefined)), { size: 5, rows: 3 })).not.toHaveProperty('params');
  });

  it('refuses rows outside the data, parameters of another size and a scale that is not positive', () => {
    expect(() => readTaskMessage(wire(taskMessage(task, undefined)), { size: 5, rows: 2 })).toThrow("task.microShards[1]: row 2 is not among the run's 2 training rows");
    expect(() => readTaskMessage(wire(taskMessage(task, new Float32Array(4))), { size: 5, rows: 3 })).toThrow('task.params: expected a Float32Array of 5 elements, got a Float32Array of 4 elements');
    expect(() => readTaskMessage(wire({ ...taskMessage(task, undefined), scale: -1 }), { size: 5, rows: 3 })).toThrow('task.scale: expected a positive number');
    expect(() => readTaskMessage(wire({ ...taskMessage(task, undefined), microShards: [[0, 1]] }), { size: 5, rows: 3 })).toThrow(/task.microShards\[0\]: expected a Uint32Array/);
  });

  it('carries an injected fault, checked: kill, or stall for at most an hour', () => {
    const run = { size: 5, rows: 3 };
    expect(readTaskMessage(wire(taskMessage({ ...task, fault: { kind: 'kill' } }, undefined)), run).fault).toEqual({ kind: 'kill' });
    expect(readTaskMessage(wire(taskMessage({ ...task, fault: { kind: 'stall', ms: 250 } }, undefined)), run).fault).toEqual({ kind: 'stall', ms: 250 });
    expect(() => readTaskMessage(wire({ ...taskMessage(task, undefined), fault: { kind: 'explode' } }), run)).toThrow('task.fault.kind: expected one of kill, stall, got "explode"');
    expect(() => readTaskMessage(wire({ ...taskMessage(task, undefined), fault: { kind: 'stall', ms: 3_600_001 } }), run)).toThrow(/task.fault.ms: expected an integer from 0 to 3600000/);
    expect(() => readTaskMessage(wire({ ...taskMessage(task, undefined), fault: { kind: 'kill', ms: 5 } }), run)).toThrow('task.fault: a kill takes no ms');
  });
});

describe('the gradient message', () => {
  it('dense: the whole slot crosses and lands in the coordinator slot unchanged', () => {
    const worker = SharedParameters.create(new Float32Array(6), 1);
    worker.gradientSlot(0).set([1, -2, 3, 0, 5, 6]);
    const message = gradientMessage(worker, 0, { lossSum: 1.25, rows: 16 });
    const coordinator = SharedParameters.create(new Float32Array(6), 3);
    writeGradientSlot(coordinator, 2, readGradientMessage(wire(message), { size: 6, tables: [], rows: 16 }));
    expect(coordinator.gradientSlot(2)).toEqual(worker.gradientSlot(0));
    expect(() => readGradientMessage(wire(message), { size: 7, tables: [], rows: 16 })).toThrow('gradient.values: expected a Float32Array of 7 elements, got a Float32Array of 6 elements');
    expect(() => readGradientMessage(wire(message), { size: 6, tables: [], rows: 8 })).toThrow('gradient.rows: the task had 8 rows, the reply says 16');
    expect(() => readGradientMessage(wire({ ...message, touched: [] }), { size: 6, tables: [], rows: 16 })).toThrow('gradient: unexpected field "touched"');
    expect(message).not.toHaveProperty('firstNonFinite');
  });

  it("carries the worker's report of the first non-finite element, inside the vector", () => {
    const worker = SharedParameters.create(new Float32Array(6), 1);
    worker.gradientSlot(0).set([1, 2, Number.NaN, 4, Number.POSITIVE_INFINITY, 6]);
    const message = gradientMessage(worker, 0, { lossSum: Number.NaN, rows: 2, firstNonFinite: 2 });
    const back = readGradientMessage(wire(message), { size: 6, tables: [], rows: 2 });
    expect(back.firstNonFinite).toBe(2);
    expect(back.lossSum).toBeNaN();
    expect(back.values[2]).toBeNaN();
    expect(() => readGradientMessage(wire({ ...message, firstNonFinite: 6 }), { size: 6, tables: [], rows: 2 })).toThrow('gradient.firstNonFinite: expected an integer from 0 to 5, got the number 6');
  });

  it('sparse: the dense part and the touched rows cross packed; the slot ends up exactly as a worker thread leaves it', () => {
    const tables = [
      { offset: 0, rows: 4, dimension: 2 },
      { offset: 8, rows: 3, dimension: 2 },
    ];
    const size = 14 + 4;
    const worker = SharedParameters.create(new Float32Array(size), 1, 0, tables);
    const touched = worker.touchedRows(0)!;
    setTouchedFromIds(touched, 0, Uint32Array.of(3, 1));
    setTouchedFromIds(touched, 1, Uint32Array.of(2));
    const gradient = worker.gradientSlot(0);
    gradient.set([0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 5, 6, 7, 8, 9, 10]);
    const message = gradientMessage(worker, 0, { lossSum: 0.5, rows: 4 });
    expect(message.values).toEqual(Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    // The coordinator's slot still holds an older gradient that touched other rows: those must be zeroed.
    const coordinator = SharedParameters.create(new Float32Array(size), 1, 0, tables);
    setTouchedFromIds(coordinator.touchedRows(0)!, 0, Uint32Array.of(0));
    coordinator.gradientSlot(0).set([9, 9], 0);
    writeGradientSlot(coordinator, 0, readGradientMessage(wire(message), { size, tables, rows: 4 }));
    expect(coordinator.gradientSlot(0)).toEqual(gradient);
    expect([...touchedIds(coordinator.touchedRows(0)!, 0)]).toEqual([1, 3]);
    expect([...touchedIds(coordinator.touchedRows(0)!, 1)]).toEqual([2]);

    const shape = { size, tables, rows: 4 };
    expect(() => readGradientMessage(wire({ ...message, touched: [Uint32Array.of(3, 1), Uint32Array.of(2)] }), shape)).toThrow('gradient.touched[0]: row ids must be ascending, distinct and below 4');
    expect(() => readGradientMessage(wire({ ...message, touched: [Uint32Array.of(1, 4), Uint32Array.of(2)] }), shape)).toThrow('gradient.touched[0]: row ids must be ascending');
    expect(() => readGradientMessage(wire({ ...message, touched: [Uint32Array.of(1)] }), shape)).toThrow('gradient.touched: expected ids for 2 tables, got 1');
    expect(() => readGradientMessage(wire({ ...message, values: message.values.subarray(1) }), shape)).toThrow('gradient.values: expected a Float32Array of 10 elements, got a Float32Array of 9 elements');
    expect(() => readGradientMessage(wire({ lossSum: 0.5, rows: 4, values: gradient }), shape)).toThrow('gradient: the field touched is missing');
  });
});

describe('predictions, failures and presence', () => {
  it('predict carries the rows and the parameters; predictions exactly rows × outputs values', () => {
    const params = new Float32Array(4);
    const back = readPredictMessage(wire(predictMessage(train, params)), { size: 4, inputs: train.width });
    expect(back.data.rows).toBe(train.rows);
    expect(() => readPredictMessage(wire(predictMessage(train, params)), { size: 5, inputs: train.width })).toThrow('predict.params: expected a Float32Array of 5 elements');
    expect(() => readPredictMessage(wire(predictMessage(train, params)), { size: 4, inputs: 3 })).toThrow(/predict.data.width: the model takes 3 dense features/);
    expect(readPredictionsMessage(wire({ values: new Float32Array(3) }), 3).values).toHaveLength(3);
    expect(() => readPredictionsMessage(wire({ values: new Float32Array(3) }), 4)).toThrow('predictions.values: expected a Float32Array of 4 elements');
  });

  it('a failure carries a bounded reason', () => {
    expect(failedMessage(new RangeError('bad'))).toEqual({ message: 'RangeError: bad' });
    expect(failedMessage('x'.repeat(2000)).message).toHaveLength(500);
    expect(readFailedMessage(wire(failedMessage(new Error('no'))))).toEqual({ message: 'Error: no' });
    expect(() => readFailedMessage(wire({ message: 'x'.repeat(501) }))).toThrow(/failed.message/);
  });

  it('presence: round-trips, and refuses names with spaces, bad ids and other versions', () => {
    const hello = { kind: 'hello', id: 'abc123', name: 'host-1', heartbeatMs: 1000 } as const;
    expect(readPresence(encodePresence(hello))).toEqual(hello);
    expect(() => readPresence(encodePresence({ ...hello, name: 'two words' }))).toThrow(/presence.name/);
    expect(() => readPresence(encodePresence({ ...hello, id: 'a.b' }))).toThrow(/presence.id/);
    expect(() => readPresence(encodeWire({ v: 9, ...hello }))).toThrow('presence: protocol version 9 is not supported; this side speaks 1');
  });
});

describe('a remote run', () => {
  beforeAll(() => initWasmBackend());

  it('computes the gradient a worker thread computes at the same version, into the same slot contents', () => {
    for (const [model, data, withTables] of [
      [dense, train, false],
      [sparse, categoricalTrain, true],
    ] as const) {
      const coordinator = setupFor(model, data, withTables);
      const task = { step: 0, worker: 1, microShards: [Uint32Array.of(5, 9, 2), Uint32Array.of(40)], firstMicroShard: 1, scale: 0.25 };
      const reference = new WorkerRuntime(coordinator).computeGradient(task);
      const run = new RemoteRun('r', readSetupMessage(wire(setupMessage(coordinator)), 1 << 20));
      const params = new Float32Array(coordinator.store.size);
      const version = coordinator.live.read(params);
      const message = run.computeGradient({ ...headerFor('task', 'r', 1), version, step: 0, worker: 1, slot: 1 }, { ...task, params });
      expect(message.lossSum).toBe(reference.lossSum);
      expect(message.firstNonFinite).toBeUndefined();
      const other = setupFor(model, data, withTables);
      writeGradientSlot(other.live, 1, readGradientMessage(wire(message), { size: coordinator.store.size, tables: coordinator.store.tables, rows: 4 }));
      expect(other.live.gradientSlot(1)).toEqual(coordinator.live.gradientSlot(1));
      run.dispose();
    }
  });

  it('reports a non-finite gradient as a worker thread does', () => {
    const coordinator = setupFor(dense, train, false);
    coordinator.live.write((p) => p.fill(Number.NaN, 0, 3));
    const task = { step: 0, worker: 0, microShards: [Uint32Array.of(1, 2)], firstMicroShard: 0, scale: 0.5 };
    const reference = new WorkerRuntime(coordinator).computeGradient(task);
    expect(reference.firstNonFinite).toBeDefined();
    const run = new RemoteRun('r', readSetupMessage(wire(setupMessage(coordinator)), 1 << 20));
    const message = run.computeGradient({ ...headerFor('task', 'r', 1), version: 1, step: 0, worker: 0, slot: 0 }, { ...task, params: coordinator.live.params.slice() });
    expect(message.firstNonFinite).toBe(reference.firstNonFinite);
    run.dispose();
  });

  it('refuses a task that comes without parameters for a version it does not hold, and predicts at the version sent', () => {
    const coordinator = setupFor(dense, train, false);
    const run = new RemoteRun('r', readSetupMessage(wire(setupMessage(coordinator)), 1 << 20));
    const task = { microShards: [Uint32Array.of(1)], firstMicroShard: 0, scale: 1 };
    expect(() => run.computeGradient({ ...headerFor('task', 'r', 1), version: 0, step: 0, worker: 0, slot: 0 }, task)).toThrow(
      'parameter version 0 of run r came without its parameters, and this worker holds version -1',
    );
    const predictions = run.predict(4, { data: train, params: coordinator.live.params.slice() });
    expect(predictions).toHaveLength(train.rows);
    expect(predictions.every((p) => p > 0 && p < 1)).toBe(true);
    // Version 4's parameters are now held: a task at version 4 may come without them.
    expect(run.computeGradient({ ...headerFor('task', 'r', 2), version: 4, step: 0, worker: 0, slot: 0 }, task).rows).toBe(1);
    run.dispose();
  });
});
