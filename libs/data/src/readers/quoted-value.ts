/** How many characters of a value an error message shows; enough to recognise a cell, short enough for one line. */
export const SHOWN_CHARS = 40;

/**
 * A file's value as an error message quotes it: in JSON quotes, so empty, blank and control characters are visible,
 * and, when longer than SHOWN_CHARS, cut there with `…` and its full length after the closing quote, so a runaway
 * cell (a 5 MB number, a quote that is never closed) cannot turn one line of stderr into megabytes.
 */
export function quoteValue(value: string): string {
  if (value.length <= SHOWN_CHARS) return JSON.stringify(value);
  // Cutting between the halves of a surrogate pair would show a lone half, which JSON.stringify escapes as \udxxx.
  const end = isHighSurrogate(value.charCodeAt(SHOWN_CHARS - 1)) ? SHOWN_CHARS - 1 : SHOWN_CHARS;
  return `${JSON.stringify(value.slice(0, end))}… (${value.length} characters)`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
