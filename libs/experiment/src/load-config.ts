import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from './config-error.js';
import { configSchema, type Config } from './config-schema.js';
import { validateSemantics } from './validate-semantics.js';

/** Validates a config object (e.g. parsed JSON/YAML merged with flags); messages name the field, the value and what is allowed. */
export function resolveConfig(input: unknown, origin = 'config'): Config {
  const parsed = configSchema.safeParse(input ?? {});
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => describeIssue(issue, input, origin)).join('\n'));
  validateSemantics(parsed.data, origin);
  return parsed.data;
}

/** Reads a YAML or JSON config file (YAML is a superset of JSON) into an unvalidated object. */
export function readConfigFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return parseYaml(text) ?? {};
  } catch (error) {
    const e = error as { linePos?: Array<{ line: number }>; message: string };
    const line = e.linePos?.[0]?.line;
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: not valid YAML or JSON: ${e.message.split('\n')[0]}`);
  }
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown, origin: string): string {
  const field = issue.path.join('.') || '(root)';
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? `${field}.` : '';
    return `${origin}: unknown field ${issue.keys.map((k) => `"${where}${k}"`).join(', ')}; see \`churnlab --help\` or docs for the fields allowed`;
  }
  const value = valueAt(input, issue.path);
  return `${origin}: ${field}: ${JSON.stringify(value) ?? 'missing'} is not allowed; ${issue.message}`;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);
}
