import { bucketHasher, MISSING_BUCKET, type HashSpec } from '../features/hash-buckets.js';
import type { ColumnPlan } from './column-plan.js';
import type { CsvRecord } from './csv-records.js';
import type { ResolvedCsvSource } from './csv-source.js';
import { DataFileError } from './data-file-error.js';
import { labelDecoder, type LabelDecoder } from './label-decoder.js';

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Decodes one record at a time into reused buffers: raw numeric values (NaN when missing), bucket ids and the label. */
export class RowDecoder {
  readonly numeric: Float32Array;
  readonly categories: Uint32Array;
  label = 0;
  readonly outputs: number;
  private readonly missing: Set<string>;
  private readonly labels: LabelDecoder;
  private readonly hashers: ((value: string) => number)[];
  private readonly numberExpected: string;
  private readonly float32Expected: string;

  constructor(
    private readonly plan: ColumnPlan,
    source: ResolvedCsvSource,
    hash: HashSpec,
    private readonly file: string,
  ) {
    this.numeric = new Float32Array(plan.numeric.length);
    this.categories = new Uint32Array(plan.categorical.length);
    this.missing = new Set(source.missing);
    this.labels = labelDecoder(source.label, source.missing);
    this.outputs = this.labels.outputs;
    this.hashers = plan.categorical.map((_, c) => bucketHasher(hash, c));
    const missing = `a missing value (${source.missing.map((m) => JSON.stringify(m)).join(', ')})`;
    this.numberExpected = `a finite number or ${missing}`;
    this.float32Expected = `a number of magnitude up to about 3.4e38 or ${missing}`;
  }

  /** Fills the buffers from `record`; throws a DataFileError for a wrong column count, a non-number, a number beyond float32's range or an unknown label. */
  decode(record: CsvRecord): void {
    const { fields, line } = record;
    const { plan, file } = this;
    if (fields.length !== plan.names.length) {
      throw new DataFileError({ file, line, problem: 'wrong number of columns', value: String(fields.length), expected: `${plan.names.length} columns` });
    }
    const labelValue = fields[plan.label]!;
    const label = this.labels.decode(labelValue);
    if (label === undefined) throw new DataFileError({ file, line, column: plan.names[plan.label], value: labelValue, expected: this.labels.expected });
    this.label = label;
    plan.numeric.forEach((column, j) => (this.numeric[j] = this.number(fields[column]!, record, column)));
    plan.categorical.forEach((column, c) => {
      const value = fields[column]!;
      this.categories[c] = this.missing.has(value) ? MISSING_BUCKET : this.hashers[c]!(value);
    });
  }

  /**
   * The value of a numeric cell, NaN when missing. Every text reader (generic CSV, both Criteo layouts) converts its
   * numbers here, so this is the one place that decides which numbers a float32 feature can hold.
   */
  private number(value: string, record: CsvRecord, column: number): number {
    if (this.missing.has(value)) return Number.NaN;
    if (!DECIMAL.test(value)) throw this.refuse(value, record, column, { expected: this.numberExpected });
    const number = Number(value);
    // Features are stored as float32: a decimal beyond its range (1e39, or 1e999, which even float64 cannot hold) would
    // become ±Infinity there and fail training later as a numerical failure, so it is refused here as bad input.
    if (!Number.isFinite(Math.fround(number))) throw this.refuse(value, record, column, { reason: "beyond float32's range", expected: this.float32Expected });
    return number;
  }

  private refuse(value: string, record: CsvRecord, column: number, why: { reason?: string; expected: string }): DataFileError {
    return new DataFileError({ file: this.file, line: record.line, column: this.plan.names[column], value, ...why });
  }
}
