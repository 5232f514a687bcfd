/**
 * What a model is: an MLP from `inputs` dense features, concatenated with one learned vector per categorical feature
 * when `embeddings` is set, through `hidden` layers to `outputs` (1 = sigmoid probability, K ≥ 2 = softmax).
 */
export interface ModelSpec {
  /** Dense (float) features per example; may be 0 when there are embedding tables. */
  inputs: number;
  hidden: number[];
  outputs: number;
  /** Activation spec string, e.g. `relu`, `smelu:1`, `gelu:tanh`. */
  activation: string;
  /** Layer normalisation of every hidden pre-activation. */
  layerNorm: boolean;
  /** One embedding table per categorical feature; absent (or no buckets) means a dense-only MLP. */
  embeddings?: EmbeddingSpec;
}

/** Embedding tables: table k has buckets[k] rows (bucket ids 0 … buckets[k] − 1, 0 = missing) of `dimension` floats. */
export interface EmbeddingSpec {
  buckets: number[];
  dimension: number;
}

/** The largest number of rows of one table: row ids travel as Uint32. */
const MAX_BUCKETS = 2 ** 32 - 1;

/** Throws a RangeError naming the field when a spec cannot describe a network. */
export function validateModelSpec(spec: ModelSpec): void {
  const integer = (field: string, v: number, min: number, max = Number.MAX_SAFE_INTEGER) => {
    if (!Number.isInteger(v) || v < min || v > max) {
      const expected = min === 0 ? 'a whole number ≥ 0' : max === Number.MAX_SAFE_INTEGER ? 'a positive integer' : `an integer from ${min} to ${max}`;
      throw new RangeError(`model.${field}: ${v} is not allowed; expected ${expected}`);
    }
  };
  const tables = spec.embeddings?.buckets.length ?? 0;
  // A model made only of embeddings has no dense features; otherwise the MLP would have no input at all.
  if (tables === 0) integer('inputs', spec.inputs, 1);
  else integer('inputs', spec.inputs, 0);
  spec.hidden.forEach((w, i) => integer(`hidden[${i}]`, w, 1));
  integer('outputs', spec.outputs, 1);
  if (spec.embeddings) {
    integer('embeddings.dimension', spec.embeddings.dimension, 1);
    spec.embeddings.buckets.forEach((b, k) => integer(`embeddings.buckets[${k}]`, b, 1, MAX_BUCKETS));
  }
}

/** Number of embedding tables (categorical features) of a spec. */
export function tableCount(spec: ModelSpec): number {
  return spec.embeddings?.buckets.length ?? 0;
}

/** Width of the MLP's first layer input: the dense features plus one embedding vector per table. */
export function mlpInputWidth(spec: ModelSpec): number {
  return spec.inputs + tableCount(spec) * (spec.embeddings?.dimension ?? 0);
}
