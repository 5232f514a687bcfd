import type { ModelSpec } from '@churnlab/model/vectors';

/** Categorical inputs looked up in embedding tables: `count` features, each with `buckets` ids and `dim` columns. */
export interface EmbeddingInputs {
  count: number;
  dim: number;
  buckets: number;
}

/** One model the benchmark trains, and the batch it trains at. */
export interface BenchModel {
  id: string;
  title: string;
  batch: number;
  /** Dense input features. */
  dense: number;
  embeddings?: EmbeddingInputs;
  hidden: number[];
  /**
   * Server shards churnlab trains it with (1 when absent). Several let the pool threads sum and apply the shards in
   * parallel: worth it where the server's update is heavy against the step (model c's scattered embedding rows), a
   * loss where a round trip to the threads costs more than the update it spreads (models a and b, measured).
   */
  psShards?: number;
}

/**
 * The models of issue 6, side by side; a new model is one more entry. Model c's 10,000 hashed buckets per categorical
 * feature are our choice (the issue fixes the 26 features and d = 16): 4.16 M embedding parameters beside 0.49 M dense.
 */
export const benchModels: BenchModel[] = [
  { id: 'a', title: 'MLP 512→1024→1024→1, batch 256', batch: 256, dense: 512, hidden: [1024, 1024] },
  { id: 'b', title: 'MLP 64→256→256→1, batch 256', batch: 256, dense: 64, hidden: [256, 256] },
  criteoModel('c', 10_000),
];

/**
 * The model of the memory goal (10 million parameters, 2 workers, ≤ 1 GB): model c's shape with 23,000 buckets per
 * categorical feature, so that 9.57 M embedding parameters and 0.49 M dense ones make 10.06 M.
 */
export const memoryModel: BenchModel = criteoModel('memory', 23_000);

/** The Criteo-shaped model: 26 categorical features with `buckets` hashed ids each (d = 16) and 13 dense ones. */
function criteoModel(id: string, buckets: number): BenchModel {
  return {
    id,
    title: `Criteo: 26 embeddings (d = 16, ${buckets.toLocaleString('en-US')} buckets each) + 13 dense → 400→400→400→1, batch 512`,
    batch: 512,
    dense: 13,
    embeddings: { count: 26, dim: 16, buckets },
    hidden: [400, 400, 400],
    psShards: 4,
  };
}

/** Width of the first dense layer's input: the dense features plus every embedding's columns. */
export function inputWidth(model: BenchModel): number {
  return model.dense + (model.embeddings ? model.embeddings.count * model.embeddings.dim : 0);
}

/** The churnlab ModelSpec of a bench model: ReLU, binary output, no layer norm, one embedding table per categorical feature. */
export function modelSpec(model: BenchModel): ModelSpec {
  const e = model.embeddings;
  return {
    inputs: model.dense,
    hidden: model.hidden,
    outputs: 1,
    activation: 'relu',
    layerNorm: false,
    ...(e && { embeddings: { buckets: Array.from({ length: e.count }, () => e.buckets), dimension: e.dim } }),
  };
}

/** Trainable parameters: every dense kernel and bias, plus the embedding tables. */
export function parameterCount(model: BenchModel): number {
  const widths = [inputWidth(model), ...model.hidden, 1];
  let count = model.embeddings ? model.embeddings.count * model.embeddings.buckets * model.embeddings.dim : 0;
  for (let i = 0; i + 1 < widths.length; i++) count += (widths[i]! + 1) * widths[i + 1]!;
  return count;
}
