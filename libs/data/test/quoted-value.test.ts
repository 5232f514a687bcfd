import { describe, expect, it } from 'vitest';
import { quoteValue, SHOWN_CHARS } from '../src/readers/quoted-value.js';

describe('quoteValue', () => {
  it('quotes a value of up to SHOWN_CHARS characters whole, with empty, blank and control characters visible', () => {
    expect(quoteValue('')).toBe('""');
    expect(quoteValue(' ')).toBe('" "');
    expect(quoteValue('a\tb')).toBe('"a\\tb"');
    expect(quoteValue('x'.repeat(SHOWN_CHARS))).toBe(`"${'x'.repeat(SHOWN_CHARS)}"`);
  });

  it('cuts a longer value after SHOWN_CHARS characters, with … and its length after the closing quote', () => {
    expect(quoteValue('x'.repeat(SHOWN_CHARS + 1))).toBe(`"${'x'.repeat(SHOWN_CHARS)}"… (${SHOWN_CHARS + 1} characters)`);
    const fiveMegabytes = '1'.repeat(5 * 1024 * 1024);
    expect(quoteValue(fiveMegabytes)).toBe(`"${'1'.repeat(SHOWN_CHARS)}"… (5242880 characters)`);
  });

  it('never cuts a surrogate pair in half', () => {
    const value = `${'x'.repeat(SHOWN_CHARS - 1)}😀${'y'.repeat(10)}`;
    expect(quoteValue(value)).toBe(`"${'x'.repeat(SHOWN_CHARS - 1)}"… (${value.length} characters)`);
  });
});
