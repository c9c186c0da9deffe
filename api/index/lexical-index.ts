// BM25 over analysed passage terms, scored per question concept: a concept counts once, through
// its best-matching alternative (the word itself, its compound parts, a variant), and the share
// of the question's concepts a passage covers is reported beside the score.
import type { Concept } from '../language/dutch-analyzer.js';

const UNSEEN_WEIGHT = 1.5;

export interface LexicalIndexData {
  k1: number;
  b: number;
  docLengths: number[];
  /** term → flat list of [passage index, term frequency] pairs */
  postings: Record<string, number[]>;
}

export interface LexicalHit {
  index: number;
  score: number;
  /** IDF-weighted share of the question's concepts found in the passage, 0..1 */
  coverage: number;
}

export function buildLexicalIndex(termLists: readonly string[][], k1 = 1.2, b = 0.75): LexicalIndexData {
  const postings: Record<string, number[]> = Object.create(null);
  termLists.forEach((terms, index) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) (postings[term] ??= []).push(index, count);
  });
  return { k1, b, docLengths: termLists.map((terms) => terms.length), postings };
}

export class LexicalIndex {
  readonly vocabulary: readonly string[];
  private readonly postings: Map<string, number[]>;
  private readonly averageLength: number;

  constructor(private readonly data: LexicalIndexData) {
    this.postings = new Map(Object.entries(data.postings));
    this.vocabulary = [...this.postings.keys()].sort();
    const total = data.docLengths.reduce((sum, length) => sum + length, 0);
    this.averageLength = total / Math.max(1, data.docLengths.length);
  }

  get size(): number {
    return this.data.docLengths.length;
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  idf(term: string): number {
    const documentFrequency = (this.postings.get(term)?.length ?? 0) / 2;
    return Math.log(1 + (this.size - documentFrequency + 0.5) / (documentFrequency + 0.5));
  }

  /**
   * The weight a concept carries: the IDF of its own word. A word the corpus has never seen
   * ("burgemeester", "Australië") weighs more than the rarest word it has: it is the strongest
   * sign that a question asks about something the documents do not cover.
   */
  conceptIdf(concept: Concept): number {
    const known = concept.alternatives.filter((alternative) => alternative.terms.every((term) => this.has(term)));
    if (known.length === 0) return this.idf('\u0000unseen') * UNSEEN_WEIGHT;
    return Math.max(...known.map((alternative) => alternative.weight * mean(alternative.terms.map((term) => this.idf(term)))));
  }

  search(concepts: readonly Concept[], limit: number): LexicalHit[] {
    const scores = new Float64Array(this.size);
    const coverage = new Float64Array(this.size);
    const weights = concepts.map((concept) => this.conceptIdf(concept));
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0) || 1;

    concepts.forEach((concept, c) => {
      const bestScore = new Map<number, number>();
      const bestCoverage = new Map<number, number>();
      for (const alternative of concept.alternatives) {
        const sums = new Map<number, number>();
        const matched = new Map<number, number>();
        for (const term of new Set(alternative.terms)) {
          const list = this.postings.get(term);
          if (!list) continue;
          const idf = this.idf(term);
          for (let i = 0; i < list.length; i += 2) {
            const doc = list[i]!;
            sums.set(doc, (sums.get(doc) ?? 0) + idf * this.saturate(list[i + 1]!, doc));
            matched.set(doc, (matched.get(doc) ?? 0) + 1);
          }
        }
        for (const [doc, sum] of sums) {
          const score = (alternative.weight * sum) / alternative.terms.length;
          const covered = (alternative.weight * matched.get(doc)!) / alternative.terms.length;
          if (score > (bestScore.get(doc) ?? 0)) bestScore.set(doc, score);
          if (covered > (bestCoverage.get(doc) ?? 0)) bestCoverage.set(doc, covered);
        }
      }
      for (const [doc, score] of bestScore) scores[doc]! += score;
      for (const [doc, covered] of bestCoverage) coverage[doc]! += (weights[c]! * covered) / totalWeight;
    });

    const hits: LexicalHit[] = [];
    scores.forEach((score, index) => {
      if (score > 0) hits.push({ index, score, coverage: coverage[index]! });
    });
    return hits.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, limit);
  }

  private saturate(frequency: number, doc: number): number {
    const { k1, b } = this.data;
    const norm = 1 - b + (b * this.data.docLengths[doc]!) / this.averageLength;
    return (frequency * (k1 + 1)) / (frequency + k1 * norm);
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}
