// Float64 erf and erfc for the scalar references, accurate to about 1e-15: a series with positive terms only
// (no cancellation) near zero, and a continued fraction for the tail, where erfc keeps its relative precision.

const SERIES_LIMIT = 1.5;
const MAX_TERMS = 500;

/** The error function erf(x) = (2/√π)·∫₀ˣ e^(−t²) dt. */
export function erf(x: number): number {
  if (Math.abs(x) < SERIES_LIMIT) return erfSeries(x);
  return Math.sign(x) * (1 - erfcContinuedFraction(Math.abs(x)));
}

/** The complementary error function erfc(x) = 1 − erf(x), without the cancellation of computing it that way for large x. */
export function erfc(x: number): number {
  if (x >= SERIES_LIMIT) return erfcContinuedFraction(x);
  if (x <= -SERIES_LIMIT) return 2 - erfcContinuedFraction(-x);
  return 1 - erfSeries(x);
}

// erf(x) = (2/√π)·e^(−x²)·Σₙ 2ⁿ·x^(2n+1) / (1·3·5···(2n+1))
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < MAX_TERMS && Math.abs(term) > Number.EPSILON * Math.abs(sum); n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
}

// erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))) for x > 0, by the modified Lentz method.
function erfcContinuedFraction(x: number): number {
  if (x === Infinity) return 0;
  const tiny = 1e-300;
  let value = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < MAX_TERMS; n++) {
    d = 1 / (x + (n / 2) * d || tiny);
    c = x + n / 2 / c || tiny;
    const delta = c * d;
    value *= delta;
    if (Math.abs(delta - 1) <= Number.EPSILON) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / value;
}
