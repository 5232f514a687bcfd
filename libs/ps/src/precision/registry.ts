import { bfloat16Rounder } from './bfloat16.js';
import { float16Rounder } from './float16.js';
import { float32Rounder } from './float32.js';
import type { GradientPrecisionName, GradientRounder, ParameterPrecisionName } from './gradient-rounder.js';
import { int8Rounder } from './int8.js';

const rounders = new Map<string, GradientRounder>([float32Rounder, bfloat16Rounder, float16Rounder, int8Rounder].map((r) => [r.name, r]));

/** The names `gradientPrecision` accepts, float32 (the default) first. */
export const gradientPrecisionNames = [...rounders.keys()] as GradientPrecisionName[];

/** The names `parameterPrecision` accepts: int8 is left out, since one scale over the whole vector would flatten every small parameter. */
export const parameterPrecisionNames = gradientPrecisionNames.filter((name) => name !== 'int8') as ParameterPrecisionName[];

/** The rounder of the parameters that workers compute at, called `name`. */
export function parameterPrecision(name: string): GradientRounder {
  if (!(parameterPrecisionNames as string[]).includes(name)) throw new RangeError(`param-precision: "${name}" is unknown; expected one of ${parameterPrecisionNames.join(', ')}`);
  return gradientPrecision(name);
}

/** The gradient rounder called `name`. */
export function gradientPrecision(name: string): GradientRounder {
  const rounder = rounders.get(name);
  if (!rounder) throw new RangeError(`grad-precision: "${name}" is unknown; expected one of ${gradientPrecisionNames.join(', ')}`);
  return rounder;
}
