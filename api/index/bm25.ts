// BM25 as every store ranks with it, so the embedded index and a database rank alike.
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
