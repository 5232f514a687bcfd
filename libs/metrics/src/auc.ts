import { checkLabels, checkPredictions, MetricInputError, type Predictions } from './input.js';

/** Binary ROC AUC from ranks (ties count ½), O(N log N); throws when the labels hold only one class. */
export function auc(p: Predictions, labels: ArrayLike<number>): number {
  const rows = checkPredictions('p', p, 1);
  checkLabels(labels, rows, 1);
  const order = Uint32Array.from({ length: rows }, (_, i) => i).sort((i, j) => p[i]! - p[j]!);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < rows; ) {
    const score = p[order[start]!]!;
    let end = start + 1;
    while (end < rows && p[order[end]!]! === score) end++;
    // Tied scores share the mean of ranks start+1..end, which is what makes a tie count ½.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++)
      if (labels[order[k]!] === 1) {
        positives++;
        positiveRankSum += rank;
      }
    start = end;
  }
  const negatives = rows - positives;
  if (positives === 0 || negatives === 0)
    throw new MetricInputError('labels', `only class ${positives === 0 ? 0 : 1} in ${rows} rows`, 'both classes 0 and 1 for AUC');
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
