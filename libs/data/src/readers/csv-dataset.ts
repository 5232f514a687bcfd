import { rmSync } from 'node:fs';
import { checkInteger } from '../check.js';
import type { Dataset } from '../dataset.js';
import { checkFeatureSpec, type FeatureSpec } from '../features/feature-spec.js';
import { applyNumeric, fitNumeric, type NumericFit } from '../features/numeric.js';
import { seededSplit } from '../split.js';
import { cachedTableFile, type CachedTable } from '../cache/table-cache.js';
import { readTableFile, tableName, type TableOptions } from './csv-table.js';
import { resolveCsvSource, type CsvSource, type LabelSpec, type ResolvedCsvSource } from './csv-source.js';
import { DataFileError } from './data-file-error.js';

/** Settings of a tabular read besides the source: the split seed, the feature settings, bad-row handling and a name. */
export interface CsvReadOptions extends Omit<TableOptions, 'hash'> {
  /** Seed of the train/eval split (seededSplit), when the source has no separate eval file. */
  seed: number;
  features: FeatureSpec;
  /** Dataset name; the main file's name without extension by default. */
  name?: string;
  /** Read through a binary cache in this folder (see cachedTableFile); straight from the text when absent. */
  cacheDir?: string;
}

/** Model-ready train and eval sets with everything a run records about how they were made. */
export interface TabularData {
  train: Dataset;
  eval: Dataset;
  /** Bad rows skipped over both files (only with skipBadRows). */
  skippedRows: number;
  /** Messages of the first few skipped rows of each file. */
  skipped: string[];
  source: ResolvedCsvSource;
  /** The numeric transform as fitted on the training set and applied to both sets. */
  numeric: NumericFit;
}

/**
 * Reads a delimited file described by `source`: rows decoded and categorical values hashed while streaming, split
 * (or paired with the eval file), numeric columns transformed with statistics of the training part only.
 */
export async function readCsv(source: CsvSource, options: CsvReadOptions): Promise<TabularData> {
  const resolved = resolveCsvSource(source);
  checkFeatureSpec(options.features);
  checkInteger('seed', options.seed, 0, 2 ** 32 - 1);
  const tableOptions: TableOptions = { hash: options.features.categorical, skipBadRows: options.skipBadRows, chunkSize: options.chunkSize };
  const read = (file: string, skipLines: number) =>
    options.cacheDir ? cachedTableFile(file, skipLines, resolved, tableOptions, options.cacheDir) : readTableFile(file, skipLines, resolved, tableOptions);
  const main = await read(resolved.path, 0);
  try {
    checkTwoClasses(main.data, resolved.path, resolved.label);
  } catch (error) {
    // A refused file leaves no cache behind that this call made for it.
    const made = main as Partial<CachedTable>;
    if (made.cacheFile && made.hit === false) rmSync(made.cacheFile, { force: true });
    throw error;
  }
  const name = options.name ?? tableName(resolved.path);
  let parts: { train: Dataset; eval: Dataset };
  let skipped = main.skipped;
  let skippedRows = main.skippedRows;
  if (resolved.eval) {
    const evaluation = await read(resolved.eval.path, resolved.eval.skipRows ?? 0);
    parts = { train: { ...main.data, name: `${name}/train` }, eval: { ...evaluation.data, name: `${name}/eval` } };
    skipped = [...skipped, ...evaluation.skipped];
    skippedRows += evaluation.skippedRows;
  } else {
    parts = seededSplit({ ...main.data, name }, resolved.split!.eval, options.seed);
  }
  const numeric = fitNumeric(options.features.numeric, parts.train);
  return { train: applyNumeric(numeric, parts.train), eval: applyNumeric(numeric, parts.eval), skippedRows, skipped, source: resolved, numeric };
}

/** Fails with a DataFileError when every row of `d` has the same label: nothing could be learned from it. */
export function checkTwoClasses(d: Dataset, file: string, label: LabelSpec): void {
  const first = d.labels[0]!;
  if (d.labels.some((y) => y !== first)) return;
  const className = 'classes' in label ? JSON.stringify(label.classes[first]) : first === 1 ? 'positive' : 'negative';
  throw new DataFileError({ file, column: label.column, problem: `all ${d.rows} rows have the label ${className}`, expected: 'rows of at least two classes' });
}
