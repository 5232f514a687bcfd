const TWO32 = 2 ** 32;

/** Throws a RangeError naming `name` and `value` unless value is an integer in [min, max]. */
export function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${String(value)}`);
  }
}

/** A 32-bit counter or key word. */
export function checkUint32(name: string, value: number): void {
  checkInteger(name, value, 0, TWO32 - 1);
}

/** Seeds and draw indices: any non-negative integer a double holds exactly. */
export function checkSafeIndex(name: string, value: number): void {
  checkInteger(name, value, 0, Number.MAX_SAFE_INTEGER);
}
