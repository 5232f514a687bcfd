import { record, text } from './wire-checks.js';

/** The body of a failed frame: why a worker process could not do what it was asked (set up, compute, predict). */
export interface FailedMessage {
  message: string;
}

/** Longest reason a worker sends; a longer one is cut. */
const MAX_REASON = 500;

/** The failed body for `error`. */
export function failedMessage(error: unknown): FailedMessage {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { message: message.slice(0, MAX_REASON) };
}

/** Checks a decoded failed body. */
export function readFailedMessage(value: unknown): FailedMessage {
  return { message: text(record(value, 'failed', ['message'])['message'], 'failed.message', MAX_REASON) };
}
