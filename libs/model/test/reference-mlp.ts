import { parseActivation } from '@churnlab/activations';
import { parameterLayout, type ModelSpec } from '../src/index.js';

/** A float64 scalar MLP with the same layout and loss as Network, written out by hand as the differential reference. */
export function referenceLossSum(spec: ModelSpec, params: ArrayLike<number>, x: number[][], labels: number[]): number {
  const act = parseActivation(spec.activation).reference.f;
  const blocks = parameterLayout(spec).blocks;
  let next = 0;
  const take = () => {
    const b = blocks[next++]!;
    return Array.from({ length: b.size }, (_, i) => params[b.offset + i]!);
  };
  const widths = [spec.inputs, ...spec.hidden, spec.outputs];
  return x.reduce((total, row, r) => {
    let h = row;
    for (let layer = 0; layer + 1 < widths.length; layer++) {
      const [nIn, nOut] = [widths[layer]!, widths[layer + 1]!];
      const kernel = take(), bias = take();
      let z = Array.from({ length: nOut }, (_, j) => bias[j]! + h.reduce((s, v, i) => s + v * kernel[i * nOut + j]!, 0));
      if (layer + 2 === widths.length) {
        next = 0;
        return total + rowLoss(z, labels[r]!, spec.outputs);
      }
      if (spec.layerNorm) {
        const gamma = take(), beta = take();
        const mean = z.reduce((a, b) => a + b, 0) / nOut;
        const variance = z.reduce((a, b) => a + (b - mean) ** 2, 0) / nOut;
        z = z.map((v, j) => ((v - mean) / Math.sqrt(variance + 1e-5)) * gamma[j]! + beta[j]!);
      }
      void nIn;
      h = z.map(act);
    }
    throw new Error('unreachable');
  }, 0);
}

function rowLoss(z: number[], label: number, outputs: number): number {
  if (outputs === 1) {
    const p = 1 / (1 + Math.exp(-z[0]!));
    return label === 1 ? -Math.log(p) : -Math.log(1 - p);
  }
  const max = Math.max(...z);
  const logSum = Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0)) + max;
  return logSum - z[label]!;
}
