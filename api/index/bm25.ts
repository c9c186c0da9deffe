// BM25 as every store ranks with it, so the embedded index and a database rank alike: the
// stores only say where a term occurs; the scoring below is the one both use.
import type { Concept } from '../language/dutch-analyzer.js';

// k1 = 1.2 and b = 0.75 are the defaults of Robertson & Zaragoza ("The Probabilistic Relevance
// Framework: BM25 and Beyond", 2009); on the dev questions, k1 in 0.9–1.5 and b in 0.6–0.9 moved
// MRR@10 by less than 0.01, so the textbook values stay.
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** Inverse document frequency, the BM25 (Lucene) form: never negative, highest for unseen terms. */
export function inverseDocumentFrequency(documentFrequency: number, passageCount: number): number {
  return Math.log(1 + (passageCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** The saturated term-frequency part of BM25 for one term in one passage. */
export function saturatedFrequency(frequency: number, passageLength: number, averageLength: number): number {
  const norm = 1 - BM25_B + (BM25_B * passageLength) / averageLength;
  return (frequency * (BM25_K1 + 1)) / (frequency + BM25_K1 * norm);
}

/** Where a term occurs, as a store can tell: passage positions with the term's frequency there. */
export interface PostingsSource {
  readonly passageCount: number;
  readonly averageLength: number;
  /** The term's postings (positions ascending), or null when no passage holds it. */
  postings(term: string): { positions: ArrayLike<number>; frequencies: ArrayLike<number> } | null;
  /** Terms in the passage at `position`. */
  length(position: number): number;
}

export interface RankedPosition {
  position: number;
  score: number;
}

/**
 * BM25 per question concept: a concept counts once, through its best-matching alternative (the
 * word itself, its compound parts, a variant); an alternative of several terms scores their mean.
 * Ties go to the earlier position, so every store breaks them alike.
 */
export function rankByBm25(concepts: readonly Concept[], source: PostingsSource, limit: number): RankedPosition[] {
  const scores = new Map<number, number>();
  for (const concept of concepts) {
    const best = new Map<number, number>();
    for (const alternative of concept.alternatives) {
      const sums = new Map<number, number>();
      for (const term of new Set(alternative.terms)) {
        const postings = source.postings(term);
        if (!postings) continue;
        const idf = inverseDocumentFrequency(postings.positions.length, source.passageCount);
        for (let p = 0; p < postings.positions.length; p++) {
          const position = postings.positions[p]!;
          const tf = saturatedFrequency(postings.frequencies[p]!, source.length(position), source.averageLength);
          sums.set(position, (sums.get(position) ?? 0) + idf * tf);
        }
      }
      for (const [position, sum] of sums) {
        const score = (alternative.weight * sum) / alternative.terms.length;
        if (score > (best.get(position) ?? 0)) best.set(position, score);
      }
    }
    for (const [position, score] of best) scores.set(position, (scores.get(position) ?? 0) + score);
  }
  const hits: RankedPosition[] = [];
  for (const [position, score] of scores) if (score > 0) hits.push({ position, score });
  return hits.sort((a, b) => b.score - a.score || a.position - b.position).slice(0, limit);
}
