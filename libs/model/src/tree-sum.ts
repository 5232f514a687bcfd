import { addInto } from '@churnlab/kernels';

/**
 * Combines `count` leaves in the fixed binary tree of every churnlab sum: a node [lo, hi) splits at lo + ⌈(hi−lo)/2⌉,
 * and its left half is combined before its right. Leaves are made on demand, in order, so at most one per tree level
 * is alive at a time. The rounding of a float sum in this shape depends only on the number and order of the leaves,
 * so a worker that sums an aligned subtree and a server that sums the workers' results together give bit for bit the
 * sum of the whole tree.
 */
export function treeReduce<T>(count: number, leaf: (index: number) => T, combine: (left: T, right: T) => T): T {
  if (count < 1) throw new RangeError('treeReduce: needs at least one leaf');
  const reduce = (lo: number, hi: number): T => {
    if (hi - lo === 1) return leaf(lo);
    const mid = lo + Math.ceil((hi - lo) / 2);
    const left = reduce(lo, mid);
    return combine(left, reduce(mid, hi));
  };
  return reduce(0, count);
}

/** Sums equal-length vectors in the fixed tree of treeReduce, writing into `leaves[0]`. */
export function treeSum(leaves: Float32Array[]): Float32Array {
  if (leaves.length === 0) throw new RangeError('treeSum: needs at least one vector');
  return treeReduce(leaves.length, (i) => leaves[i]!, addInto);
}
