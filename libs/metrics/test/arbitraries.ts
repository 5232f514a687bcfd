import fc from 'fast-check';

/** `rows` × `classes` probabilities in [0, 1], as a plain array or a Float32Array (zeros and ones are likely). */
export function probabilities(rows: number, classes = 1): fc.Arbitrary<ArrayLike<number>> {
  const length = rows * classes;
  return fc.oneof(
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: length, maxLength: length }),
    fc.float32Array({ min: 0, max: 1, noNaN: true, minLength: length, maxLength: length }),
  );
}

/** One row of a probability distribution over `classes`; small integer weights make argmax ties common. */
const distribution = (classes: number): fc.Arbitrary<number[]> =>
  fc
    .array(fc.integer({ min: 0, max: 4 }), { minLength: classes, maxLength: classes })
    .filter((w) => w.some((x) => x > 0))
    .map((w) => {
      const total = w.reduce((s, x) => s + x, 0);
      return w.map((x) => x / total);
    });

/** `rows` rows of distributions over `classes`, flattened row-major. */
export const distributions = (rows: number, classes: number): fc.Arbitrary<number[]> =>
  fc.array(distribution(classes), { minLength: rows, maxLength: rows }).map((r) => r.flat());
