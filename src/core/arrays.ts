/**
 * Bounded-stack helpers for arrays of any length. Spreading an array into a call's arguments
 * (`Math.max(...x)`, `out.push(...x)`) puts every element on the stack and throws RangeError past
 * ~120k elements; these loop instead (test/architecture/spread.test.ts forbids the spread).
 */

/** The largest value, or `floor` when there is none larger (Math.max(floor, ...values)). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max || Number.isNaN(v)) max = v;
  return max;
}

/** The smallest value, or `ceiling` when there is none smaller (Math.min(ceiling, ...values)). */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const v of values) if (v < min || Number.isNaN(v)) min = v;
  return min;
}

/** Appends every item (target.push(...items)); returns the target. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
