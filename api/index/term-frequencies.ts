// The terms of one passage, counted: what BM25 postings (term → passages, frequency) and the
// document frequencies of a build are made of, in every store.
export function termFrequencies(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
