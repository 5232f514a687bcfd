import { seedStream, type SeedStream } from '@churnlab/random';
import { checkInteger, fail } from './check.js';

/** How rows are ordered within an epoch: as stored, through a shuffle buffer of `size` rows, or fully permuted. */
export type ShuffleSpec = { kind: 'none' } | { kind: 'window'; size: number } | { kind: 'full' };

const MAX_ROWS = 2 ** 32 - 1;

/** The row visiting order of one epoch, drawn from seedStream(seed, 'shuffle', replica) at step = epoch. */
export function epochOrder(rows: number, spec: ShuffleSpec, seed: number, replica: number, epoch: number): Uint32Array {
  checkInteger('rows', rows, 0, MAX_ROWS);
  checkInteger('epoch', epoch, 0, MAX_ROWS);
  // Built before dispatch so a bad seed or replica fails for every kind, 'none' included.
  const stream = seedStream(seed, 'shuffle', replica);
  switch (spec.kind) {
    case 'none':
      return Uint32Array.from({ length: rows }, (_, i) => i);
    case 'full':
      return stream.permutation(rows, epoch, 0);
    case 'window':
      checkInteger('shuffle.size', spec.size, 1);
      return windowOrder(rows, spec.size, stream, epoch);
    default:
      return fail('shuffle.kind', (spec as { kind: unknown }).kind, "one of 'none', 'window', 'full'");
  }
}

/**
 * A streaming shuffle buffer (as in tf.data): hold the next `size` rows, emit a random one, refill its slot
 * with the next unread row. Output position p draws at index p, so row i never appears before position i − size + 1.
 */
function windowOrder(rows: number, size: number, stream: SeedStream, epoch: number): Uint32Array {
  const order = new Uint32Array(rows);
  const buffer = new Uint32Array(Math.min(size, rows));
  let held = 0;
  let nextRow = 0;
  while (held < buffer.length) buffer[held++] = nextRow++;
  for (let p = 0; p < rows; p++) {
    const slot = stream.intBelow(held, epoch, 0, p);
    order[p] = buffer[slot]!;
    // Refill from the input while it lasts; afterwards shrink the buffer by moving its last entry into the hole.
    buffer[slot] = nextRow < rows ? nextRow++ : buffer[--held]!;
  }
  return order;
}
