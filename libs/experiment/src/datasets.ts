import { DataFileError, defaultEvalFraction, readCriteo, readCsv, readMnist, sliceRows, syntheticCtr, toShared, type Dataset, type FeatureSpec } from '@churnlab/data';
import { parameterLayout } from '@churnlab/model/vectors';
import { cacheDirOf, checkCacheDir, type CacheDir } from './cache-dir.js';
import { ConfigError } from './config-error.js';
import type { Config, DataConfig } from './config-schema.js';
import { checkModelCapacity } from './model-capacity.js';
import { checkShardCount } from './shard-count.js';
import { modelSpec } from './train-run.js';

/** The train and evaluation sets of a run, in shared memory, and how many bad rows the reader skipped. */
export interface RunData {
  train: Dataset;
  eval: Dataset;
  skippedRows: number;
}

/**
 * Reads or generates the train and evaluation sets a config names, in shared memory so worker threads read them
 * without copies. A data file that cannot be read as configured is a ConfigError naming the file, line and value, and
 * so is a config whose model, on data this wide, the parameter store cannot hold.
 */
export async function buildDatasets(config: Config): Promise<RunData> {
  let parts: { train: Dataset; eval: Dataset; skippedRows?: number };
  try {
    parts = await readParts(config.data, config.features, config.seed, cacheDirOf(config));
  } catch (error) {
    if (error instanceof DataFileError || (error instanceof RangeError && config.data.format !== 'synthetic')) throw new ConfigError(`data: ${error.message}`);
    throw error;
  }
  checkEvaluationClasses(parts.eval, config.data);
  if (config.training.batchSize > parts.train.rows) {
    throw new ConfigError(`training.batchSize: ${config.training.batchSize} is not allowed; expected at most the ${parts.train.rows} training examples of ${parts.train.name}`);
  }
  const data = { train: toShared(parts.train), eval: toShared(parts.eval), skippedRows: parts.skippedRows ?? 0 };
  // The model's size depends on the data's width, known from here on; every command reads its data before it writes.
  const model = modelSpec(config, data);
  const layout = parameterLayout(model);
  checkModelCapacity(config, model, layout);
  checkShardCount(config, layout);
  return data;
}

/** Refuses a binary evaluation set of one class, before any training: every run reports its AUC, which needs both. */
function checkEvaluationClasses(evaluation: Dataset, data: DataConfig): void {
  if (evaluation.outputs !== 1) return;
  const first = evaluation.labels[0];
  if (evaluation.labels.some((label) => label !== first)) return;
  throw new ConfigError(
    `${evaluationSource(data)}: the evaluation set holds only class ${first ?? 'none'} in its ${evaluation.rows} row${evaluation.rows === 1 ? '' : 's'}; expected both classes 0 and 1, since every run reports the AUC (give a larger evaluation share, another seed or another evaluation file)`,
  );
}

/** The config field that makes the evaluation set, and its value (with the data file it splits). */
function evaluationSource(data: DataConfig): string {
  if (data.format === 'synthetic') return `data.evalFraction (${data.evalFraction})`;
  if (data.format === 'csv' && data.eval) return `data.eval.path (${data.eval.path})`;
  if ((data.format === 'csv' || data.format === 'criteo') && data.split) return `data.split.eval (${data.split.eval} of ${data.path})`;
  // A csv section with neither eval nor split is split as the reader does by default: the field to set is still split.eval.
  if (data.format === 'csv') return `data.split.eval (${defaultEvalFraction}, the default, of ${data.path})`;
  return 'data';
}

function readParts(data: DataConfig, features: FeatureSpec, seed: number, cacheAt: CacheDir | undefined): Promise<{ train: Dataset; eval: Dataset; skippedRows?: number }> | { train: Dataset; eval: Dataset } {
  // Only the file readers use the cache, so its folder is checked only for them.
  const cache = (): { cacheDir?: string } => {
    if (!cacheAt) return {};
    checkCacheDir(cacheAt);
    return { cacheDir: cacheAt.dir };
  };
  switch (data.format) {
    case 'synthetic': {
      const { format: _format, ...options } = data;
      return syntheticCtr(options);
    }
    case 'csv': {
      const { skipBadRows, ...source } = data;
      return readCsv(source, { seed, features, skipBadRows, ...cache() });
    }
    case 'criteo':
      return readCriteo(data.path, { seed, features, skipBadRows: data.skipBadRows, split: data.split, ...cache(), ...(data.layout ? { layout: data.layout } : {}) });
    case 'mnist':
      return readMnist(data.dir ? { dir: data.dir } : {}).then(({ train, eval: evaluation }) => ({
        train: data.trainExamples ? sliceRows(train, 0, data.trainExamples) : train,
        eval: data.evalExamples ? sliceRows(evaluation, 0, data.evalExamples) : evaluation,
      }));
  }
}
