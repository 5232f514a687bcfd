/** A fault to inject: worker `worker`'s task of step `step` dies part-way (kill) or stalls for `ms` milliseconds (stall). */
export type FaultSpec = { kind: 'kill'; worker: number; step: number } | { kind: 'stall'; worker: number; step: number; ms: number };

/** The longest stall that may be injected: one hour, as long as a worker process accepts over NATS. */
export const MAX_STALL_MS = 3_600_000;

/** The text forms parseFault accepts. */
export const faultForms = 'kill:worker=W,step=S or stall:worker=W,ms=M[,step=S] (step 0 when left out)';

/** Parses `kill:worker=1,step=50` or `stall:worker=0,ms=500[,step=S]`; throws a RangeError naming the value and the forms. */
export function parseFault(text: string): FaultSpec {
  const fail = (): never => {
    throw new RangeError(`fault: "${text}" is not allowed; expected ${faultForms}`);
  };
  const [kind, rest = ''] = text.trim().split(/:(.*)/s, 2) as [string, string | undefined];
  const fields = new Map<string, number>();
  for (const pair of rest.split(',')) {
    const [key, value] = pair.split('=').map((s) => s.trim());
    if (!key || value === undefined || !/^\d+$/.test(value) || fields.has(key)) fail();
    fields.set(key!, Number(value));
  }
  const allowed = kind === 'kill' ? ['worker', 'step'] : kind === 'stall' ? ['worker', 'step', 'ms'] : fail();
  if ([...fields.keys()].some((k) => !allowed.includes(k)) || !fields.has('worker') || (kind === 'kill' && !fields.has('step')) || (kind === 'stall' && !fields.has('ms'))) fail();
  const worker = fields.get('worker')!;
  const step = fields.get('step') ?? 0;
  if (kind === 'kill') return { kind, worker, step };
  const ms = fields.get('ms')!;
  if (ms > MAX_STALL_MS) throw new RangeError(`fault: "${text}" is not allowed; expected a stall of at most ${MAX_STALL_MS} ms (one hour)`);
  return { kind: 'stall', worker, step, ms };
}
