import { mlpInputWidth, type ModelSpec } from './spec.js';

/** What a block holds: an MLP layer's kernel, bias or layer-norm gamma/beta, or a categorical feature's embedding table. */
export type BlockRole = 'kernel' | 'bias' | 'gamma' | 'beta' | 'embedding';

/** One named tensor inside the flat parameter vector. */
export interface ParameterBlock {
  name: string;
  /** The MLP layer (0 = first); embedding tables are layer −1, the input layer that feeds layer 0. */
  layer: number;
  role: BlockRole;
  offset: number;
  shape: number[];
  size: number;
}

/** Where every tensor of a model lives in its one flat Float32Array. */
export interface ParameterLayout {
  size: number;
  blocks: ParameterBlock[];
}

/**
 * The flat layout. First the embedding tables, `embedding{k}/table` [buckets[k], dimension] row-major (row = bucket id),
 * then the MLP layer by layer in forward order: `dense{i}/kernel` [in, out] row-major, `dense{i}/bias` [out], then, for
 * hidden layers with layer norm, `dense{i}/gamma` and `dense{i}/beta` [out]. The output layer is last. Tables first keeps
 * the dense MLP part one contiguous range at the end, and a model without embeddings keeps its layout unchanged.
 */
export function parameterLayout(spec: ModelSpec): ParameterLayout {
  const blocks: ParameterBlock[] = [];
  let offset = 0;
  const add = (name: string, layer: number, role: BlockRole, shape: number[]) => {
    const size = shape.reduce((a, b) => a * b, 1);
    blocks.push({ name, layer, role, offset, shape, size });
    offset += size;
  };
  spec.embeddings?.buckets.forEach((rows, k) => add(`embedding${k}/table`, -1, 'embedding', [rows, spec.embeddings!.dimension]));
  const widths = [mlpInputWidth(spec), ...spec.hidden, spec.outputs];
  for (let layer = 0; layer + 1 < widths.length; layer++) {
    const [fanIn, fanOut] = [widths[layer]!, widths[layer + 1]!];
    const block = (role: BlockRole, shape: number[]) => add(`dense${layer}/${role}`, layer, role, shape);
    block('kernel', [fanIn, fanOut]);
    block('bias', [fanOut]);
    if (spec.layerNorm && layer < spec.hidden.length) {
      block('gamma', [fanOut]);
      block('beta', [fanOut]);
    }
  }
  return { size: offset, blocks };
}

/** The view of one block inside a flat parameter (or gradient) vector. */
export function blockView(flat: Float32Array, block: ParameterBlock): Float32Array {
  return flat.subarray(block.offset, block.offset + block.size);
}
