import type { Dataset } from '@churnlab/data';
import { arrayOf, integer, record, text, typedArray } from './wire-checks.js';
import { WireError } from './wire-error.js';

/** Most features or categorical columns a dataset on the wire may have. */
const MAX_COLUMNS = 1 << 20;
/** Most classes a dataset on the wire may have. */
const MAX_OUTPUTS = 1 << 16;

/** The fields of `data` that cross the wire, in ordinary memory (shared memory does not leave the process). */
export function datasetMessage(data: Dataset): Dataset {
  const copy: Dataset = {
    name: data.name,
    rows: data.rows,
    width: data.width,
    outputs: data.outputs,
    features: data.features,
    labels: data.labels,
    featureNames: data.featureNames,
  };
  if (data.categories) Object.assign(copy, { categories: data.categories, buckets: data.buckets, categoryNames: data.categoryNames });
  return copy;
}

/** Checks that `value` is a complete, consistent dataset: every array as long as the row count says. */
export function readDataset(value: unknown, field: string): Dataset {
  const d = record(value, field, ['name', 'rows', 'width', 'outputs', 'features', 'labels', 'featureNames'], ['categories', 'buckets', 'categoryNames']);
  const rows = integer(d['rows'], `${field}.rows`, 0, 2 ** 31 - 1);
  const width = integer(d['width'], `${field}.width`, 0, MAX_COLUMNS);
  const outputs = integer(d['outputs'], `${field}.outputs`, 1, MAX_OUTPUTS);
  const dataset: Dataset = {
    name: text(d['name'], `${field}.name`, 256),
    rows,
    width,
    outputs,
    features: typedArray(d['features'], `${field}.features`, Float32Array, { exactly: rows * width }),
    labels: typedArray(d['labels'], `${field}.labels`, Float32Array, { exactly: rows }),
    featureNames: arrayOf(d['featureNames'], `${field}.featureNames`, MAX_COLUMNS, (v, f) => text(v, f, 256)),
  };
  const categorical = ['categories', 'buckets', 'categoryNames'].filter((key) => d[key] !== undefined);
  if (categorical.length === 0) return dataset;
  if (categorical.length !== 3) throw new WireError(`${field}: categories, buckets and categoryNames come together or not at all`);
  const buckets = arrayOf(d['buckets'], `${field}.buckets`, MAX_COLUMNS, (v, f) => integer(v, f, 1, 2 ** 32 - 1));
  const categories = typedArray(d['categories'], `${field}.categories`, Uint32Array, { exactly: rows * buckets.length });
  const categoryNames = arrayOf(d['categoryNames'], `${field}.categoryNames`, buckets.length, (v, f) => text(v, f, 256));
  if (categoryNames.length !== buckets.length) throw new WireError(`${field}.categoryNames: expected ${buckets.length} names, got ${categoryNames.length}`);
  // An id past its table would make a worker read another table's (or the MLP's) parameters.
  for (let i = 0; i < categories.length; i++) {
    if (categories[i]! >= buckets[i % buckets.length]!) throw new WireError(`${field}.categories: row ${Math.floor(i / buckets.length)} has bucket id ${categories[i]} for feature ${i % buckets.length}, which has ${buckets[i % buckets.length]} buckets`);
  }
  return { ...dataset, categories, buckets, categoryNames };
}
