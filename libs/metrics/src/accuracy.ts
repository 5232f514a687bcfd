import { predictedClass } from './decision.js';
import { checkLabels, checkPredictions, type Predictions } from './input.js';

/** Share of rows whose predicted class (decision at 0.5 for K = 1, first argmax for K > 1) equals the label. */
export function accuracy(p: Predictions, labels: ArrayLike<number>, classes: number): number {
  const rows = checkPredictions('p', p, classes);
  checkLabels(labels, rows, classes);
  let correct = 0;
  for (let r = 0; r < rows; r++) if (predictedClass(p, r, classes) === labels[r]) correct++;
  return correct / rows;
}
