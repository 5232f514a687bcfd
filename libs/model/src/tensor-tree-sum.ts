import { tf, type Tensor } from '@churnlab/tensor';
import { treeReduce } from './tree-sum.js';

/**
 * Sums `count` leaves, each a list of same-shaped tensors, list element by list element in the fixed tree of
 * treeReduce, on the current backend. Leaves are made on demand and every intermediate is disposed, so at most one
 * leaf per tree level is alive. A float32 add is correctly rounded on every backend, so the sums are bit for bit those
 * of treeSum over the same values read back: the tree is kept, only the place of the arithmetic moves.
 * The caller owns the returned tensors.
 */
export function treeSumTensors(count: number, leaf: (index: number) => Tensor[]): Tensor[] {
  return treeReduce(count, leaf, addTensors);
}

/** The elementwise sums of two lists of same-shaped tensors, pair by pair; disposes both lists. */
export function addTensors(left: Tensor[], right: Tensor[]): Tensor[] {
  if (left.length !== right.length) throw new RangeError(`addTensors: lists of ${left.length} and ${right.length} tensors cannot be added`);
  return left.map((l, i) => {
    const sum = tf.add(l, right[i]!);
    l.dispose();
    right[i]!.dispose();
    return sum;
  });
}
