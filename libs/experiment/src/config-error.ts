/** A configuration or usage problem the user can fix; the CLI exits with code 2 on it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
