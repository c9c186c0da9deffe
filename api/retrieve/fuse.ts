// Reciprocal rank fusion: merges rankings from different retrievers by rank alone, so BM25
// scores and cosine similarities never need to be put on one scale.
export const RRF_K = 60;

/** Each ranking lists passage indexes, best first. Returns fused scores, best first. */
export function reciprocalRankFusion(rankings: readonly (readonly number[])[], k = RRF_K): { index: number; score: number }[] {
  const scores = new Map<number, number>();
  for (const ranking of rankings) {
    ranking.forEach((index, rank) => scores.set(index, (scores.get(index) ?? 0) + 1 / (k + rank + 1)));
  }
  return [...scores]
    .map(([index, score]) => ({ index, score }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
}
