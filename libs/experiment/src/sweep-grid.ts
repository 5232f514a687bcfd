import { parseActivationSpec } from '@churnlab/activations/spec';
import type { Config } from './config-schema.js';
import type { ReplicaSet } from './replica-sets.js';

type ActivationEntry = Config['sweep']['activations'][number];

/** The activation specs of one sweep entry: the spec itself, or one per β of a family (gsmelu takes β as beta=). */
export function expandActivation(entry: ActivationEntry): string[] {
  if (typeof entry === 'string') return [parseActivationSpec(entry).spec];
  return entry.beta.map((beta) => parseActivationSpec(entry.family === 'gsmelu' ? `gsmelu:beta=${beta}` : `${entry.family}:${beta}`).spec);
}

/** Every replica set of the sweep's grid: worker counts × orders × shuffles × activations × replica counts, in that nesting. */
export function sweepSets(config: Config): ReplicaSet[] {
  const { sweep, training } = config;
  const activations = [...new Set(sweep.activations.flatMap(expandActivation))];
  return (sweep.workers ?? [training.workers]).flatMap((workers) =>
    (sweep.orders ?? [training.order]).flatMap((order) =>
      (sweep.shuffles ?? [training.shuffle]).flatMap((shuffle) =>
        activations.flatMap((activation) => sweep.replicas.map((replicas) => ({ setting: { activation, workers, order, shuffle }, replicas }))),
      ),
    ),
  );
}
