import { check, checkInteger, fail } from '../check.js';

/** A binary label: `positive` values give 1; `negative` values give 0, or every other non-missing value when it is left out. */
export interface BinaryLabel {
  column: string;
  positive: string[];
  negative?: string[];
}

/** A K-class label: the value classes[k] gives class index k. */
export interface ClassLabel {
  column: string;
  classes: string[];
}

/** Where the label is and how its values map to targets. */
export type LabelSpec = BinaryLabel | ClassLabel;

/** A delimited text file described column by column: the plain object a run records in its config.json. */
export interface CsvSource {
  format: 'csv';
  path: string;
  /** One character; ',' by default. */
  delimiter?: string;
  header: boolean;
  /** Column names, required exactly when there is no header. */
  columns?: string[];
  label: LabelSpec;
  numeric: string[];
  categorical: string[];
  /** Values (after trimming) that mean "missing"; ["", "?", "NA"] by default. */
  missing?: string[];
  /** A separate evaluation file in the same format, after dropping its first `skipRows` physical lines. */
  eval?: { path: string; skipRows?: number };
  /** Otherwise a seeded split of the one file; { eval: 0.2 } by default. */
  split?: { eval: number };
}

/** A CsvSource with every default filled in. */
export interface ResolvedCsvSource extends CsvSource {
  delimiter: string;
  missing: string[];
}

/** The tokens read as missing when a source does not list its own. */
export const defaultMissing: readonly string[] = Object.freeze(['', '?', 'NA']);
/** The evaluation fraction of a split when a source sets neither `eval` nor `split`. */
export const defaultEvalFraction = 0.2;

const KEYS = ['format', 'path', 'delimiter', 'header', 'columns', 'label', 'numeric', 'categorical', 'missing', 'eval', 'split'];

/** Validates `source` (RangeErrors name the field, the value and what is allowed) and fills in the defaults. */
export function resolveCsvSource(source: CsvSource): ResolvedCsvSource {
  check('source', source, isObject(source), 'an object');
  checkKeys('source', source, KEYS);
  check('format', source.format, source.format === 'csv', "'csv'");
  check('path', source.path, isName(source.path), 'a non-empty string');
  const delimiter = source.delimiter ?? ',';
  check('delimiter', JSON.stringify(delimiter), typeof delimiter === 'string' && [...delimiter].length === 1 && !/["\r\n]/.test(delimiter), 'one character other than a quote or a line end');
  check('header', source.header, typeof source.header === 'boolean', 'true or false');
  checkLabel(source.label);
  checkFeatures(source);
  checkColumns(source);
  const missing = source.missing ?? [...defaultMissing];
  checkNames('missing', missing, { allowEmpty: true });
  checkEvaluation(source);
  const resolved: ResolvedCsvSource = { ...source, delimiter, missing };
  if (!source.eval) resolved.split = source.split ?? { eval: defaultEvalFraction };
  return resolved;
}

function checkColumns(source: CsvSource): void {
  if (source.header) {
    check('columns', source.columns, source.columns === undefined, 'left out when the file has a header (names come from it)');
    return;
  }
  check('columns', source.columns, Array.isArray(source.columns), 'a list of column names when header is false');
  checkNames('columns', source.columns!, { unique: true });
  check('columns', source.columns, source.columns!.length >= 2, 'at least two names (a label and a feature)');
  const known = new Set(source.columns);
  for (const [field, name] of referencedColumns(source)) check(field, name, known.has(name), `one of the columns ${source.columns!.join(', ')}`);
}

/** Every column a source names outside `columns`, with the field that names it. */
export function referencedColumns(source: CsvSource): [string, string][] {
  return [
    ['label.column', source.label.column],
    ...source.numeric.map((c, i): [string, string] => [`numeric[${i}]`, c]),
    ...source.categorical.map((c, i): [string, string] => [`categorical[${i}]`, c]),
  ];
}

function checkLabel(label: LabelSpec): void {
  check('label', label, isObject(label), 'an object { column, positive, negative? } or { column, classes }');
  check('label.column', label.column, isName(label.column), 'a non-empty string');
  if ('classes' in label) {
    checkKeys('label', label, ['column', 'classes']);
    checkNames('label.classes', label.classes, { unique: true, allowEmpty: true });
    check('label.classes', label.classes, label.classes.length >= 2, 'at least two classes');
    return;
  }
  checkKeys('label', label, ['column', 'positive', 'negative']);
  check('label.positive', label.positive, Array.isArray(label.positive) && label.positive.length > 0, 'a non-empty list of values (or give classes)');
  checkNames('label.positive', label.positive, { unique: true, allowEmpty: true });
  if (label.negative === undefined) return;
  checkNames('label.negative', label.negative, { unique: true, allowEmpty: true });
  check('label.negative', label.negative, label.negative.length > 0, 'a non-empty list of values, or left out');
  const both = label.negative.find((v) => label.positive.includes(v));
  check('label.negative', both, both === undefined, 'values not also listed as positive');
}

function checkFeatures(source: CsvSource): void {
  check('numeric', source.numeric, Array.isArray(source.numeric), 'a list of column names');
  check('categorical', source.categorical, Array.isArray(source.categorical), 'a list of column names');
  checkNames('numeric', source.numeric, { unique: true });
  checkNames('categorical', source.categorical, { unique: true });
  check('numeric', '[]', source.numeric.length + source.categorical.length > 0, 'at least one numeric or categorical column');
  const numeric = new Set(source.numeric);
  source.categorical.forEach((c, i) => check(`categorical[${i}]`, c, !numeric.has(c), 'a column not also listed as numeric'));
  for (const [field, name] of referencedColumns(source).slice(1)) check(field, name, name !== source.label.column, 'a column other than the label');
}

function checkEvaluation(source: CsvSource): void {
  check('eval', 'both eval and split', !(source.eval && source.split), 'either eval (a separate file) or split, not both');
  if (source.eval) {
    check('eval', source.eval, isObject(source.eval), 'an object { path, skipRows? }');
    checkKeys('eval', source.eval, ['path', 'skipRows']);
    check('eval.path', source.eval.path, isName(source.eval.path), 'a non-empty string');
    if (source.eval.skipRows !== undefined) checkInteger('eval.skipRows', source.eval.skipRows, 0);
  }
  if (source.split) {
    check('split', source.split, isObject(source.split), 'an object { eval }');
    checkKeys('split', source.split, ['eval']);
    check('split.eval', source.split.eval, source.split.eval > 0 && source.split.eval < 1, 'a fraction in (0, 1)');
  }
}

function checkNames(field: string, names: unknown, o: { unique?: boolean; allowEmpty?: boolean } = {}): void {
  check(field, names, Array.isArray(names), 'a list of strings');
  (names as unknown[]).forEach((n, i) => check(`${field}[${i}]`, n, typeof n === 'string' && (o.allowEmpty || n !== ''), o.allowEmpty ? 'a string' : 'a non-empty string'));
  if (!o.unique) return;
  const seen = new Set<unknown>();
  (names as unknown[]).forEach((n, i) => {
    if (seen.has(n)) fail(`${field}[${i}]`, n, 'a value not listed before');
    seen.add(n);
  });
}

function checkKeys(field: string, value: object, allowed: string[]): void {
  for (const key of Object.keys(value)) check(`${field} key`, key, allowed.includes(key), `one of ${allowed.join(', ')}`);
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
