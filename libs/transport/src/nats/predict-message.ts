import type { Dataset } from '@churnlab/data';
import { datasetMessage, readDataset } from './dataset-message.js';
import { record, typedArray } from './wire-checks.js';
import { WireError } from './wire-error.js';

/** The body of a predict frame: the rows to predict and the parameters at the version in the frame's header. */
export interface PredictMessage {
  data: Dataset;
  params: Float32Array;
}

/** The body of a predictions frame: rows × outputs predictions, row-major. */
export interface PredictionsMessage {
  values: Float32Array;
}

/** The body of a predict frame for `data` at `params`. */
export function predictMessage(data: Dataset, params: Float32Array): PredictMessage {
  return { data: datasetMessage(data), params };
}

/** Checks a decoded predict body against a run with `size` parameters whose model takes `inputs` dense features. */
export function readPredictMessage(value: unknown, run: { size: number; inputs: number }): PredictMessage {
  const p = record(value, 'predict', ['data', 'params']);
  const data = readDataset(p['data'], 'predict.data');
  if (data.width !== run.inputs) throw new WireError(`predict.data.width: the model takes ${run.inputs} dense features, the data has ${data.width}`);
  return { data, params: typedArray(p['params'], 'predict.params', Float32Array, { exactly: run.size }) };
}

/** Checks a decoded predictions body: exactly `length` values. */
export function readPredictionsMessage(value: unknown, length: number): PredictionsMessage {
  const p = record(value, 'predictions', ['values']);
  return { values: typedArray(p['values'], 'predictions.values', Float32Array, { exactly: length }) };
}
