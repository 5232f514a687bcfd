/** Throws a RangeError naming the field, its value and what is allowed. */
export function fail(field: string, value: unknown, allowed: string): never {
  throw new RangeError(`${field} must be ${allowed}, got ${String(value)}`);
}

/** Fails unless `ok`. */
export function check(field: string, value: unknown, ok: boolean, allowed: string): void {
  if (!ok) fail(field, value, allowed);
}

/** An integer in [min, max]. */
export function checkInteger(field: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  check(field, value, Number.isInteger(value) && value >= min && value <= max, `an integer in [${min}, ${max}]`);
}
