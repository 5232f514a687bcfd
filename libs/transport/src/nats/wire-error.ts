/** Why an incoming message was dropped: short, and never a copy of the message's content. */
export class WireError extends Error {
  override name = 'WireError';
}

/** Printable, bounded form of a text that came off the wire, safe to put in a log line. */
export function quoted(text: string, max = 64): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(shown);
}
