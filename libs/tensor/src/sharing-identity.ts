import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf } from './tf.js';

/**
 * Replaces the WASM backend's Identity kernel, which copies its input, with one that shares the input's memory, as
 * the CPU backend's does and as the WASM Reshape already does (tensors are immutable; the backend counts references).
 * tfjs runs Identity to keep every tensor a gradient needs: with the copying kernel, each micro-shard's backward pass
 * copied every weight matrix.
 */
export function registerSharingIdentity(): void {
  tf.unregisterKernel(tf.Identity, 'wasm');
  tf.registerKernel({
    kernelName: tf.Identity,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const x = inputs['x'] as tf.TensorInfo;
      (backend as BackendWasm).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  });
}
