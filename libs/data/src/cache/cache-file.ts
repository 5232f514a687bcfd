import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import type { RowSink, RawTable } from '../readers/csv-table.js';
import { DataFileError } from '../readers/data-file-error.js';
import { tableDataset, type TableShape } from '../readers/table-builder.js';

// Typed arrays are written in the machine's byte order; the cache refuses to be read on a machine of the other order.
const MAGIC = Buffer.from('CHURNLAB-CACHE01', 'latin1');
const VERSION = 1;
const CHUNK_ROWS = 65_536;

/** What the footer of a cache file records. */
interface Footer {
  version: number;
  byteOrder: string;
  name: string;
  shape: TableShape;
  rows: number;
  chunkRows: number[];
  skippedRows: number;
  skipped: string[];
}

/**
 * Writes decoded rows straight to a cache file, a chunk of rows at a time, so converting a file larger than memory
 * needs only one chunk of memory. The file is: magic, chunks (numeric float32 rows, category uint32 rows, float32
 * labels), a JSON footer, its byte length and the magic again; it is written under a temporary name and renamed.
 */
export class CacheWriter implements RowSink {
  rows = 0;
  private readonly fd: number;
  private readonly temporary: string;
  private readonly numeric: Float32Array;
  private readonly categories: Uint32Array;
  private readonly labels: Float32Array;
  private inChunk = 0;
  private readonly chunkRows: number[] = [];

  constructor(
    private readonly file: string,
    private readonly shape: TableShape,
  ) {
    this.temporary = `${file}.partial-${process.pid}`;
    this.fd = openSync(this.temporary, 'w');
    this.numeric = new Float32Array(CHUNK_ROWS * shape.numeric.length);
    this.categories = new Uint32Array(CHUNK_ROWS * shape.categorical.length);
    this.labels = new Float32Array(CHUNK_ROWS);
    writeSync(this.fd, MAGIC);
  }

  /** Appends one row, writing the chunk out when it is full. */
  push(numeric: Float32Array, categories: Uint32Array, label: number): void {
    this.numeric.set(numeric, this.inChunk * numeric.length);
    this.categories.set(categories, this.inChunk * categories.length);
    this.labels[this.inChunk] = label;
    this.rows++;
    if (++this.inChunk === CHUNK_ROWS) this.flush();
  }

  /** Writes the last chunk and the footer, and renames the file into place. */
  finish(name: string, skippedRows: number, skipped: string[]): void {
    if (this.inChunk > 0) this.flush();
    const footer: Footer = { version: VERSION, byteOrder: endianness(), name, shape: this.shape, rows: this.rows, chunkRows: this.chunkRows, skippedRows, skipped };
    const json = Buffer.from(JSON.stringify(footer), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    writeSync(this.fd, json);
    writeSync(this.fd, length);
    writeSync(this.fd, MAGIC);
    closeSync(this.fd);
    renameSync(this.temporary, this.file);
  }

  /** Closes and removes the unfinished file (a failed conversion leaves no cache behind). */
  abandon(): void {
    closeSync(this.fd);
    rmSync(this.temporary, { force: true });
  }

  private flush(): void {
    const rows = this.inChunk;
    for (const [array, width] of [
      [this.numeric, this.shape.numeric.length],
      [this.categories, this.shape.categorical.length],
      [this.labels, 1],
    ] as const) {
      writeSync(this.fd, new Uint8Array(array.buffer, 0, rows * width * 4));
    }
    this.chunkRows.push(rows);
    this.inChunk = 0;
  }
}

/** Loads a cache file into a raw table; a damaged or foreign file is a DataFileError naming it. */
export function loadCacheFile(file: string): RawTable {
  const bytes = readFileSync(file);
  const corrupt = (problem: string) => new DataFileError({ file, problem: `corrupt cache file (${problem})`, expected: 'a cache written by churnlab; delete it and it is rebuilt from the data file' });
  const end = bytes.length - MAGIC.length;
  if (bytes.length < 2 * MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC) || !bytes.subarray(end).equals(MAGIC)) throw corrupt('no churnlab cache marker');
  const footerLength = bytes.readUInt32LE(end - 4);
  let footer: Footer;
  try {
    footer = JSON.parse(bytes.subarray(end - 4 - footerLength, end - 4).toString('utf8')) as Footer;
  } catch {
    throw corrupt('unreadable footer');
  }
  if (footer.version !== VERSION || footer.byteOrder !== endianness()) throw corrupt(`version ${footer.version}, byte order ${footer.byteOrder}`);
  const { shape, rows } = footer;
  const widths = [shape.numeric.length, shape.categorical.length, 1];
  const body = rows * widths.reduce((a, b) => a + b, 0) * 4;
  if (MAGIC.length + body !== end - 4 - footerLength || footer.chunkRows.reduce((a, b) => a + b, 0) !== rows) throw corrupt(`${bytes.length} bytes do not hold ${rows} rows`);
  const columns = [new Float32Array(rows * widths[0]!), new Uint32Array(rows * widths[1]!), new Float32Array(rows)] as const;
  let offset = MAGIC.length;
  let row = 0;
  for (const count of footer.chunkRows) {
    columns.forEach((array, c) => {
      const length = count * widths[c]! * 4;
      new Uint8Array(array.buffer, row * widths[c]! * 4, length).set(bytes.subarray(offset, offset + length));
      offset += length;
    });
    row += count;
  }
  return { data: tableDataset(shape, footer.name, rows, columns[0], columns[1], columns[2]), skippedRows: footer.skippedRows, skipped: footer.skipped };
}
