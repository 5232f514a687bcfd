import type { Dataset } from '@churnlab/data';
import { embeddingTables, parameterLayout, validateModelSpec, type EmbeddingTable, type ModelSpec } from '@churnlab/model/vectors';
import { gradientPrecisionNames, parameterPrecisionNames, type GradientPrecisionName, type ParameterPrecisionName } from '@churnlab/ps';
import type { RunSetup } from '@churnlab/worker';
import { datasetMessage, readDataset } from './dataset-message.js';
import { arrayOf, boolean, integer, oneOf, record, text } from './wire-checks.js';
import { WireError } from './wire-error.js';

/** Everything a worker process needs to serve a run, sent once per process and run: no file is read remotely. */
export interface SetupMessage {
  model: ModelSpec;
  precision: { name: GradientPrecisionName; params?: ParameterPrecisionName; seed: number; replica: number };
  /** Parameters in the model (and in every parameter or gradient message of the run). */
  size: number;
  /** The coordinator store's embedding tables: a worker's gradient is sparse in them exactly when this is not empty. */
  tables: EmbeddingTable[];
  train: Dataset;
}

/** The setup message of a run, from the setup its coordinator trains with. */
export function setupMessage(setup: RunSetup): SetupMessage {
  const { model, precision, store, train } = setup;
  return {
    model: modelMessage(model),
    precision: { name: precision.name, ...(precision.params ? { params: precision.params } : {}), seed: precision.seed, replica: precision.replica },
    size: store.size,
    tables: store.tables.map(({ offset, rows, dimension }) => ({ offset, rows, dimension })),
    train: datasetMessage(train),
  };
}

/** Checks a decoded setup: field by field, then that the model, its size, the tables and the data fit together. */
export function readSetupMessage(value: unknown, maxParameters: number): SetupMessage {
  const s = record(value, 'setup', ['model', 'precision', 'size', 'tables', 'train']);
  const model = readModelSpec(s['model']);
  const p = record(s['precision'], 'setup.precision', ['name', 'seed', 'replica'], ['params']);
  const precision = {
    name: oneOf(p['name'], 'setup.precision.name', gradientPrecisionNames),
    ...(p['params'] === undefined ? {} : { params: oneOf(p['params'], 'setup.precision.params', parameterPrecisionNames) }),
    seed: integer(p['seed'], 'setup.precision.seed', 0, Number.MAX_SAFE_INTEGER),
    replica: integer(p['replica'], 'setup.precision.replica', 0, 2 ** 31 - 1),
  };
  const size = integer(s['size'], 'setup.size', 1, maxParameters);
  const layout = parameterLayout(model);
  if (layout.size !== size) throw new WireError(`setup.size: the model has ${layout.size} parameters, the setup says ${size}`);
  const tables = arrayOf(s['tables'], 'setup.tables', 1 << 16, (v, f) => {
    const t = record(v, f, ['offset', 'rows', 'dimension']);
    return { offset: integer(t['offset'], `${f}.offset`, 0, size), rows: integer(t['rows'], `${f}.rows`, 1, size), dimension: integer(t['dimension'], `${f}.dimension`, 1, size) };
  });
  // A store without tables takes dense gradients; one with tables must have exactly the model's.
  const modelTables = embeddingTables(layout);
  const same = tables.length === modelTables.length && tables.every((t, k) => t.offset === modelTables[k]!.offset && t.rows === modelTables[k]!.rows && t.dimension === modelTables[k]!.dimension);
  if (tables.length > 0 && !same) throw new WireError("setup.tables: not the model's embedding tables");
  const train = readDataset(s['train'], 'setup.train');
  if (train.width !== model.inputs) throw new WireError(`setup.train.width: the model takes ${model.inputs} dense features, the data has ${train.width}`);
  return { model, precision, size, tables, train };
}

/** A copy of `model` with exactly the ModelSpec fields, so nothing else crosses the wire. */
function modelMessage(model: ModelSpec): ModelSpec {
  const { inputs, hidden, outputs, activation, layerNorm, embeddings } = model;
  return { inputs, hidden: [...hidden], outputs, activation, layerNorm, ...(embeddings ? { embeddings: { buckets: [...embeddings.buckets], dimension: embeddings.dimension } } : {}) };
}

function readModelSpec(value: unknown): ModelSpec {
  const m = record(value, 'setup.model', ['inputs', 'hidden', 'outputs', 'activation', 'layerNorm'], ['embeddings']);
  const whole = (v: unknown, f: string) => integer(v, f, 0, 2 ** 31 - 1);
  const model: ModelSpec = {
    inputs: whole(m['inputs'], 'setup.model.inputs'),
    hidden: arrayOf(m['hidden'], 'setup.model.hidden', 64, whole),
    outputs: whole(m['outputs'], 'setup.model.outputs'),
    activation: text(m['activation'], 'setup.model.activation', 64),
    layerNorm: boolean(m['layerNorm'], 'setup.model.layerNorm'),
  };
  if (m['embeddings'] !== undefined) {
    const e = record(m['embeddings'], 'setup.model.embeddings', ['buckets', 'dimension']);
    model.embeddings = { buckets: arrayOf(e['buckets'], 'setup.model.embeddings.buckets', 1 << 16, (v, f) => integer(v, f, 1, 2 ** 32 - 1)), dimension: whole(e['dimension'], 'setup.model.embeddings.dimension') };
  }
  try {
    validateModelSpec(model);
  } catch (error) {
    throw new WireError(`setup.model: ${error instanceof Error ? error.message.slice(0, 200) : 'invalid'}`);
  }
  return model;
}
