import { describe, expect, it } from 'vitest';
import { faultTolerant, MAX_STALL_MS, parseFault, SharedParameters, type GradientResult, type GradientTask, type GradientWorkers } from '../src/index.js';
import { SLOT_LOCK_TIMEOUT_MS } from '../src/shared-parameters.js';

const task: GradientTask = { step: 3, worker: 1, microShards: [], firstMicroShard: 0, scale: 1 };

describe('parseFault', () => {
  it('reads kill and stall specs, a stall defaulting to step 0', () => {
    expect(parseFault('kill:worker=1,step=50')).toEqual({ kind: 'kill', worker: 1, step: 50 });
    expect(parseFault('stall:worker=0,ms=500')).toEqual({ kind: 'stall', worker: 0, step: 0, ms: 500 });
    expect(parseFault(' stall:ms=20,worker=2,step=7 ')).toEqual({ kind: 'stall', worker: 2, step: 7, ms: 20 });
  });

  it.each(['kill', 'kill:worker=1', 'kill:step=3', 'kill:worker=1,step=2,ms=3', 'stall:worker=0', 'stall:worker=x,ms=1', 'pause:worker=0,ms=1', 'kill:worker=1,worker=2,step=1'])('refuses "%s", naming it and the accepted forms', (text) => {
    expect(() => parseFault(text)).toThrow(`fault: "${text}" is not allowed; expected kill:worker=W,step=S or stall:worker=W,ms=M[,step=S]`);
  });

  it('takes a stall of up to an hour, as long as a worker process accepts over NATS, and refuses a longer one', () => {
    expect(parseFault(`stall:worker=0,ms=${MAX_STALL_MS}`)).toEqual({ kind: 'stall', worker: 0, step: 0, ms: 3_600_000 });
    expect(() => parseFault('stall:worker=0,ms=3600001')).toThrow('fault: "stall:worker=0,ms=3600001" is not allowed; expected a stall of at most 3600000 ms (one hour)');
  });
});

/** Workers that fill their slot with the task's step (under the task's lease), after acting out what `plan` says for each attempt. */
function scriptedWorkers(store: SharedParameters, plan: Array<'die' | 'stall' | 'ok'>): GradientWorkers & { attempts: GradientTask[]; late: Array<Promise<void>> } {
  const attempts: GradientTask[] = [];
  const late: Array<Promise<void>> = [];
  return {
    count: 2,
    attempts,
    late,
    async compute(t) {
      attempts.push(t);
      const slot = t.slot ?? t.worker;
      const act = plan.shift() ?? 'ok';
      if (act === 'die') throw new Error('worker exited with code: 1');
      const fill = (value: number): GradientResult => {
        const written = store.writeSlotLeased(slot, t.lease!, () => store.gradientSlot(slot).fill(value));
        return { step: t.step, worker: t.worker, versionRead: 0, lossSum: 1, rows: 1, ...(written ? {} : { superseded: true }) };
      };
      if (act === 'stall') {
        // Answers long after the timeout, trying to write a wrong value into the slot its retry has filled.
        const answer = new Promise<GradientResult>((resolve) => setTimeout(() => resolve(fill(-1)), 80));
        late.push(answer.then(() => undefined));
        return answer;
      }
      return fill(t.step);
    },
  };
}

describe('faultTolerant', () => {
  it('computes a task again when its worker dies, and resolves once with the retry', async () => {
    const store = SharedParameters.create(new Float32Array(4), 2);
    const workers = scriptedWorkers(store, ['die', 'ok']);
    const messages: string[] = [];
    const result = await faultTolerant(workers, store, { timeoutMs: 1000, onFault: (m) => messages.push(m) }).compute(task);
    expect(result).toMatchObject({ step: 3, worker: 1 });
    expect(workers.attempts).toHaveLength(2);
    expect(Array.from(store.gradientSlot(1))).toEqual([3, 3, 3, 3]);
    expect(messages).toEqual(['step 3, worker 1: attempt 1 failed (worker exited with code: 1); computing the task again']);
  });

  it('gives a stalled task to another attempt after the timeout; the stalled one can no longer write the slot', async () => {
    const store = SharedParameters.create(new Float32Array(4), 2);
    const workers = scriptedWorkers(store, ['stall', 'ok']);
    const result = await faultTolerant(workers, store, { timeoutMs: 20 }).compute(task);
    expect(result.superseded).toBeUndefined();
    await Promise.all(workers.late);
    expect(Array.from(store.gradientSlot(1))).toEqual([3, 3, 3, 3]);
    expect(workers.attempts.map((a) => a.lease)).toEqual([1, 2]);
  });

  it('injects each configured fault into the first attempt of its task only', async () => {
    const store = SharedParameters.create(new Float32Array(4), 2);
    const workers = scriptedWorkers(store, []);
    const tolerant = faultTolerant(workers, store, { timeoutMs: 1000, faults: [parseFault('stall:worker=1,ms=5,step=3')] });
    await tolerant.compute(task);
    await tolerant.compute(task);
    expect(workers.attempts.map((a) => a.fault)).toEqual([{ kind: 'stall', ms: 5 }, undefined]);
  });

  it('fails the run when every attempt fails, saying how often and why', async () => {
    const store = SharedParameters.create(new Float32Array(4), 2);
    const workers = scriptedWorkers(store, ['die', 'die', 'die']);
    const failure = faultTolerant(workers, store, { timeoutMs: 1000 }).compute(task);
    await expect(failure).rejects.toThrow('step 3, worker 1: no attempt of 3 succeeded (last: worker exited with code: 1)');
    // The last attempt's own error rides along, so that --verbose shows where it came from.
    await expect(failure).rejects.toMatchObject({ cause: expect.objectContaining({ message: 'worker exited with code: 1' }) });
  });
});

describe('slot leases', () => {
  it('let only the holder of the latest lease write a slot', () => {
    const store = SharedParameters.create(new Float32Array(2), 2);
    const first = store.leaseSlot(0);
    const second = store.leaseSlot(0);
    expect(store.writeSlotLeased(0, first, () => store.gradientSlot(0).fill(7))).toBe(false);
    expect(store.writeSlotLeased(0, second, () => store.gradientSlot(0).fill(8))).toBe(true);
    expect(Array.from(store.gradientSlot(0))).toEqual([8, 8]);
    expect(store.leaseSlot(1)).toBe(1);
  });

  it('fail, naming the slot, when its lock stays held (its holder stopped while filling the slot), and leave the other slots usable', () => {
    const store = SharedParameters.create(new Float32Array(2), 2);
    // The lock word of slot 1, as a thread that was terminated while it held the lock leaves it.
    new Int32Array(store.handle.leases)[2] = 1;
    const start = performance.now();
    expect(() => store.leaseSlot(1)).toThrow(`gradient slot 1: its lock has been held for ${SLOT_LOCK_TIMEOUT_MS} ms; the thread holding it stopped while it filled the slot`);
    expect(performance.now() - start).toBeGreaterThanOrEqual(SLOT_LOCK_TIMEOUT_MS);
    expect(store.leaseSlot(0)).toBe(1);
  }, 3 * SLOT_LOCK_TIMEOUT_MS);
});
