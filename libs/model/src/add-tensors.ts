import { kernelsOver } from '@churnlab/kernels';
import { backendHeap, tf, type BackendHeap, type Tensor } from '@churnlab/tensor';

/**
 * The elementwise sums of two lists of same-shaped tensors, pair by pair, on the current backend; disposes both lists.
 * As the combine step of treeReduce it sums gradients on the backend in the fixed tree: a float32 add is correctly
 * rounded on every backend, so the sums are bit for bit those of treeSum over the same values read back.
 */
export function addTensors(left: Tensor[], right: Tensor[]): Tensor[] {
  if (left.length !== right.length) throw new RangeError(`addTensors: lists of ${left.length} and ${right.length} tensors cannot be added`);
  const heap = backendHeap();
  return left.map((l, i) => {
    const r = right[i]!;
    if (heap && l !== r && heap.soleOwner(l) && sameShape(l, r)) return addOnHeap(heap, l, r);
    const sum = tf.add(l, r);
    l.dispose();
    r.dispose();
    return sum;
  });
}

/**
 * left + right into left's own values on the WASM heap; disposes right. A new tensor for each sum, as tf.add makes,
 * wrote 6.3 MB that the core first had to read for model a, and kept one more gradient's worth of memory in use.
 */
function addOnHeap(heap: BackendHeap, left: Tensor, right: Tensor): Tensor {
  kernelsOver(heap.memory).add(heap.byteOffset(left), heap.byteOffset(right), left.size);
  right.dispose();
  return left;
}

function sameShape(a: Tensor, b: Tensor): boolean {
  return a.dtype === 'float32' && b.dtype === 'float32' && tf.util.arraysEqual(a.shape, b.shape);
}
