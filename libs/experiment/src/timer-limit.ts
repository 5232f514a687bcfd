/**
 * The longest wait, in milliseconds, that a Node.js timer keeps (2³¹ − 1, about 24.8 days). setTimeout stores its delay
 * as a signed 32-bit number and turns a longer one into 1 ms (with a TimeoutOverflowWarning), so a task or join timeout
 * beyond it would expire at once: every task of a run would time out.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Why a timeout is refused above MAX_TIMER_MS, for the messages of the config fields that hold one. */
export const timerLimitReason = 'the longest wait a Node.js timer keeps (about 24.8 days); a longer one would expire after 1 ms';
