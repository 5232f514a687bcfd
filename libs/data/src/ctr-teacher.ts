import type { SeedStream } from '@churnlab/random';

// Pre-activations of std 3 saturate the tanh units into near-steps: with unit std the teacher is almost linear and
// a logistic regression matches an MLP on it, leaving hidden layers nothing to learn.
const INPUT_GAIN = 3;
// Hidden biases shift tanh units off-centre so the teacher is not an odd function of its input.
const HIDDEN_BIAS_STD = 0.5;
// The standardized teacher output is stretched to this logit spread: it sets how separable the task is (Bayes AUC).
const LOGIT_STD = 2.5;
const TARGET_POSITIVE_RATE = 0.25;

export interface TeacherShape {
  rows: number;
  width: number;
  hidden: number;
  /** Non-zero inputs per row (dense plus one per categorical feature): input weights are scaled by it to fix the pre-activation spread. */
  activeInputs: number;
}

/**
 * Logits of a fixed random float64 MLP (one tanh hidden layer) on each row, standardized and shifted so the mean
 * click probability is TARGET_POSITIVE_RATE: the scale of the task stays put whatever the shapes.
 * Weights come from `stream` at steps firstStep, firstStep + 1 and firstStep + 2.
 */
export function teacherLogits(features: Float32Array, shape: TeacherShape, stream: SeedStream, firstStep: number): Float64Array {
  const { rows, width, hidden } = shape;
  const inputWeights = new Float64Array(hidden * width);
  const hiddenBias = new Float64Array(hidden);
  const outputWeights = new Float64Array(hidden);
  stream.fillNormal(inputWeights, firstStep, 0);
  stream.fillNormal(hiddenBias, firstStep + 1, 0);
  stream.fillNormal(outputWeights, firstStep + 2, 0);
  const inputScale = INPUT_GAIN / Math.sqrt(shape.activeInputs);
  const raw = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let out = 0;
    for (let h = 0; h < hidden; h++) {
      let pre = 0;
      for (let j = 0; j < width; j++) pre += inputWeights[h * width + j]! * features[r * width + j]!;
      out += outputWeights[h]! * Math.tanh(pre * inputScale + HIDDEN_BIAS_STD * hiddenBias[h]!);
    }
    raw[r] = out;
  }
  return calibrate(raw);
}

function calibrate(raw: Float64Array): Float64Array {
  const n = raw.length;
  const mean = raw.reduce((s, x) => s + x, 0) / n;
  // Tiny all-categorical sets can repeat one row throughout: a constant teacher stays constant instead of turning NaN.
  const std = Math.sqrt(raw.reduce((s, x) => s + (x - mean) ** 2, 0) / n) || 1;
  const logits = raw.map((x) => ((x - mean) / std) * LOGIT_STD);
  const bias = biasForRate(logits, TARGET_POSITIVE_RATE);
  return logits.map((x) => x + bias);
}

/** The shift b with mean(sigmoid(logit + b)) = rate, by bisection: the mean is increasing in b. */
function biasForRate(logits: Float64Array, rate: number): number {
  const meanRate = (b: number) => logits.reduce((s, x) => s + sigmoid(x + b), 0) / logits.length;
  let lo = -50;
  let hi = 50;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (meanRate(mid) < rate) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
