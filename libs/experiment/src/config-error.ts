/** A configuration or usage problem the user can fix; the CLI exits with code 2 on it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A value as a message shows it: JSON, NaN and ±Infinity as themselves (where JSON writes null), and `missing` for undefined. */
export function shownValue(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? 'missing';
}
