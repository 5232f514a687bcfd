import type { TrainingContext } from '../training-context.js';

/** A rule for the order in which the server applies the workers' gradients. */
export interface OrderPolicy {
  readonly name: string;
  /** Guarantee this policy makes, in one sentence, for docs and --help. */
  readonly guarantee: string;
  /** Whether real thread timing decides the updates, so that whatever else runs on the machine changes the result. */
  readonly followsTiming: boolean;
  /** Gradient slots the store needs for `workers` workers. */
  gradientSlots(workers: number): number;
  /** Past parameter versions the store must keep readable for `workers` workers (0: only the live one). */
  historyDepth(workers: number): number;
  run(context: TrainingContext): Promise<void>;
}

/** The slot and history needs of a policy whose workers each hold one gradient and read the live parameters. */
export const liveReads = { gradientSlots: (workers: number) => workers, historyDepth: () => 0 };
