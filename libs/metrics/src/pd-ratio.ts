import type { PairJackknife } from './jackknife.js';
import { studentTQuantile } from './student-t.js';

/** A mean over replica pairs that carries its replica jackknife. */
export interface JackknifedMean {
  mean: number;
  jackknife?: PairJackknife;
}

/** One PD as a multiple of another, with a 95% interval. */
export interface PdRatio {
  ratio: number;
  ci95: [number, number];
}

/**
 * PD `pd` as a multiple of `baseline` (e.g. an activation's against ReLU's), with the interval
 * ratio · exp(±t₀.₉₇₅ · √((SEₐ/a)² + (SEᵣ/r)²)) on t with min(Mₐ, Mᵣ) − 1 degrees of freedom, the two replica sets taken
 * as independent. Undefined when either mean is 0 (no ratio, or no log-scale spread) or lacks a jackknife.
 */
export function pdRatio(pd: JackknifedMean, baseline: JackknifedMean): PdRatio | undefined {
  const a = pd.jackknife;
  const r = baseline.jackknife;
  if (!a || !r || !(pd.mean > 0) || !(baseline.mean > 0)) return undefined;
  const ratio = pd.mean / baseline.mean;
  const logHalf = studentTQuantile(0.975, Math.min(a.replicas, r.replicas) - 1) * Math.hypot(a.se / pd.mean, r.se / baseline.mean);
  return { ratio, ci95: [ratio * Math.exp(-logHalf), ratio * Math.exp(logHalf)] };
}
