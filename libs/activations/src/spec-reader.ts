import { ActivationSpecError } from './spec-error.js';

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Prints a number in the shortest form that reads back to the same double (0.5, 1, 1e-7). */
export function formatNumber(value: number): string {
  return String(value);
}

/** One spec (`name`, `name:value` or `name:key=value,...`) whose parameters an activation's factory reads one by one; `finish` rejects the rest. */
export class SpecReader {
  readonly name: string;
  private readonly positional: string | undefined;
  private readonly keyed = new Map<string, string>();
  private readonly knownKeys: string[] = [];
  private positionalTaken = false;

  constructor(readonly spec: string) {
    const colon = spec.indexOf(':');
    this.name = (colon < 0 ? spec : spec.slice(0, colon)).trim();
    if (colon < 0) return;
    const parts = spec.slice(colon + 1).split(',').map((part) => part.trim());
    if (parts.some((part) => part === '')) throw this.error('empty parameter (write name, name:value or name:key=value,...)');
    if (parts.length === 1 && !parts[0]!.includes('=')) {
      this.positional = parts[0];
      return;
    }
    for (const part of parts) {
      const [key, value, ...rest] = part.split('=').map((piece) => piece.trim());
      if (!key || !value || rest.length > 0) throw this.error(`"${part}" is not key=value (write name:key=value,...)`);
      if (this.keyed.has(key)) throw this.error(`${key} is given twice`);
      this.keyed.set(key, value);
    }
  }

  /** An ActivationSpecError whose message starts by naming this spec. */
  error(detail: string): ActivationSpecError {
    return new ActivationSpecError(`invalid activation spec "${this.spec}": ${detail}`);
  }

  /** A finite number given as key=value (or as the lone value when `positional`), or `fallback` when absent. */
  number(key: string, fallback: number, { positional = false } = {}): number {
    this.knownKeys.push(key);
    const text = this.keyed.get(key) ?? (positional ? this.takePositional() : undefined);
    if (text === undefined) return fallback;
    if (!DECIMAL.test(text)) throw this.error(`${key} = "${text}" is not a number (write a decimal such as 0.5 or 1e-3)`);
    const value = Number(text);
    if (!Number.isFinite(value)) throw this.error(`${key} = ${text} is not finite (${key} must be a finite number)`);
    return value;
  }

  /** The lone value when it is one of `allowed` words (as in gelu:tanh), undefined when there is none. */
  word(allowed: readonly string[], meaning: string): string | undefined {
    const text = this.takePositional();
    if (text === undefined || allowed.includes(text)) return text;
    throw this.error(`"${text}" is not allowed (${meaning})`);
  }

  /** Rejects what no parameter read: unknown keys and a lone value nobody takes. */
  finish(): void {
    const allowed = this.knownKeys.length > 0 ? `allowed keys: ${this.knownKeys.join(', ')}` : `${this.name} takes no key=value parameters`;
    const unknown = [...this.keyed.keys()].filter((key) => !this.knownKeys.includes(key));
    if (unknown.length > 0) throw this.error(`unknown key ${unknown.join(', ')} for ${this.name} (${allowed})`);
    if (this.positional !== undefined && !this.positionalTaken) {
      throw this.error(`${this.name} takes no lone value, got "${this.positional}" (${allowed})`);
    }
  }

  private takePositional(): string | undefined {
    if (this.positional === undefined) return undefined;
    this.positionalTaken = true;
    return this.positional;
  }
}

/**
 * The widths of smoothing (β, and gsmelu's α + β) that float32 can compute with: SmeLU's (x + β)²/(4β) overflows from
 * β ≈ 1e19 and turns to NaN below β ≈ 1e-40, softplus and swish do beyond 1e34 and below 1e-39. Within this range every
 * activation stays finite for any finite input, with many decades to spare.
 */
export const SMOOTHING_RANGE = { min: 1e-6, max: 1e6 } as const;

/** Whether `width` lies in SMOOTHING_RANGE. */
export function smoothingInRange(width: number): boolean {
  return width >= SMOOTHING_RANGE.min && width <= SMOOTHING_RANGE.max;
}

/** β of the one-parameter activations: `name:β` or `name:beta=β`, default 1, in SMOOTHING_RANGE; `ifZero` explains what β = 0 would mean. */
export function readBeta(reader: SpecReader, ifZero = ''): number {
  const beta = reader.number('beta', 1, { positional: true });
  if (smoothingInRange(beta)) return beta;
  const hint = beta === 0 && ifZero ? `; ${ifZero}` : '';
  throw reader.error(`beta = ${formatNumber(beta)} is not allowed (beta must be a number from ${formatNumber(SMOOTHING_RANGE.min)} to ${formatNumber(SMOOTHING_RANGE.max)})${hint}`);
}
