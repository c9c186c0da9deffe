// Lookups in a term's postings, which hold passage positions in ascending order.

/** Stretches of positions [from, until), ascending and apart: the passages of a scope. */
export type Intervals = readonly (readonly [number, number])[];

/** The first index from `from` whose position is at least `position`: galloping, then bisection. */
export function firstAtOrAfter(positions: ArrayLike<number>, position: number, from: number): number {
  let low = from;
  let step = 1;
  let high = from;
  while (high < positions.length && positions[high]! < position) {
    low = high + 1;
    high = from + step;
    step *= 2;
  }
  high = Math.min(high, positions.length);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positions[middle]! < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many of the ascending positions lie inside the intervals. */
export function countInside(positions: ArrayLike<number>, intervals: Intervals): number {
  let count = 0;
  for (const [from, until] of intervals) count += firstAtOrAfter(positions, until, 0) - firstAtOrAfter(positions, from, 0);
  return count;
}
