import { quoteValue } from './quoted-value.js';

/** Where in a data file a problem is and what was expected there; `line` is 1-based and counts physical lines. */
export interface DataFileProblem {
  file: string;
  line?: number;
  column?: string;
  value?: string;
  expected: string;
  /** What was found, when a value alone does not say it (e.g. "no such file"). */
  problem?: string;
  /** Why the value is refused, when its text alone does not show it (e.g. "beyond float32's range"); said after it. */
  reason?: string;
}

/** A data file that cannot be read as configured; the message names file:line, the column, the value and what was expected. */
export class DataFileError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: string | undefined;
  readonly value: string | undefined;
  readonly expected: string;

  constructor(p: DataFileProblem) {
    super(describeProblem(p));
    this.name = 'DataFileError';
    this.file = p.file;
    this.line = p.line;
    this.column = p.column;
    this.value = p.value;
    this.expected = p.expected;
  }
}

/** "file:line, column C: problem, got "v", reason, expected E" with the parts that are known; a long value is cut (see quoteValue). */
export function describeProblem(p: DataFileProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const column = p.column === undefined ? '' : `, column ${p.column}`;
  const found = [p.problem, p.value === undefined ? undefined : `got ${quoteValue(p.value)}`, p.reason].filter((s) => s !== undefined).join(', ');
  return `${where}${column}: ${found ? `${found}, ` : ''}expected ${p.expected}`;
}
