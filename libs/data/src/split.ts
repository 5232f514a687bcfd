import { seedStream } from '@churnlab/random';
import { check } from './check.js';
import { gatherRows, type Dataset } from './dataset.js';

/**
 * A random train/eval split from seedStream(seed, 'split'), the same for every replica because PD compares
 * replicas on the same evaluation examples. It decides membership only: each part keeps the source order,
 * since visiting order is the shuffler's job.
 */
export function seededSplit(d: Dataset, evalFraction: number, seed: number): { train: Dataset; eval: Dataset } {
  check('evalFraction', evalFraction, evalFraction > 0 && evalFraction < 1, 'in (0, 1)');
  const evalRows = Math.round(d.rows * evalFraction);
  check('evalFraction', evalFraction, evalRows >= 1 && evalRows < d.rows, `a fraction leaving both parts of ${d.rows} rows non-empty`);
  const order = seedStream(seed, 'split').permutation(d.rows, 0, 0);
  // Typed-array sort is numeric: it restores source order within each part.
  return {
    train: gatherRows(d, order.slice(evalRows).sort(), `${d.name}/train`),
    eval: gatherRows(d, order.slice(0, evalRows).sort(), `${d.name}/eval`),
  };
}
