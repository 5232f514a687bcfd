/** An activation spec split into what the β charts group by. */
export interface ActivationFamily {
  family: string;
  beta?: number;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The family (text before ':') and β (the lone number after ':', as in 'smelu:1', or the value of beta=, as in 'gsmelu:…,beta=2') of an activation spec. */
export function activationFamily(spec: string): ActivationFamily {
  const colon = spec.indexOf(':');
  if (colon < 0) return { family: spec.trim() };
  const family = spec.slice(0, colon).trim();
  const parts = spec.slice(colon + 1).split(',').map((part) => part.trim());
  const lone = parts.length === 1 && !parts[0]!.includes('=') ? parts[0] : undefined;
  const keyed = parts.map((part) => part.split('=').map((piece) => piece.trim())).find(([key]) => key === 'beta')?.[1];
  const text = lone ?? keyed;
  return text !== undefined && DECIMAL.test(text) ? { family, beta: Number(text) } : { family };
}

/** The spec with its β left out (`smelu:2` → `smelu`, `gsmelu:alpha=1,beta=2` → `gsmelu:alpha=1`): activations on one β line differ in β only. */
export function betaLine(spec: string): string {
  const { family, beta } = activationFamily(spec);
  if (beta === undefined) return spec.trim();
  const others = spec.slice(spec.indexOf(':') + 1).split(',').map((part) => part.trim()).filter((part) => part.includes('=') && part.split('=')[0]!.trim() !== 'beta');
  return others.length > 0 ? `${family}:${others.join(',')}` : family;
}
