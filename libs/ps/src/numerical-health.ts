import { withCompute, type GradientResult, type GradientWorkers } from './gradient-workers.js';

/** A NaN or infinite loss or gradient: where it started, so the run can stop there and say so. */
export class NumericalHealthError extends Error {
  constructor(
    readonly step: number,
    readonly worker: number,
    readonly what: 'loss' | 'gradient',
    /** The first non-finite element of the gradient, as an index into the parameter vector. */
    readonly index?: number,
  ) {
    super(`step ${step}, worker ${worker}: the ${what} is not finite${index === undefined ? '' : ` (first at parameter ${index})`}`);
    this.name = 'NumericalHealthError';
  }
}

/** Throws NumericalHealthError when a result reports a non-finite loss or gradient. */
export function checkHealth(result: GradientResult): GradientResult {
  if (result.firstNonFinite !== undefined) throw new NumericalHealthError(result.step, result.worker, 'gradient', result.firstNonFinite);
  if (!Number.isFinite(result.lossSum)) throw new NumericalHealthError(result.step, result.worker, 'loss');
  return result;
}

/** `workers` whose every result is checked before any policy can apply it: the first non-finite one rejects instead. */
export function healthChecked(workers: GradientWorkers): GradientWorkers {
  return withCompute(workers, (task) => workers.compute(task).then(checkHealth));
}
