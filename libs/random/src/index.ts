/** Philox4x32-10 of a 4-word counter under a 2-word key, bit-identical to Random123. */
export { philox4x32 } from './philox.js';
/** The sources of randomness, each with its own streams. */
export type { SeedSource } from './key.js';
/** The identity (seed, source, replica) of one stream. */
export type { StreamKey } from './key.js';
/** Counter-based stream: every value depends on (key, step, worker, index) only, never on call order. */
export { SeedStream } from './stream.js';
/** Shorthand for new SeedStream({ seed, source, replica }). */
export { seedStream } from './stream.js';
