import { DataFileError } from './data-file-error.js';
import type { ResolvedCsvSource } from './csv-source.js';

/** Positions of the columns a source uses, in one file's column order. */
export interface ColumnPlan {
  names: string[];
  label: number;
  numeric: number[];
  categorical: number[];
}

/** Finds the label, numeric and categorical columns of `source` among `names` (a header read at `line`, or source.columns). */
export function planColumns(names: string[], source: ResolvedCsvSource, file: string, line?: number): ColumnPlan {
  if (names.length === 1) throw oneColumnError(file, line, names[0]!, source.delimiter);
  const find = (name: string) => columnIndex(names, name, file, line);
  return {
    names,
    label: find(source.label.column),
    numeric: source.numeric.map(find),
    categorical: source.categorical.map(find),
  };
}

/** The error for a line that the delimiter leaves whole: almost always a wrong delimiter. */
export function oneColumnError(file: string, line: number | undefined, text: string, delimiter: string): DataFileError {
  return new DataFileError({
    file,
    line,
    value: text,
    problem: `the delimiter ${JSON.stringify(delimiter)} leaves a single column`,
    expected: 'several columns (is the delimiter right?)',
  });
}

function columnIndex(names: string[], name: string, file: string, line: number | undefined): number {
  const index = names.indexOf(name);
  const expected = `a column named in the header: ${names.join(', ')}`;
  if (index < 0) throw new DataFileError({ file, line, column: name, problem: 'no such column', expected });
  if (names.indexOf(name, index + 1) >= 0) throw new DataFileError({ file, line, column: name, problem: 'the header names this column twice', expected: 'unique column names' });
  return index;
}
