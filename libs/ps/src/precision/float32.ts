import type { GradientRounder } from './gradient-rounder.js';

/** Full precision: gradients are already float32, so rounding leaves them untouched and draws nothing. */
export const float32Rounder: GradientRounder = {
  name: 'float32',
  round() {},
};
