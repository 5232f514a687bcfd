import { WireError } from './wire-error.js';

// Structural checks of decoded messages. Each throws a WireError naming the field, what was expected and what came
// (its type and size only, never its content), so a hostile message can neither crash a reader nor flood the log.

type TypedArrayConstructor = Float32ArrayConstructor | Uint32ArrayConstructor | Uint8ArrayConstructor;

/** A short description of a value's type and size, for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length} items`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of ${(value as Uint8Array).length} elements`;
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) < 1e15 ? `the number ${value}` : 'a number out of range';
  if (typeof value === 'object') return Object.getPrototypeOf(value) === Object.prototype ? 'an object' : `a ${value.constructor?.name ?? 'foreign'} object`;
  return `a ${typeof value}`;
}

/** `value` as a plain object holding every key of `required`, and otherwise only keys of `optional`. */
export function record(value: unknown, field: string, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
  const plain = typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value));
  if (!plain) throw new WireError(`${field}: expected an object, got ${describeValue(value)}`);
  const object = value as Record<string, unknown>;
  for (const key of required) if (!Object.hasOwn(object, key)) throw new WireError(`${field}: the field ${key} is missing`);
  const allowed = new Set([...required, ...optional]);
  const extra = Object.keys(object).find((key) => !allowed.has(key));
  if (extra !== undefined) throw new WireError(`${field}: unexpected field ${JSON.stringify(extra.slice(0, 32))}`);
  return object;
}

/** `value` as an integer in [min, max]. */
export function integer(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new WireError(`${field}: expected an integer from ${min} to ${max}, got ${describeValue(value)}`);
  }
  return value;
}

/** `value` as a finite number. */
export function finite(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new WireError(`${field}: expected a finite number, got ${describeValue(value)}`);
  return value;
}

/** `value` as any number, NaN and infinities included (a diverging run's loss is still a loss). */
export function number(value: unknown, field: string): number {
  if (typeof value !== 'number') throw new WireError(`${field}: expected a number, got ${describeValue(value)}`);
  return value;
}

/** `value` as a boolean. */
export function boolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new WireError(`${field}: expected true or false, got ${describeValue(value)}`);
  return value;
}

/** `value` as a string of at most `maxLength` characters, matching `pattern` when given. */
export function text(value: unknown, field: string, maxLength: number, pattern?: RegExp): string {
  if (typeof value !== 'string' || value.length > maxLength || (pattern && !pattern.test(value))) {
    throw new WireError(`${field}: expected ${pattern ? `a string matching ${pattern}` : 'a string'} of at most ${maxLength} characters, got ${describeValue(value)}`);
  }
  return value;
}

/** `value` as one of `choices`. */
export function oneOf<T extends string>(value: unknown, field: string, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new WireError(`${field}: expected one of ${choices.join(', ')}, got ${typeof value === 'string' ? JSON.stringify(value.slice(0, 32)) : describeValue(value)}`);
  }
  return value as T;
}

/** `value` as an array of at most `maxLength` items, each checked by `item`. */
export function arrayOf<T>(value: unknown, field: string, maxLength: number, item: (v: unknown, field: string) => T): T[] {
  if (!Array.isArray(value) || value.length > maxLength) throw new WireError(`${field}: expected an array of at most ${maxLength} items, got ${describeValue(value)}`);
  return value.map((v, i) => item(v, `${field}[${i}]`));
}

/** `value` as a typed array of type `type`, of exactly `length` elements when given, else of at most `maxLength`. */
export function typedArray<C extends TypedArrayConstructor>(value: unknown, field: string, type: C, length: { exactly: number } | { atMost: number }): InstanceType<C> {
  const ok = value instanceof type && ('exactly' in length ? value.length === length.exactly : value.length <= length.atMost);
  if (!ok) {
    const wanted = 'exactly' in length ? `of ${length.exactly} elements` : `of at most ${length.atMost} elements`;
    throw new WireError(`${field}: expected a ${type.name} ${wanted}, got ${describeValue(value)}`);
  }
  return value as InstanceType<C>;
}
