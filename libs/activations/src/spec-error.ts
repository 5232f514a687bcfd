/** Raised for an activation spec that cannot be used; the message names the spec, the bad value and what is allowed. */
export class ActivationSpecError extends Error {
  override name = 'ActivationSpecError';
}
