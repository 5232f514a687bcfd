import { applyShardUpdate, ServerShard, SharedParameters, withCompute, type GradientWorkers, type ServerShardHandle, type ShardUpdate } from '../src/index.js';

/** `workers` that also apply server-shard updates as pool threads do: each shard from its handle, on a store attached anew. */
export function withShardThreads(workers: GradientWorkers, store: SharedParameters): GradientWorkers & { updates: number } {
  const attached = SharedParameters.attach(store.handle);
  const counted = {
    ...withCompute(workers, (task) => workers.compute(task)),
    updates: 0,
    async updateShards(shards: ServerShardHandle[], update: ShardUpdate) {
      counted.updates++;
      // Threads take shards in any order; last to first shows that the order does not matter.
      for (const handle of [...shards].reverse()) applyShardUpdate(attached, new ServerShard(handle), structuredClone(update));
    },
  };
  return counted;
}
