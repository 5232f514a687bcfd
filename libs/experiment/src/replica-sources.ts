/** Seeded sources that replicas of a comparison can share or vary (`vary`). */
export const replicaSources = ['order', 'shuffle', 'init', 'numeric', 'delay'] as const;

export type ReplicaSource = (typeof replicaSources)[number];

/** The replica index a source's seed stream uses: the replica's own when the source is varied, else 0, shared by all. */
export function sourceReplica(vary: readonly ReplicaSource[], source: ReplicaSource, replica: number): number {
  return vary.includes(source) ? replica : 0;
}
