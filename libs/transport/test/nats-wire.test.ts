import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../src/nats/codec.js';
import { headerFor, maxChunksFor, readFrame, toFrames } from '../src/nats/frames.js';
import { chunkBytesFor, defaultWireLimits, FRAME_OVERHEAD_BYTES, wireLimits } from '../src/nats/limits.js';
import { checkToken, subjects } from '../src/nats/subjects.js';
import { TransferAssembler } from '../src/nats/transfer-assembler.js';
import { arrayOf, boolean, describeValue, finite, integer, number, oneOf, record, text, typedArray } from '../src/nats/wire-checks.js';
import { quoted, WireError } from '../src/nats/wire-error.js';

const MAX_FRAME = defaultWireLimits.maxFrameBytes;

/** A frame as a hostile sender could write it: every field settable. */
function rawFrame(fields: Record<string, unknown>): Uint8Array {
  return encodeWire({ v: 1, kind: 'task', run: 'r1', transfer: 1, from: '', version: 0, step: 0, worker: 0, slot: 0, chunk: 0, chunks: 1, total: 3, bytes: new Uint8Array(3), ...fields });
}

describe('wire limits', () => {
  it('defaults keep a frame below the 1 MiB max_payload of a default nats-server', () => {
    const limits = wireLimits();
    expect(limits).toEqual(defaultWireLimits);
    expect(limits.maxFrameBytes).toBeLessThan(1024 * 1024);
  });

  it('refuses limits that are not positive integers or do not fit together', () => {
    expect(() => wireLimits({ maxSetupBytes: 0 })).toThrow(/maxSetupBytes: 0 is not allowed/);
    expect(() => wireLimits({ transferTimeoutMs: 1.5 })).toThrow(/transferTimeoutMs/);
    expect(() => wireLimits({ chunkBytes: 100 })).toThrow(/chunkBytes: 100 is not allowed; expected at least 4096/);
    expect(() => wireLimits({ chunkBytes: 600_000 })).toThrow(/maxFrameBytes: .* expected at least chunkBytes/);
  });

  it('sends smaller chunks on a server with a small max_payload, and refuses one too small to carry any', () => {
    expect(chunkBytesFor(wireLimits(), undefined)).toBe(512 * 1024);
    expect(chunkBytesFor(wireLimits(), 64 * 1024)).toBe(64 * 1024 - FRAME_OVERHEAD_BYTES);
    expect(chunkBytesFor(wireLimits(), 8 * 1024 * 1024)).toBe(512 * 1024);
    expect(() => chunkBytesFor(wireLimits(), 5000)).toThrow(/max_payload \(5000 bytes\) is too small/);
  });
});

describe('frames', () => {
  it('cut any body into frames that reassemble to the same bytes, whatever order they arrive in', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40_000 }), fc.integer({ min: 4096, max: 12_000 }), fc.integer(), (body, chunkBytes, seed) => {
        const header = { ...headerFor('gradient', 'run-1', 7, 'w1'), version: 3, step: 2, worker: 1, slot: 1 };
        const frames = toFrames(header, body, chunkBytes).map((f) => readFrame(f, MAX_FRAME));
        expect(frames).toHaveLength(Math.max(1, Math.ceil(body.length / chunkBytes)));
        for (const f of frames) expect({ ...f, bytes: undefined, chunk: 0 }).toEqual({ ...header, chunk: 0, chunks: frames.length, total: body.length, bytes: undefined });
        const shuffled = [...frames].sort((a, b) => ((a.chunk * 7919 + seed) % 13) - ((b.chunk * 7919 + seed) % 13));
        const assembler = new TransferAssembler(4, 1000);
        const results = shuffled.map((f) => assembler.add('k', f, body.length));
        expect(results.slice(0, -1).every((r) => r === undefined)).toBe(true);
        expect(Buffer.from(results.at(-1)!).equals(Buffer.from(body))).toBe(true);
        expect(assembler.size).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('headerFor leaves the task fields at -1', () => {
    expect(headerFor('setup', 'r', 4)).toEqual({ kind: 'setup', run: 'r', transfer: 4, from: '', version: -1, step: -1, worker: -1, slot: -1 });
  });

  it('bound the chunk count by the body size, so a tiny frame cannot announce a million chunks', () => {
    expect(maxChunksFor(0)).toBe(1);
    expect(maxChunksFor(4096)).toBe(1);
    expect(maxChunksFor(4097)).toBe(2);
    expect(() => readFrame(rawFrame({ chunks: 1_000_000, total: 10 }), MAX_FRAME)).toThrow(/frame.chunks: expected an integer from 1 to 1, got the number 1000000/);
  });

  it('refuse a frame above the size limit before decoding it, and garbage with a short reason', () => {
    const big = new Uint8Array(MAX_FRAME + 1);
    expect(() => readFrame(big, MAX_FRAME)).toThrow(`frame of ${MAX_FRAME + 1} bytes is above the limit of ${MAX_FRAME} bytes`);
    expect(() => readFrame(new Uint8Array([0xc1, 0xc1]), MAX_FRAME)).toThrow(/^frame is not valid MessagePack/);
    expect(() => readFrame(encodeWire('hello'), MAX_FRAME)).toThrow('frame: expected an object, got a string of 5 characters');
  });

  it('check every header field: types, ranges, names and the protocol version', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ v: 2 }, /protocol version 2 is not supported/],
      [{ kind: 'exfiltrate' }, /frame.kind: expected one of setup, ready, task/],
      [{ run: 'a.b' }, /frame.run: expected a string matching/],
      [{ run: 'x'.repeat(65) }, /frame.run/],
      [{ transfer: -1 }, /frame.transfer: expected an integer/],
      [{ transfer: 1.5 }, /frame.transfer/],
      [{ from: 'not a token' }, /frame.from: not a worker id/],
      [{ version: -2 }, /frame.version: expected an integer from -1/],
      [{ step: 2 ** 31 }, /frame.step/],
      [{ worker: '0' }, /frame.worker: expected an integer .* got a string of 1 characters/],
      [{ slot: null }, /frame.slot: .* got null/],
      [{ chunk: 1 }, /frame.chunk: expected an integer from 0 to 0/],
      [{ bytes: new Uint8Array(4) }, /frame.bytes: expected a Uint8Array of at most 3 elements/],
      [{ bytes: [1, 2, 3] }, /frame.bytes: expected a Uint8Array .* got an array of 3 items/],
      [{ extra: 1 }, /frame: unexpected field "extra"/],
      [{ total: undefined }, /frame: the field total is missing|frame.total/],
    ];
    for (const [fields, reason] of cases) expect(() => readFrame(rawFrame(fields), MAX_FRAME), JSON.stringify(Object.keys(fields))).toThrow(reason);
    expect(readFrame(rawFrame({}), MAX_FRAME).kind).toBe('task');
  });
});

describe('the transfer assembler', () => {
  const frames = (total: number, chunkBytes = 4096) => toFrames(headerFor('setup', 'r', 1), new Uint8Array(total).fill(7), chunkBytes).map((f) => readFrame(f, MAX_FRAME));

  it('refuses a body above the limit from its first frame, a repeated chunk and a changed announcement', () => {
    const [a, b] = frames(5000);
    const assembler = new TransferAssembler(4, 1000);
    expect(() => assembler.add('k', a!, 4999)).toThrow('setup of 5000 bytes is above the limit of 4999 bytes');
    expect(assembler.add('k', a!, 5000)).toBeUndefined();
    expect(() => assembler.add('k', a!, 5000)).toThrow('setup: chunk 0 of 2 arrived twice');
    expect(() => assembler.add('k', { ...b!, total: 6000 }, 9000)).toThrow(/chunk 1 says 2 chunks of 6000 bytes; its transfer has 2 of 5000/);
    expect(() => assembler.add('k', { ...b!, bytes: new Uint8Array(4000) }, 5000)).toThrow(/add up to more than the 5000 bytes/);
    expect(assembler.add('k', b!, 5000)).toHaveLength(5000);
  });

  it('refuses a one-chunk body whose bytes differ from its announced size, and short multi-chunk bodies', () => {
    const assembler = new TransferAssembler(4, 1000);
    const [one] = frames(10);
    expect(() => assembler.add('k', { ...one!, total: 11 }, 100)).toThrow('setup: a one-chunk body of 11 bytes came with 10');
    const [a, b] = frames(5000);
    assembler.add('s', a!, 5000);
    expect(() => assembler.add('s', { ...b!, bytes: b!.bytes.subarray(1) }, 5000)).toThrow('the chunks add up to 4999 bytes, not the 5000 announced');
  });

  it('keeps at most maxPending bodies open and forgets one whose chunks stop coming', () => {
    let now = 0;
    const assembler = new TransferAssembler(2, 1000, () => now);
    const [a] = frames(5000);
    assembler.add('one', a!, 5000);
    assembler.add('two', a!, 5000);
    expect(() => assembler.add('three', a!, 5000)).toThrow('2 messages are already being reassembled (the limit)');
    now = 2000;
    expect(assembler.add('three', a!, 5000)).toBeUndefined();
    expect(assembler.size).toBe(1);
    assembler.forget('three');
    expect(assembler.size).toBe(0);
  });
});

describe('the codec and the checks', () => {
  it('round-trips typed arrays as typed arrays, copied out of the input', () => {
    const input = encodeWire({ f: new Float32Array([1.5, -2]), u: [new Uint32Array([7])], b: Buffer.from([1, 2]) });
    const value = decodeWire(input, 1000, 'test') as { f: Float32Array; u: Uint32Array[]; b: Uint8Array };
    expect(value.f).toEqual(new Float32Array([1.5, -2]));
    expect(value.u[0]).toBeInstanceOf(Uint32Array);
    input.fill(0);
    expect([...value.b]).toEqual([1, 2]);
  });

  it('refuses input above the limit unread, and undecodable input', () => {
    expect(() => decodeWire(new Uint8Array(11), 10, 'task')).toThrow('task of 11 bytes is above the limit of 10 bytes');
    expect(() => decodeWire(new Uint8Array([0xdd, 0xff, 0xff, 0xff, 0xff]), 10, 'task')).toThrow(WireError);
  });

  it('name the field and the type and size of what came, never its content', () => {
    const secret = 'hunter2-secret-value';
    const reason = (check: () => unknown) => {
      try {
        check();
      } catch (error) {
        return (error as Error).message;
      }
      return 'passed';
    };
    expect(reason(() => text(secret, 'name', 5))).toBe('name: expected a string of at most 5 characters, got a string of 20 characters');
    expect(reason(() => integer(secret, 'n', 0, 3))).not.toContain(secret);
    expect(reason(() => oneOf(secret, 'k', ['a', 'b']))).toBe('k: expected one of a, b, got "hunter2-secret-value"');
    expect(reason(() => oneOf('x'.repeat(1000), 'k', ['a']))).toBe(`k: expected one of a, got "${'x'.repeat(32)}"`);
    expect(reason(() => record({ [secret]: 1 }, 'o', []))).toBe('o: unexpected field "hunter2-secret-value"');
    expect(reason(() => record(new Map(), 'o', []))).toBe('o: expected an object, got a Map object');
    expect(reason(() => record([], 'o', []))).toBe('o: expected an object, got an array of 0 items');
    expect(reason(() => record({}, 'o', ['a']))).toBe('o: the field a is missing');
    expect(reason(() => finite(Number.NaN, 'x'))).toBe('x: expected a finite number, got a number out of range');
    expect(number(Number.NaN, 'loss')).toBeNaN();
    expect(reason(() => number('1', 'loss'))).toBe('loss: expected a number, got a string of 1 characters');
    expect(reason(() => boolean(1, 'b'))).toBe('b: expected true or false, got the number 1');
    expect(reason(() => arrayOf([1, 2, 3], 'a', 2, (v) => v))).toBe('a: expected an array of at most 2 items, got an array of 3 items');
    expect(reason(() => arrayOf([1, 'x'], 'a', 2, (v, f) => integer(v, f, 0, 9)))).toBe('a[1]: expected an integer from 0 to 9, got a string of 1 characters');
    expect(reason(() => typedArray(new Float64Array(2), 'g', Float32Array, { exactly: 2 }))).toBe('g: expected a Float32Array of 2 elements, got a Float64Array of 2 elements');
    expect(describeValue(undefined)).toBe('a undefined');
    expect(describeValue(1e300)).toBe('a number out of range');
  });

  it('quote wire text bounded and escaped for a log line', () => {
    expect(quoted('a\nb')).toBe('"a\\nb"');
    expect(quoted('x'.repeat(100), 4)).toBe('"xxxx…"');
  });

  it('subjects take only safe tokens', () => {
    expect(subjects.run('run-1_A')).toBe('churnlab.run.run-1_A');
    expect(subjects.worker('abc')).toBe('churnlab.worker.abc');
    for (const bad of ['', 'a.b', 'a*', '>', 'a b', 'x'.repeat(65)]) expect(() => checkToken(bad, 'run id')).toThrow(/run id .* is not allowed/);
  });
});
