import type { TrainingContext } from '../training-context.js';

/** A rule for the order in which the server applies the workers' gradients. */
export interface OrderPolicy {
  readonly name: string;
  /** Guarantee this policy makes, in one sentence, for docs and --help. */
  readonly guarantee: string;
  run(context: TrainingContext): Promise<void>;
}
