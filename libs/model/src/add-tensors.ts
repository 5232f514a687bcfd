import { tf, type Tensor } from '@churnlab/tensor';

/**
 * The elementwise sums of two lists of same-shaped tensors, pair by pair, on the current backend; disposes both lists.
 * As the combine step of treeReduce it sums gradients on the backend in the fixed tree: a float32 add is correctly
 * rounded on every backend, so the sums are bit for bit those of treeSum over the same values read back.
 */
export function addTensors(left: Tensor[], right: Tensor[]): Tensor[] {
  if (left.length !== right.length) throw new RangeError(`addTensors: lists of ${left.length} and ${right.length} tensors cannot be added`);
  return left.map((l, i) => {
    const sum = tf.add(l, right[i]!);
    l.dispose();
    right[i]!.dispose();
    return sum;
  });
}
