import { parseActivation } from '@churnlab/activations';
import { parameterLayout, type ModelSpec } from '../src/index.js';

/** A batch for the float64 reference: per example its dense features, its bucket id per table, and its label. */
export interface ReferenceBatch {
  dense: number[][];
  categories: number[][];
  labels: number[];
}

/** What the reference computes: Σloss over the batch and, written out by hand (micrograd style), its float64 gradient. */
export interface ReferenceResult {
  lossSum: number;
  /** d(scale·Σloss)/dθ for every element of the flat layout, embedding tables included (dense: untouched rows are 0). */
  gradient: Float64Array;
  /** Per example, the predicted probabilities. */
  probabilities: number[][];
}

/**
 * A float64 scalar MLP with embedding tables, with the same layout, input order ([dense ‖ table 0 row ‖ table 1 row …])
 * and loss as Network, forward and backward written out by hand: the differential reference for the tfjs version.
 * Layer norm is not covered here (reference-mlp.ts checks it through central differences).
 */
export function referenceEmbeddingMlp(spec: ModelSpec, params: ArrayLike<number>, batch: ReferenceBatch, scale = 1): ReferenceResult {
  if (spec.layerNorm) throw new Error('the embedding reference has no layer norm');
  const { f, df } = parseActivation(spec.activation).reference;
  const layout = parameterLayout(spec);
  const tables = layout.blocks.filter((b) => b.role === 'embedding');
  const kernels = layout.blocks.filter((b) => b.role === 'kernel');
  const biases = layout.blocks.filter((b) => b.role === 'bias');
  const d = spec.embeddings?.dimension ?? 0;
  const gradient = new Float64Array(layout.size);
  const accumulate = (i: number, v: number) => (gradient[i] = gradient[i]! + v);
  const probabilities: number[][] = [];
  let lossSum = 0;
  batch.labels.forEach((label, r) => {
    // Forward, keeping every layer's input and pre-activation for the backward pass.
    const input = [...batch.dense[r]!, ...tables.flatMap((t, k) => Array.from({ length: d }, (_, j) => params[t.offset + batch.categories[r]![k]! * d + j]!))];
    const inputs: number[][] = [];
    const preActivations: number[][] = [];
    let h = input;
    kernels.forEach((kernel, layer) => {
      const [nIn, nOut] = kernel.shape as [number, number];
      const bias = biases[layer]!;
      const z = Array.from({ length: nOut }, (_, j) => {
        let s = params[bias.offset + j]!;
        for (let i = 0; i < nIn; i++) s += h[i]! * params[kernel.offset + i * nOut + j]!;
        return s;
      });
      inputs.push(h);
      preActivations.push(z);
      h = layer === kernels.length - 1 ? z : z.map(f);
    });
    const logits = h;
    const { loss, dLogits, p } = lossAndGradient(logits, label, spec.outputs);
    lossSum += loss;
    probabilities.push(p);
    // Backward: dz of the output layer, then through each kernel and activation down to the input.
    let dz = dLogits.map((g) => g * scale);
    for (let layer = kernels.length - 1; layer >= 0; layer--) {
      const kernel = kernels[layer]!;
      const [nIn, nOut] = kernel.shape as [number, number];
      const x = inputs[layer]!;
      const dx = new Array<number>(nIn).fill(0);
      for (let j = 0; j < nOut; j++) {
        accumulate(biases[layer]!.offset + j, dz[j]!);
        for (let i = 0; i < nIn; i++) {
          accumulate(kernel.offset + i * nOut + j, x[i]! * dz[j]!);
          dx[i] = dx[i]! + params[kernel.offset + i * nOut + j]! * dz[j]!;
        }
      }
      dz = layer === 0 ? dx : dx.map((g, i) => g * df(preActivations[layer - 1]![i]!));
    }
    // dz is now d/d(input): its embedding part goes to the rows this example used (summed over repeated ids).
    tables.forEach((t, k) => {
      const row = batch.categories[r]![k]!;
      for (let j = 0; j < d; j++) accumulate(t.offset + row * d + j, dz[spec.inputs + k * d + j]!);
    });
  });
  return { lossSum, gradient, probabilities };
}

function lossAndGradient(z: number[], label: number, outputs: number): { loss: number; dLogits: number[]; p: number[] } {
  if (outputs === 1) {
    const p = 1 / (1 + Math.exp(-z[0]!));
    return { loss: label === 1 ? -Math.log(p) : -Math.log(1 - p), dLogits: [p - label], p: [p] };
  }
  const max = Math.max(...z);
  const exps = z.map((v) => Math.exp(v - max));
  const total = exps.reduce((a, b) => a + b, 0);
  const p = exps.map((e) => e / total);
  return { loss: Math.log(total) + max - z[label]!, dLogits: p.map((q, k) => q - (k === label ? 1 : 0)), p };
}
