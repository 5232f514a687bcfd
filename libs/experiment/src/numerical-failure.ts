import type { ParameterLayout } from '@churnlab/model/vectors';
import { NumericalHealthError } from '@churnlab/ps';

/** A run stopped by a NaN or infinite loss or gradient; the message names the step, the worker and the parameter block. */
export class NumericalFailure extends Error {
  override name = 'NumericalFailure';
}

/** Turns a NumericalHealthError into a NumericalFailure naming the parameter block where the gradient first went bad; other errors pass. */
export function describeNumericalFailure(error: unknown, layout: ParameterLayout, checkpoint?: string): unknown {
  if (!(error instanceof NumericalHealthError)) return error;
  const block = error.index === undefined ? undefined : layout.blocks.find((b) => error.index! >= b.offset && error.index! < b.offset + b.size);
  const where = block ? ` in parameter block ${block.name} (element ${error.index! - block.offset} of ${block.size})` : '';
  const kept = checkpoint ? `; the last good checkpoint is ${checkpoint}` : '';
  return new NumericalFailure(`step ${error.step}, worker ${error.worker}: the ${error.what} is NaN or infinite${where}; lower the learning rate or check the data${kept}`);
}
