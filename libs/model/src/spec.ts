/** What a model is: an MLP from `inputs` features through `hidden` layers to `outputs` (1 = sigmoid probability, K ≥ 2 = softmax). */
export interface ModelSpec {
  inputs: number;
  hidden: number[];
  outputs: number;
  /** Activation spec string, e.g. `relu`, `smelu:1`, `gelu:tanh`. */
  activation: string;
  /** Layer normalisation of every hidden pre-activation. */
  layerNorm: boolean;
}

/** Throws a RangeError naming the field when a spec cannot describe a network. */
export function validateModelSpec(spec: ModelSpec): void {
  const positiveInt = (field: string, v: number) => {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`model.${field}: ${v} is not allowed; expected a positive integer`);
  };
  positiveInt('inputs', spec.inputs);
  spec.hidden.forEach((w, i) => positiveInt(`hidden[${i}]`, w));
  positiveInt('outputs', spec.outputs);
}
