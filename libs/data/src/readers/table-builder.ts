import type { Dataset } from '../dataset.js';

/** Row storage that grows by doubling, so a reader need not know the row count in advance. */
class Growable<T extends Float32Array | Uint32Array> {
  private data: T;
  length = 0;

  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }

  push(values: ArrayLike<number>): void {
    if (this.length + values.length > this.data.length) {
      const bigger = this.make(Math.max(2 * this.data.length, this.length + values.length));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    this.data.set(values, this.length);
    this.length += values.length;
  }

  /** The filled part, copied to an array of exactly its size. */
  take(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** Shape of a raw table: numeric column names, categorical names with their bucket counts, and the label width. */
export interface TableShape {
  numeric: string[];
  categorical: string[];
  buckets: number;
  outputs: number;
}

/** Collects decoded rows into a raw Dataset: numeric features hold NaN where a value is missing. */
export class TableBuilder {
  rows = 0;
  private readonly numeric = new Growable((n) => new Float32Array(n));
  private readonly categories = new Growable((n) => new Uint32Array(n));
  private readonly labels = new Growable((n) => new Float32Array(n));
  private readonly label = new Float32Array(1);

  constructor(private readonly shape: TableShape) {}

  /** Appends one row. */
  push(numeric: Float32Array, categories: Uint32Array, label: number): void {
    this.numeric.push(numeric);
    this.categories.push(categories);
    this.label[0] = label;
    this.labels.push(this.label);
    this.rows++;
  }

  /** The collected rows as a Dataset named `name`; categorical fields only when there are categorical columns. */
  build(name: string): Dataset {
    return tableDataset(this.shape, name, this.rows, this.numeric.take(), this.categories.take(), this.labels.take());
  }
}

/** A raw table's Dataset: the numeric columns as features and, when the shape has categorical columns, their bucket ids. */
export function tableDataset(shape: TableShape, name: string, rows: number, features: Float32Array, categories: Uint32Array, labels: Float32Array): Dataset {
  const d: Dataset = { name, rows, width: shape.numeric.length, outputs: shape.outputs, features, labels, featureNames: [...shape.numeric] };
  if (shape.categorical.length === 0) return d;
  return { ...d, categories, buckets: shape.categorical.map(() => shape.buckets), categoryNames: [...shape.categorical] };
}
