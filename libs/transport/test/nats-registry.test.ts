import { describe, expect, it } from 'vitest';
import { DropLog, reasonOf } from '../src/nats/drop-log.js';
import { WireError } from '../src/nats/wire-error.js';
import { WorkerRegistry } from '../src/nats/worker-registry.js';

const hello = (id: string) => ({ kind: 'hello' as const, id, name: `n-${id}`, heartbeatMs: 100 });

describe('the worker registry', () => {
  it('lists processes in join order, keeps them alive on every hello, and drops them on bye or silence', () => {
    let now = 0;
    const registry = new WorkerRegistry(500, () => now);
    expect(registry.update(hello('b')).joined?.name).toBe('n-b');
    expect(registry.update(hello('a')).joined?.id).toBe('a');
    expect(registry.update(hello('b'))).toEqual({});
    expect(registry.live().map((w) => w.id)).toEqual(['b', 'a']);
    now = 400;
    registry.update(hello('a'));
    now = 600;
    expect(registry.expire().map((d) => [d.worker.id, d.reason])).toEqual([['b', 'stopped answering (no heartbeat for 600 ms)']]);
    expect(registry.get('b')).toBeUndefined();
    expect(registry.update({ ...hello('a'), kind: 'bye' }).departed?.reason).toBe('left (it said bye)');
    expect(registry.update({ ...hello('zz'), kind: 'bye' })).toEqual({});
    expect(registry.live()).toEqual([]);
  });

  it('waits for enough processes, or says how many came', async () => {
    const registry = new WorkerRegistry(500);
    const two = registry.waitFor(2, 1000);
    registry.update(hello('x'));
    registry.update(hello('y'));
    await expect(two).resolves.toBeUndefined();
    await expect(registry.waitFor(1, 10)).resolves.toBeUndefined();
    await expect(registry.waitFor(3, 30)).rejects.toThrow('2 of the 3 worker process(es) needed joined within 30 ms');
  });

  it('keeps track of at most 1024 processes, so a flood of hellos cannot grow it without end', () => {
    const registry = new WorkerRegistry(500);
    for (let i = 0; i < 1024; i++) registry.update(hello(`w${i}`));
    expect(() => registry.update(hello('one-more'))).toThrow('1024 worker processes have joined already (the limit); ignoring one-more');
  });
});

describe('the drop log', () => {
  it('logs each drop with its reason, at most maxLines per window, then how many it held back', () => {
    let now = 0;
    const lines: string[] = [];
    const log = new DropLog((line) => lines.push(line), 2, 1000, () => now);
    for (let i = 0; i < 5; i++) log.dropped('churnlab.run.r', new WireError(`reason ${i}`));
    expect(lines).toEqual(['dropped a message on churnlab.run.r: reason 0', 'dropped a message on churnlab.run.r: reason 1']);
    now = 1500;
    log.dropped('churnlab.hello', new RangeError('bad'));
    expect(lines.slice(2)).toEqual(['dropped 3 more message(s) in the last 2 s without logging each', 'dropped a message on churnlab.hello: RangeError: bad']);
  });

  it('keeps a reason to one bounded line', () => {
    expect(reasonOf(new Error('a\nb'))).toBe('Error: a b');
    expect(reasonOf('x'.repeat(1000))).toHaveLength(300);
    expect(reasonOf(new WireError('why'))).toBe('why');
  });
});
