import path from 'node:path';
import type { Dataset } from '../dataset.js';
import type { HashSpec } from '../features/hash-buckets.js';
import { oneColumnError, planColumns, type ColumnPlan } from './column-plan.js';
import { readRecords } from './csv-records.js';
import { resolveCsvSource, type CsvSource, type ResolvedCsvSource } from './csv-source.js';
import { DataFileError } from './data-file-error.js';
import { RowDecoder } from './row-decoder.js';
import { TableBuilder, type TableShape } from './table-builder.js';

/** How a table is read: the hashing of categorical values, and whether bad rows are skipped (and counted) or fatal. */
export interface TableOptions {
  hash: HashSpec;
  skipBadRows?: boolean;
  /** Bytes read at a time; 64 KiB by default. */
  chunkSize?: number;
}

/** One file's rows before any numeric transform: features are the raw numeric columns, NaN where missing. */
export interface RawTable {
  data: Dataset;
  skippedRows: number;
  /** Messages of the first few skipped rows. */
  skipped: string[];
}

const KEPT_MESSAGES = 5;

/** The source's main file as a raw table. */
export async function readCsvTable(source: CsvSource, options: TableOptions): Promise<RawTable> {
  const resolved = resolveCsvSource(source);
  return readTableFile(resolved.path, 0, resolved, options);
}

/** One file of `source` as a raw table, after dropping its first `skipLines` physical lines. */
export async function readTableFile(file: string, skipLines: number, source: ResolvedCsvSource, options: TableOptions): Promise<RawTable> {
  const { sink, skippedRows, skipped } = await decodeTableFile(file, skipLines, source, options, (shape) => new TableBuilder(shape));
  return { data: sink.build(tableName(file)), skippedRows, skipped };
}

/** Where decoded rows go: into memory (TableBuilder) or straight to a cache file. */
export interface RowSink {
  readonly rows: number;
  push(numeric: Float32Array, categories: Uint32Array, label: number): void;
}

/**
 * Streams one file of `source` through the decoder into the sink `makeSink` creates for the table's shape, row by row,
 * so memory stays bounded by the sink. Bad rows throw, or are skipped and counted with skipBadRows.
 */
export async function decodeTableFile<Sink extends RowSink>(
  file: string,
  skipLines: number,
  source: ResolvedCsvSource,
  options: TableOptions,
  makeSink: (shape: TableShape) => Sink,
): Promise<{ sink: Sink; skippedRows: number; skipped: string[] }> {
  let plan: ColumnPlan | undefined = source.header ? undefined : planColumns(source.columns!, source, file);
  let decoder = plan && new RowDecoder(plan, source, options.hash, file);
  let sink: Sink | undefined;
  let skippedRows = 0;
  const skipped: string[] = [];
  for await (const record of readRecords(file, { delimiter: source.delimiter, skipLines, chunkSize: options.chunkSize })) {
    if (!plan || !decoder) {
      plan = planColumns(record.fields, source, file, record.line);
      decoder = new RowDecoder(plan, source, options.hash, file);
      continue;
    }
    if (!sink) {
      if (record.fields.length === 1) throw oneColumnError(file, record.line, record.fields[0]!, source.delimiter);
      sink = makeSink({ numeric: source.numeric, categorical: source.categorical, buckets: options.hash.buckets, outputs: decoder.outputs });
    }
    try {
      decoder.decode(record);
    } catch (error) {
      if (!(options.skipBadRows && error instanceof DataFileError)) throw error;
      if (skippedRows++ < KEPT_MESSAGES) skipped.push(error.message);
      continue;
    }
    sink.push(decoder.numeric, decoder.categories, decoder.label);
  }
  if (!sink || sink.rows === 0) throw noRowsError(file, source.header && plan !== undefined, skippedRows);
  return { sink, skippedRows, skipped };
}

function noRowsError(file: string, headerRead: boolean, skippedRows: number): DataFileError {
  const problem = skippedRows > 0 ? `every row is bad (${skippedRows} skipped)` : headerRead ? 'only a header' : 'no rows';
  return new DataFileError({ file, problem, expected: 'at least one data row' });
}

/** The file's name without directory and extension. */
export function tableName(file: string): string {
  return path.basename(file, path.extname(file));
}
