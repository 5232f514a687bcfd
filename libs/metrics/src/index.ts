// churnlab metrics: pure functions over predictions (N rows × K columns, row-major); no knowledge of training.
export { MetricInputError, type Predictions } from './input.js'; // prediction layout, and the error every bad input raises
export { relativePd, absolutePd, l1Pd, top1Pd } from './pd.js'; // prediction difference between two models
export { logLoss } from './log-loss.js'; // clipped negative log-likelihood
export { auc } from './auc.js'; // binary ROC AUC, ties count ½
export { accuracy } from './accuracy.js'; // share of correct decisions
export { summarize, type Spread } from './summary.js'; // mean, sample std, Student-t 95% interval (null std and interval for one value)
export { crossPairs, pairwise } from './pairwise.js'; // a two-model metric over every replica pair, or every pair across two sets
export { pairJackknife, type PairJackknife } from './jackknife.js'; // a pair mean's standard error, leaving out one replica at a time
export { pdRatio, type JackknifedMean, type PdRatio } from './pd-ratio.js'; // one PD as a multiple of another, with its interval
export { crossPdReport, pdReport, type PdReport } from './pd-report.js'; // all applicable PDs over a replica set
