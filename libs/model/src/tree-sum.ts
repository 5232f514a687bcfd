/**
 * Sums equal-length vectors in a fixed binary tree (left half first, halves split at ⌈n/2⌉), writing into `leaves[0]`.
 * The rounding then depends only on the number and order of the leaves, so a worker that sums an aligned subtree
 * and a server that sums the workers' results together give bit for bit the sum of the whole tree.
 */
export function treeSum(leaves: Float32Array[]): Float32Array {
  if (leaves.length === 0) throw new RangeError('treeSum: needs at least one vector');
  return sumRange(leaves, 0, leaves.length);
}

function sumRange(leaves: Float32Array[], lo: number, hi: number): Float32Array {
  if (hi - lo === 1) return leaves[lo]!;
  const mid = lo + Math.ceil((hi - lo) / 2);
  const left = sumRange(leaves, lo, mid);
  return addInto(left, sumRange(leaves, mid, hi));
}

/** left ← left + right elementwise in float32, returning left. */
export function addInto(left: Float32Array, right: Float32Array): Float32Array {
  // float64 addition of two float32 values, stored as float32, is the correctly rounded float32 sum.
  for (let i = 0; i < left.length; i++) left[i] = left[i]! + right[i]!;
  return left;
}
