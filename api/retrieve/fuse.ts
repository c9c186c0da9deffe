// Reciprocal rank fusion: merges rankings from different retrievers by rank alone, so BM25
// scores and cosine similarities never need to be put on one scale.
/**
 * k = 60 is the constant of Cormack, Clarke & Büttcher ("Reciprocal Rank Fusion outperforms
 * Condorcet and individual Rank Learning Methods", SIGIR 2009), chosen there on TREC runs and
 * left at that value here: the dense half cannot be measured on these machines (no weights).
 */
export const RRF_K = 60;

/** Each ranking lists passage ids, best first. Returns fused scores, best first. */
export function reciprocalRankFusion(rankings: readonly (readonly string[])[], k = RRF_K): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  for (const ranking of rankings) {
    ranking.forEach((id, rank) => {
      scores.set(id, (scores.get(id) ?? 0) + 1 / (k + rank + 1));
      if (!firstSeen.has(id)) firstSeen.set(id, firstSeen.size);
    });
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || firstSeen.get(a.id)! - firstSeen.get(b.id)!);
}
