import { addInto } from '@churnlab/kernels';
import type { AddInto } from './add-into.js';

/**
 * The micro-shards of a step form one fixed binary tree (a node [lo, hi) splits at lo + ⌈(hi−lo)/2⌉, as treeSum does).
 * Workers get whole subtrees of it, so summing each worker's block and then the workers' sums in the same shape is
 * bit for bit the sum of the whole tree, for any worker count from 1 to the number of micro-shards.
 */
type Node = { lo: number; hi: number; workers: number };

function split({ lo, hi, workers }: Node): [Node, Node] {
  const mid = lo + Math.ceil((hi - lo) / 2);
  const left = Math.min(Math.ceil(workers / 2), mid - lo);
  return [
    { lo, hi: mid, workers: left },
    { lo: mid, hi, workers: workers - left },
  ];
}

function checkShape(microShards: number, workers: number): void {
  if (!Number.isInteger(workers) || workers < 1 || workers > microShards) {
    throw new RangeError(`workers: ${workers} is not allowed; expected an integer from 1 to the ${microShards} micro-shards`);
  }
}

/** The subtree blocks [lo, hi) of micro-shards that workers 0..W−1 compute, in order. */
export function workerBlocks(microShards: number, workers: number): Array<[number, number]> {
  checkShape(microShards, workers);
  const blocks = (node: Node): Array<[number, number]> => (node.workers === 1 ? [[node.lo, node.hi]] : split(node).flatMap(blocks));
  return blocks({ lo: 0, hi: microShards, workers });
}

/** The micro-shards [lo, hi) that worker `worker` of `workers` computes. */
export function workerMicroShardRange(microShards: number, workers: number, worker: number): [number, number] {
  const block = workerBlocks(microShards, workers)[worker];
  if (!block) throw new RangeError(`worker ${worker} does not exist (0..${workers - 1})`);
  return block;
}

/** Sums the workers' block sums in the shape of the micro-shard tree with `add`, writing into and returning `sums[0]`. */
export function sumWorkerBlocks(sums: Float32Array[], microShards: number, add: AddInto = addInto): Float32Array {
  checkShape(microShards, sums.length);
  let next = 0;
  const sum = (node: Node): Float32Array => {
    if (node.workers === 1) return sums[next++]!;
    const [leftNode, rightNode] = split(node);
    const left = sum(leftNode);
    return add(left, sum(rightNode));
  };
  return sum({ lo: 0, hi: microShards, workers: sums.length });
}
