import { createReadStream } from 'node:fs';
import { DataFileError } from './data-file-error.js';
import { checkDataFile } from './data-file.js';
import { refuseGzipText } from './gzip.js';

/** One record of a delimited file: its fields, each trimmed, and the physical line (1-based) it starts on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** How a delimited file is split: a one-character delimiter, physical lines to drop first, and the read size in bytes. */
export interface RecordOptions {
  delimiter: string;
  skipLines?: number;
  chunkSize?: number;
}

interface Scanned {
  fields: string[];
  /** Index just past the record's line end. */
  end: number;
  /** Line ends consumed, including those inside quoted fields. */
  newlines: number;
}

const QUOTE = '"';
const DEFAULT_CHUNK = 1 << 16;

/**
 * The records of a delimited file, read in chunks so the file is never held whole in memory. Fields follow RFC 4180
 * (quoted fields may hold delimiters, "" and line ends); blank lines are skipped; a leading UTF-8 BOM is dropped. A
 * gzip-compressed file is refused (DataFileError), not read as text.
 */
export async function* readRecords(file: string, options: RecordOptions): AsyncGenerator<CsvRecord> {
  await checkDataFile(file);
  await refuseGzipText(file);
  const parser = new CsvRecordParser(file, options.delimiter, options.skipLines ?? 0);
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: options.chunkSize ?? DEFAULT_CHUNK });
  // Leaving the loop early (a parse error, a consumer that stops) closes the stream through its iterator.
  for await (const chunk of stream) yield* parser.push(chunk as string);
  yield* parser.end();
}

/** Incremental RFC 4180 parser: text goes in as chunks of any size, each call returns the records completed so far. */
export class CsvRecordParser {
  private buffer = '';
  private line = 1;
  private bomChecked = false;

  constructor(
    private readonly file: string,
    private readonly delimiter: string,
    private skipLines = 0,
  ) {
    if ([...delimiter].length !== 1 || /["\r\n]/.test(delimiter)) throw new RangeError(`delimiter must be one character other than a quote or a line end, got ${JSON.stringify(delimiter)}`);
  }

  /** The records that `chunk` completes. */
  push(chunk: string): CsvRecord[] {
    this.buffer += chunk;
    return this.drain(false);
  }

  /** The last record, when the text does not end with a line end. */
  end(): CsvRecord[] {
    return this.drain(true);
  }

  private drain(final: boolean): CsvRecord[] {
    this.dropBom();
    const records: CsvRecord[] = [];
    let pos = 0;
    while (pos < this.buffer.length) {
      if (this.skipLines > 0) {
        const nl = this.buffer.indexOf('\n', pos);
        if (nl < 0 && !final) break;
        pos = nl < 0 ? this.buffer.length : nl + 1;
        this.line++;
        this.skipLines--;
        continue;
      }
      const scanned = this.scanRecord(pos, final);
      if (!scanned) break;
      if (scanned.fields.length > 1 || scanned.fields[0] !== '') records.push({ fields: scanned.fields, line: this.line });
      this.line += scanned.newlines;
      pos = scanned.end;
    }
    this.buffer = this.buffer.slice(pos);
    return records;
  }

  private dropBom(): void {
    if (this.bomChecked || this.buffer.length === 0) return;
    if (this.buffer.startsWith('\uFEFF')) this.buffer = this.buffer.slice(1);
    this.bomChecked = true;
  }

  /** The record starting at `start`, or undefined when it may continue past the buffered text. */
  private scanRecord(start: number, final: boolean): Scanned | undefined {
    const text = this.buffer;
    const fields: string[] = [];
    let pos = start;
    let newlines = 0;
    // First line end at or after pos (-1: none in the buffer), refreshed only when a quoted field moves past it.
    let nl = text.indexOf('\n', pos);
    for (;;) {
      if (nl >= 0 && nl < pos) nl = text.indexOf('\n', pos);
      const open = this.quoteAt(pos);
      if (open < 0) {
        const d = text.indexOf(this.delimiter, pos);
        if (d >= 0 && (nl < 0 || d < nl)) {
          fields.push(text.slice(pos, d).trim());
          pos = d + 1;
          continue;
        }
        if (nl >= 0) {
          fields.push(text.slice(pos, nl).trim());
          return { fields, end: nl + 1, newlines: newlines + 1 };
        }
        if (!final) return undefined;
        fields.push(text.slice(pos).trim());
        return { fields, end: text.length, newlines };
      }
      const quoted = this.scanQuoted(open, final, this.line + newlines);
      if (!quoted) return undefined;
      fields.push(quoted.value.trim());
      newlines += quoted.newlines;
      pos = this.skipBlanks(quoted.end);
      if (text[pos] === this.delimiter) {
        pos++;
        continue;
      }
      const end = this.lineEnd(pos, final);
      if (end === undefined) return undefined;
      if (end < 0) throw new DataFileError({ file: this.file, line: this.line + newlines, value: text.slice(pos, pos + 10), expected: 'a delimiter or a line end after a closing quote' });
      return { fields, end, newlines: newlines + (text[end - 1] === '\n' ? 1 : 0) };
    }
  }

  /** Index of the opening quote of a quoted field at `pos` (blanks before it allowed), or -1 when the field is unquoted. */
  private quoteAt(pos: number): number {
    const q = this.skipBlanks(pos);
    return this.buffer[q] === QUOTE ? q : -1;
  }

  private skipBlanks(pos: number): number {
    const text = this.buffer;
    while ((text[pos] === ' ' || text[pos] === '\t') && text[pos] !== this.delimiter) pos++;
    return pos;
  }

  /** The quoted field opened at `open`, with "" unescaped; undefined when its end is not buffered yet. */
  private scanQuoted(open: number, final: boolean, line: number): { value: string; end: number; newlines: number } | undefined {
    const text = this.buffer;
    let value = '';
    let from = open + 1;
    for (;;) {
      const q = text.indexOf(QUOTE, from);
      if (q < 0) {
        if (!final) return undefined;
        throw new DataFileError({ file: this.file, line, problem: 'a quoted field is still open at the end of the file', expected: 'a closing quote' });
      }
      value += text.slice(from, q);
      // A quote at the very end of the buffer may open a "" pair: the caller's line-end check waits for more text.
      if (text[q + 1] !== QUOTE) return { value, end: q + 1, newlines: countNewlines(text, open, q) };
      value += QUOTE;
      from = q + 2;
    }
  }

  /** Index just past the line end at `pos`; -1 when something else is there; undefined when more text is needed. */
  private lineEnd(pos: number, final: boolean): number | undefined {
    const text = this.buffer;
    if (pos >= text.length) return final ? pos : undefined;
    if (text[pos] === '\n') return pos + 1;
    if (text[pos] !== '\r') return -1;
    if (pos + 1 >= text.length) return final ? pos + 1 : undefined;
    return text[pos + 1] === '\n' ? pos + 2 : -1;
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
