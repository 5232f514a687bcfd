import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isAlias, isScalar, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { ConfigError, shownValue } from './config-error.js';
import { isMapping, valueAt } from './json-shape.js';
import { configSchema, type Config } from './config-schema.js';
import { validateSemantics } from './validate-semantics.js';

/** Validates a config object (e.g. parsed JSON/YAML merged with flags); messages name the field, the value and what is allowed. */
export function resolveConfig(input: unknown, origin = 'config'): Config {
  const parsed = configSchema.safeParse(input ?? {});
  if (!parsed.success) throw new ConfigError(firstIssuePerField(parsed.error.issues).map((issue) => describeIssue(issue, input, origin)).join('; '));
  validateSemantics(parsed.data, origin);
  return parsed.data;
}

/**
 * Reads a YAML or JSON config file (YAML is a superset of JSON) into an unvalidated object. A relative data path in it
 * is taken from the file's directory, as the file's author meant it, and comes back absolute: a run's config.json then
 * names the same data from wherever it is read back.
 */
export function readConfigFile(file: string): unknown {
  return withDataPathsFrom(path.dirname(path.resolve(file)), parseConfigFile(file));
}

function parseConfigFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const lines = new LineCounter();
  try {
    const document = parseDocument(text, { lineCounter: lines });
    // A warning (an unknown tag, say) is refused like an error: the value it leaves is not what the file meant.
    const problem = document.errors[0] ?? document.warnings[0];
    if (problem) throw problem;
    refuseComplexKeys(document, file, lines);
    return document.toJS() ?? {};
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const e = error as { linePos?: Array<{ line: number }>; message: string };
    const line = e.linePos?.[0]?.line;
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: not valid YAML or JSON: ${e.message.split('\n')[0]}`);
  }
}

/** Refuses a key that is a list or mapping (`? [a, b]`), which JavaScript would turn into a string, with a warning. */
function refuseComplexKeys(document: Document, file: string, lines: LineCounter): void {
  visit(document, {
    Pair(_, pair) {
      const key = pair.key as YamlNode | null;
      if (key === null) return;
      // An alias key (`*name :`) stands for what it names: a scalar there is a plain field name.
      const named = isAlias(key) ? key.resolve(document) : key;
      if (named === undefined || isScalar(named)) return;
      const line = key.range ? `:${lines.linePos(key.range[0]).line}` : '';
      throw new ConfigError(`${file}${line}: a key that is a list or mapping (${String(named)}) is not allowed; expected field names`);
    },
  });
}

/** `config` with the data section's file and folder paths (path, dir, eval.path), where relative, resolved against `dir`. */
function withDataPathsFrom(dir: string, config: unknown): unknown {
  if (!isMapping(config) || !isMapping(config['data'])) return config;
  const resolved = (section: Record<string, unknown>, keys: string[]) =>
    Object.fromEntries(Object.entries(section).map(([key, value]) => [key, keys.includes(key) && typeof value === 'string' && value !== '' ? path.resolve(dir, value) : value]));
  const data = resolved(config['data'], ['path', 'dir']);
  if (isMapping(data['eval'])) data['eval'] = resolved(data['eval'], ['path']);
  return { ...config, data };
}

// One message per field (a value can break two rules of one field, e.g. an integer and a maximum), all on one line.
function firstIssuePerField(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const field = issue.path.join('.');
    if (issue.code === 'unrecognized_keys' || !seen.has(field)) return seen.add(field);
    return false;
  });
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown, origin: string): string {
  const field = issue.path.join('.') || '(root)';
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? `${field}.` : '';
    return `${origin}: unknown field ${issue.keys.map((k) => `"${where}${k}"`).join(', ')}; see \`churnlab --help\` or docs for the fields allowed`;
  }
  const value = valueAt(input, issue.path);
  return `${origin}: ${field}: ${shownValue(value)} is not allowed; ${issue.message}`;
}

