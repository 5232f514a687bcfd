/**
 * How a reduction adds one gradient into another, in place, returning the left one: over whole vectors (addInto of
 * @churnlab/kernels), or over just the elements a sparse step can have touched.
 */
export type AddInto = (left: Float32Array, right: Float32Array) => Float32Array;
