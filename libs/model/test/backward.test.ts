import { beforeAll, describe, expect, it } from 'vitest';
import { sharedFloat32Array } from '@churnlab/kernels';
import { initCpuBackend, initWasmBackend, loadStockGradients, tf, type Tensor } from '@churnlab/tensor';
import { initialParameters, Network, type LayerTrace, type ModelSpec } from '../src/index.js';

const rows = 12;
const values = (n: number, seed: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(seed * 7.1 + i * 1.37) * 1.3);

/** The logits as autodiff used to see them: each layer's ops taped, the activation through its custom-gradient apply. */
function autodiffLogits(network: Network, blocks: Tensor[], x: Tensor): Tensor {
  let h = x;
  let next = 0;
  const take = () => blocks[next++]!;
  const layers = network.spec.hidden.length + 1;
  for (let layer = 0; layer < layers; layer++) {
    let z = tf.add(tf.matMul(h as tf.Tensor2D, take() as tf.Tensor2D), take());
    if (layer === layers - 1) return z;
    if (network.spec.layerNorm) {
      const { mean, variance } = tf.moments(z, -1, true);
      z = tf.add(tf.mul(tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, 1e-5))), take()), take());
    }
    h = network.activation.apply(z);
  }
  throw new Error('unreachable');
}

/** Gradients of Σ logits · upstream in the MLP blocks (and the input first, when `withInput`): written out, and taped. */
function gradients(spec: ModelSpec, withInput: boolean): { written: number[][]; taped: number[][] } {
  const network = new Network(spec);
  const params = initialParameters(network.layout, 5).map((v, i) => v + 0.05 * Math.cos(i));
  return tf.tidy(() => {
    const weights = network.weights(params);
    const { blocks } = weights;
    const x = tf.tensor2d(values(rows * spec.inputs, 1), [rows, spec.inputs]);
    const upstream = tf.tensor2d(values(rows * spec.outputs, 2), [rows, spec.outputs]);
    const trace: LayerTrace[] = [];
    const logits = network.logits(weights, x, trace);
    expect(Array.from(logits.dataSync())).toEqual(Array.from(autodiffLogits(network, blocks, x).dataSync()));
    const { layers, inputGradient } = network.upstream(weights, trace, upstream, withInput);
    const blockGradients = network.parameterGradients(layers);
    const written = [...(inputGradient ? [inputGradient] : []), ...blockGradients];
    const objective = (...t: Tensor[]) => tf.sum(tf.mul(autodiffLogits(network, withInput ? t.slice(1) : t, withInput ? t[0]! : x), upstream)) as tf.Scalar;
    const taped = tf.grads(objective)(withInput ? [x, ...blocks] : blocks);
    return { written: written.map((g) => Array.from(g.dataSync())), taped: taped.map((g) => Array.from(g.dataSync())) };
  });
}

describe('Network.upstream and parameterGradients (the written-out backward pass) on WASM', () => {
  beforeAll(async () => {
    await initWasmBackend();
    // The reference is autodiff of the forward pass, which needs tfjs's gradients; training itself never loads them.
    await loadStockGradients();
  });

  it.each([
    ['relu', 1, false],
    ['smelu:0.5', 1, true],
    ['gelu:tanh', 3, false],
    ['swish', 3, true],
    ['softplus', 1, false],
  ] as const)('with %s and %i outputs (input gradient %s) gives the taped gradients bit for bit', (activation, outputs, withInput) => {
    const { written, taped } = gradients({ inputs: 9, hidden: [16, 8], outputs, activation, layerNorm: false }, withInput);
    expect(written.length).toBe(taped.length);
    written.forEach((g, i) => expect(g).toEqual(taped[i]));
  });

  it('with layer norm gives the taped gradients to float32 rounding', () => {
    const { written, taped } = gradients({ inputs: 9, hidden: [16, 8], outputs: 1, activation: 'smelu:1', layerNorm: true }, true);
    expect(written.length).toBe(taped.length);
    written.forEach((g, i) => g.forEach((v, j) => expect(Math.abs(v - taped[i]![j]!)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(taped[i]![j]!)))));
  });

  it.each([
    ['on the WASM heap', initWasmBackend],
    ['in JavaScript, on the CPU backend', initCpuBackend],
  ] as const)('uploads each kernel as it is and transposed %s, element for element as tfjs transposes it', async (_where, init) => {
    await init();
    try {
      const network = new Network({ inputs: 9, hidden: [16, 8], outputs: 3, activation: 'relu', layerNorm: true });
      // In a kernel memory, as the store keeps them, and starting at an odd element: no alignment is assumed.
      const flat = sharedFloat32Array(network.layout.size + 1).subarray(1);
      flat.set(initialParameters(network.layout, 3));
      tf.tidy(() => {
        const { blocks, kernelsT } = network.weights(flat);
        expect(kernelsT.map((t) => t.shape)).toEqual([[16, 9], [8, 16], [3, 8]]);
        const uploaded = flat.slice();
        // The tensors hold copies: the parameters may change under them (a store's live vector) without changing them.
        flat.fill(Number.NaN);
        network.mlpBlocks.forEach((block, i) => expect(blocks[i]!.dataSync()).toEqual(uploaded.subarray(block.offset, block.offset + block.size)));
        kernelsT.forEach((k, i) => expect(k.dataSync()).toEqual(tf.transpose(blocks[network.mlpBlocks.findIndex((b) => b.name === `dense${i}/kernel`)]!).dataSync()));
      });
    } finally {
      await initWasmBackend();
    }
  });

  it('leaves no tensor behind outside the scope that asked for it', () => {
    const before = tf.memory().numTensors;
    gradients({ inputs: 9, hidden: [16, 8], outputs: 1, activation: 'relu', layerNorm: true }, true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
