import { ConfigError, shownValue } from './config-error.js';

/** Whether a parsed JSON or YAML value is a mapping (an object that is not an array or null). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` inside a parsed document, undefined where the path leaves it. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);
}

/** Throws a ConfigError at `where` naming the first of `fields` of `record` that is not a whole number ≥ `min`. */
export function checkWholeNumbers(record: Record<string, unknown>, fields: readonly string[], min: number, where: string): void {
  for (const field of fields) {
    const value = record[field];
    if (!Number.isSafeInteger(value) || (value as number) < min) throw new ConfigError(`${where}: ${field}: ${shownValue(value)} is not allowed; expected a whole number ≥ ${min}`);
  }
}
