import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test-support/temp-dir.js';
import { CsvRecordParser, DataFileError, readRecords, type CsvRecord } from '../src/index.js';
import { writeText } from './fixtures.js';

/** All records of `text` fed to a parser in the given chunks. */
function parse(text: string, delimiter = ',', chunks: number[] = [], skipLines = 0): CsvRecord[] {
  const parser = new CsvRecordParser('t.csv', delimiter, skipLines);
  const records: CsvRecord[] = [];
  let pos = 0;
  for (const size of chunks) {
    records.push(...parser.push(text.slice(pos, pos + size)));
    pos += size;
  }
  records.push(...parser.push(text.slice(pos)), ...parser.end());
  return records;
}

const fieldsOf = (records: CsvRecord[]) => records.map((r) => r.fields);

async function collect(file: string, delimiter = ',', chunkSize?: number): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const r of readRecords(file, { delimiter, chunkSize })) records.push(r);
  return records;
}

describe('CsvRecordParser', () => {
  it('splits lines at the delimiter and trims every field', () => {
    expect(parse('a, b ,c\n 1,2 ,  3\n')).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1', '2', '3'], line: 2 },
    ]);
  });

  it('keeps empty fields, including trailing ones, and reads a last line without a line end', () => {
    expect(fieldsOf(parse('1,,3,\n,,,'))).toEqual([
      ['1', '', '3', ''],
      ['', '', '', ''],
    ]);
  });

  it('follows RFC 4180 quoting: delimiters, doubled quotes and line ends inside quotes', () => {
    const text = 'name,note\n"Smith, J.","said ""hi"""\n"multi\nline",x\n';
    expect(parse(text)).toEqual([
      { fields: ['name', 'note'], line: 1 },
      { fields: ['Smith, J.', 'said "hi"'], line: 2 },
      { fields: ['multi\nline', 'x'], line: 3 },
    ]);
  });

  it('counts physical lines: a record after a quoted line end starts one line later', () => {
    expect(parse('"a\nb\nc",1\nnext,2\n').map((r) => r.line)).toEqual([1, 4]);
  });

  it('accepts blanks around a quoted field, an empty quoted field and quotes inside an unquoted one', () => {
    expect(fieldsOf(parse(' "a,b" ,"",x"y\n'))).toEqual([['a,b', '', 'x"y']]);
  });

  it('handles CRLF line ends, a UTF-8 BOM and blank lines', () => {
    expect(parse('\uFEFF"a",b\r\n\r\n1,2\r\n\n"q",3\r\n')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 3 },
      { fields: ['q', '3'], line: 5 },
    ]);
  });

  it('splits at tabs and keeps spaces inside fields', () => {
    expect(fieldsOf(parse('0\t1 2\t\t"x\ty"\n', '\t'))).toEqual([['0', '1 2', '', 'x\ty']]);
  });

  it('drops the first skipLines physical lines, whatever they hold', () => {
    expect(parse('|1x3 "Cross validator\nh1,h2\n1,2\n', ',', [], 1)).toEqual([
      { fields: ['h1', 'h2'], line: 2 },
      { fields: ['1', '2'], line: 3 },
    ]);
    expect(parse('junk\n"more junk\nh1,h2\n1,2\n', ',', [3, 4], 2)).toEqual([
      { fields: ['h1', 'h2'], line: 3 },
      { fields: ['1', '2'], line: 4 },
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const cell = fc.stringMatching(/^[a-z ,"\n\r\t;é€]{0,6}$/);
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(table, fc.array(fc.nat(12), { maxLength: 20 }), fc.boolean(), (rows, cuts, crlf) => {
        const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
        const text = rows.map((r) => r.map(quote).join(',')).join(crlf ? '\r\n' : '\n');
        const expected = rows.map((r) => r.map((c) => c.trim()));
        expect(fieldsOf(parse(text, ',', cuts))).toEqual(expected);
      }),
    );
  });

  it('rejects an unterminated quote, naming the line where the record starts', () => {
    const call = () => parse('a,b\n1,"open\n2,3\n');
    expect(call).toThrow(DataFileError);
    expect(call).toThrow(/^t\.csv:2: a quoted field is still open at the end of the file, expected a closing quote$/);
  });

  it('rejects text after a closing quote', () => {
    expect(() => parse('a,b\n"x"y,1\n')).toThrow(/t\.csv:2: got "y,1\\n", expected a delimiter or a line end after a closing quote/);
  });

  it('rejects a delimiter that is not one plain character', () => {
    expect(() => new CsvRecordParser('t.csv', ',,')).toThrow(RangeError);
    expect(() => new CsvRecordParser('t.csv', '"')).toThrow(/delimiter/);
  });
});

describe('readRecords', () => {
  const dir = useTempDir('churnlab-records-');

  it('streams a file in small chunks, multi-byte characters and quoted line ends cut across chunks', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `${i},"ünïcödé €${i}\nsecond, line",π`);
    const file = writeText(dir(), 'big.csv', `id,text,sym\n${rows.join('\n')}\n`);
    const records = await collect(file, ',', 7);
    expect(records.length).toBe(301);
    expect(records[300]).toEqual({ fields: ['299', 'ünïcödé €299\nsecond, line', 'π'], line: 2 + 2 * 299 });
    expect(fieldsOf(records)).toEqual(fieldsOf(await collect(file)));
  });

  it('fails with a DataFileError for a missing file and an empty file', async () => {
    await expect(collect(`${dir()}/nope.csv`)).rejects.toThrow(/nope\.csv: no such file, expected an existing, readable data file/);
    const empty = writeText(dir(), 'empty.csv', '');
    await expect(collect(empty)).rejects.toThrow(DataFileError);
    await expect(collect(empty)).rejects.toThrow(/empty\.csv: the file is empty, expected at least one row/);
    await expect(collect(dir())).rejects.toThrow(/not a regular file/);
  });

  it('refuses a gzip-compressed file instead of reading its bytes as text', async () => {
    const file = path.join(dir(), 'clicks.csv.gz');
    writeFileSync(file, gzipSync('a,b\n1,2\n'));
    await expect(collect(file)).rejects.toThrow(DataFileError);
    await expect(collect(file)).rejects.toThrow(`${file}: gzip-compressed, expected an uncompressed text file (decompress it first, e.g. with gunzip)`);
  });
});
