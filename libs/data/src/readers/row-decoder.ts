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
    this.numberExpected = `a finite number or a missing value (${source.missing.map((m) => JSON.stringify(m)).join(', ')})`;
  }

  /** Fills the buffers from `record`; throws a DataFileError for a wrong column count, a non-number or an unknown label. */
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

  private number(value: string, record: CsvRecord, column: number): number {
    if (this.missing.has(value)) return Number.NaN;
    const number = Number(value);
    // 1e999 is decimal syntax but overflows to Infinity, which would poison training: it is refused like any non-number.
    if (!DECIMAL.test(value) || !Number.isFinite(number)) throw new DataFileError({ file: this.file, line: record.line, column: this.plan.names[column], value, expected: this.numberExpected });
    return number;
  }
}
