import type { ModelSpec } from './spec.js';

export type BlockRole = 'kernel' | 'bias' | 'gamma' | 'beta';

/** One named tensor inside the flat parameter vector. */
export interface ParameterBlock {
  name: string;
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
 * The flat layout, layer by layer in forward order: `dense{i}/kernel` [in, out] row-major, `dense{i}/bias` [out],
 * then, for hidden layers with layer norm, `dense{i}/gamma` and `dense{i}/beta` [out]. The output layer is last.
 */
export function parameterLayout(spec: ModelSpec): ParameterLayout {
  const blocks: ParameterBlock[] = [];
  let offset = 0;
  const add = (layer: number, role: BlockRole, shape: number[]) => {
    const size = shape.reduce((a, b) => a * b, 1);
    blocks.push({ name: `dense${layer}/${role}`, layer, role, offset, shape, size });
    offset += size;
  };
  const widths = [spec.inputs, ...spec.hidden, spec.outputs];
  for (let layer = 0; layer + 1 < widths.length; layer++) {
    const [fanIn, fanOut] = [widths[layer]!, widths[layer + 1]!];
    add(layer, 'kernel', [fanIn, fanOut]);
    add(layer, 'bias', [fanOut]);
    if (spec.layerNorm && layer < spec.hidden.length) {
      add(layer, 'gamma', [fanOut]);
      add(layer, 'beta', [fanOut]);
    }
  }
  return { size: offset, blocks };
}

/** The view of one block inside a flat parameter (or gradient) vector. */
export function blockView(flat: Float32Array, block: ParameterBlock): Float32Array {
  return flat.subarray(block.offset, block.offset + block.size);
}
