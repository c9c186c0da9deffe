// Sorted string tables, searched by bisection: the vocabulary of an index, the pieces of a
// tokenizer. Code-unit order, the order JavaScript's < gives, is the one every table uses.
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The position of `value` in `sorted` (code-unit order), or -1. */
export function indexInSorted(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const candidate = sorted[middle]!;
    if (candidate === value) return middle;
    if (candidate < value) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
