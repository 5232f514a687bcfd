import { constants } from 'node:buffer';

/**
 * The most elements one typed array can have in this Node.js (V8's TypedArray::kMaxLength, which Node.js gives as the
 * longest Buffer, itself a Uint8Array): 2³² in Node 20 on a 64-bit host. A Float32Array of the synthetic data's
 * features or of a model's parameters longer than that is refused with "Invalid typed array length", whatever the
 * memory, so a config that needs one is refused before the run starts.
 */
export const MAX_TYPED_ARRAY_LENGTH = constants.MAX_LENGTH;
